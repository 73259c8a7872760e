/**
 * A new source document added to a draft from the curate panel's form: the record is made the way
 * `npm run add-source` makes it (same id, same fields), with its lineage when the curator names
 * what it retells. The form's own checks catch only what would stop the record being made; the
 * validator (validateDraft) says the rest, as check:data would.
 */
import type { SourceDate, SourceDocument } from "../types.ts";
import type { Draft } from "./draft.ts";
import { newSourceId } from "./source-text.ts";

export interface SourceForm {
  title: string;
  /** Empty when the text names no outlet. */
  outlet: string;
  date: string;
  precision: SourceDate["precision"];
  basis: string;
  language: string;
  notes: string;
  /** The id of the source or outside origin it retells; empty when none. */
  retells: string;
  retellsBasis: string;
}

export const EMPTY_SOURCE_FORM: SourceForm = {
  title: "",
  outlet: "",
  date: "",
  precision: "day",
  basis: "",
  language: "en",
  notes: "",
  retells: "",
  retellsBasis: "",
};

/** What the curator can say a new document retells: the draft's sources and outside origins. */
export function lineageChoices(draft: Draft): { id: string; label: string }[] {
  return [
    ...draft.sources.sources.map((s) => ({ id: s.id, label: `${s.id}: ${s.title}` })),
    ...(draft.sources.origins ?? []).map((o) => ({ id: o.id, label: o.label })),
  ];
}

/** What is wrong with a field; the curate catalogue words each one. */
export type SourceFormProblem =
  | "noTitle"
  | "badDate"
  | "noBasis"
  | "badLanguage"
  | "noRetellsBasis";

export type SourceFormProblems = Partial<Record<keyof SourceForm, SourceFormProblem>>;

/** The form's missing or malformed fields, keyed by field; empty when it can be added. */
export function sourceFormProblems(form: SourceForm): SourceFormProblems {
  const problems: SourceFormProblems = {};
  if (!form.title.trim()) problems.title = "noTitle";
  if (form.precision !== "unknown" && !/^\d{4}-\d{2}-\d{2}$/.test(form.date))
    problems.date = "badDate";
  if (!form.basis.trim()) problems.basis = "noBasis";
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(form.language.trim()))
    problems.language = "badLanguage";
  if (form.retells && !form.retellsBasis.trim()) problems.retellsBasis = "noRetellsBasis";
  return problems;
}

/** The record for `text`, with a new id after every id in the draft. */
export async function makeSourceRecord(draft: Draft, form: SourceForm, text: string) {
  const id = await newSourceId(
    [...Object.keys(draft.seeds), ...draft.sources.sources.map((s) => s.id)],
    text,
  );
  const record: SourceDocument = {
    id,
    title: form.title.trim(),
    outlet: form.outlet.trim() || null,
    published: {
      date: form.precision === "unknown" ? form.date.trim() : form.date,
      precision: form.precision,
      basis: form.basis.trim(),
    },
    language: form.language.trim(),
    notes: form.notes.trim(),
  };
  if (form.retells) record.retells = [{ of: form.retells, basis: form.retellsBasis.trim() }];
  return record;
}

/** The draft with one more document; the draft given is not changed. */
export function withSource(draft: Draft, record: SourceDocument, text: string): Draft {
  return {
    ...draft,
    sources: { ...draft.sources, sources: [...draft.sources.sources, record] },
    seeds: { ...draft.seeds, [record.id]: text },
  };
}
