/**
 * Citing a reader selection: whether the selection can be a quote, the draft with the citation
 * added to an event, and the validator's problems that concern that citation. Its checks are the
 * validator's own (validateDraft): nothing here decides whether a quote anchors.
 */
import type { Problem } from "../validate/problem.ts";
import type { Citation } from "../types.ts";
import type { Draft } from "./draft.ts";
import { minimalSelector } from "./selector.ts";
import type { QuoteSelector } from "../text/anchor.ts";

/** Why a selection cannot be a quote; the curate catalogue words each one. */
export type SelectionProblem = "empty" | "outside" | "acrossPassages" | "notUnique";

export type QuoteFromSelection =
  | { ok: true; selector: QuoteSelector }
  | { ok: false; problem: SelectionProblem };

/** The quote for `text[start, end)`, or why that selection cannot be one. */
export function quoteFromSelection(text: string, start: number, end: number): QuoteFromSelection {
  const words = text.slice(Math.min(start, end), Math.max(start, end)).trim();
  if (words === "") return { ok: false, problem: "empty" };
  // A paragraph is a line of the source: the validator looks for a speaker's words in it.
  if (words.includes("\n")) return { ok: false, problem: "acrossPassages" };
  const made = minimalSelector(text, start, end);
  if (!made.ok)
    return {
      ok: false,
      problem: made.reason === "empty" ? "empty" : "notUnique",
    };
  return made;
}

/** Where a citation sits in the events file, as the validator's paths name it. */
export const citationPath = (featureIndex: number, citationIndex: number) =>
  `features[${featureIndex}].properties.citations[${citationIndex}]`;

/** The draft with `citation` appended to event `eventId`'s citations; the draft given is unchanged. */
export function withCitation(
  draft: Draft,
  eventId: string,
  citation: Citation,
): { draft: Draft; path: string } | undefined {
  const at = draft.events.features.findIndex((f) => f.id === eventId);
  const feature = draft.events.features[at];
  if (!feature) return undefined;
  const citations = [...feature.properties.citations, citation];
  const features = [...draft.events.features];
  features[at] = { ...feature, properties: { ...feature.properties, citations } };
  return {
    draft: { ...draft, events: { ...draft.events, features } },
    path: citationPath(at, citations.length - 1),
  };
}

/** The problems whose path is `path` or inside it (`path.exact`, `path.speaker`, …). */
export function problemsAt(problems: readonly Problem[], path: string): Problem[] {
  return problems.filter(
    (p) =>
      p.path !== undefined &&
      (p.path === path || p.path.startsWith(`${path}.`) || p.path.startsWith(`${path}[`)),
  );
}
