/**
 * An event's status in words, counted by origin: "Reported: 1 origin, told in 3 documents",
 * "Corroborated: 2 independent origins", "Disputed: denied by …". The panel, the list, the legend,
 * the filters and the CSV export all say it this way, so no view counts documents as witnesses.
 */
import { STATUS_LABEL } from "../category-style.ts";
import type { DatasetIndex } from "../dataset.ts";
import type { CsvEvidence } from "../export.ts";
import { evidenceOf, type Evidence } from "./origins.ts";
import type { Status } from "../types.ts";

export interface StatusWords {
  /** "Reported", "Corroborated", "Disputed". */
  label: string;
  /** What stands behind it, briefly: "1 origin", "2 independent origins", "denied by 1 origin". */
  brief: string;
  /** The shortest form, for a list's badge: "1 origin", "2 origins", "denied". */
  tag: string;
  /** The sentence after the label: "1 origin, told in 3 documents". */
  detail: string;
  /** The whole sentence: "Reported: 1 origin, told in 3 documents". */
  sentence: string;
}

/** What each status means, for the legend, the filters and the "How evidence is rated" note. */
export const STATUS_MEANING = {
  reported: "one origin, however many documents tell it",
  corroborated: "two or more independent origins report it",
  disputed: "a cited passage denies it",
} as const;

/** What each status means in a filter chip, briefly. */
export const STATUS_CHIP = {
  reported: "1 origin",
  corroborated: "2+ independent origins",
  disputed: "denied",
} as const;

/** "1 origin", "3 documents". */
export const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The status of an event in words; `nameOf` names an origin (Lineage.nameOf). */
export function statusWords(
  status: Status,
  evidence: Evidence,
  nameOf: (origin: string) => string,
): StatusWords {
  const label = STATUS_LABEL[status] ?? String(status);
  const words = (brief: string, tag: string, detail: string): StatusWords => ({
    label,
    brief,
    tag,
    detail,
    sentence: `${label}: ${detail}`,
  });
  const origins = evidence.telling.length;
  const told = `told in ${count(evidence.documents.length, "document")}`;
  if (status === "corroborated") {
    const brief = `${evidence.independent} independent origin${evidence.independent === 1 ? "" : "s"}`;
    const more = evidence.documents.length > evidence.independent ? `, ${told}` : "";
    return words(brief, count(evidence.independent, "origin"), `${brief}${more}`);
  }
  if (status === "disputed") {
    const deniers = evidence.disputers.map(
      (d) => `${d.name ?? nameOf(d.origin)} (${count(d.citations.length, "passage")})`,
    );
    const by = deniers.length ? `denied by ${listWords(deniers)}` : "denied";
    const against = origins
      ? `; told by ${count(origins, "origin")}, in ${count(evidence.documents.length, "document")}`
      : "";
    const brief = `denied by ${count(evidence.denying.length, "origin")}`;
    return words(brief, "denied", `${by}${against}`);
  }
  if (!origins) return words("no origin", "no origin", "no passage tells the event itself");
  const brief = count(origins, "origin");
  // Two origins that tell it, but fewer than two that vouch for it: say why it is not corroborated.
  const vouch =
    origins > 1 && evidence.independent < 2
      ? `; ${evidence.independent === 0 ? "none" : "only 1"} reports it as fact`
      : "";
  return words(brief, brief, `${brief}, ${told}${vouch}`);
}

/** The CSV export's evidence columns (export.ts) for a loaded dataset: status in words and the
 * origin of each citation, so a spreadsheet counts what the map counts. */
export function csvEvidence(
  index: Pick<DatasetIndex, "citationsByEvent" | "lineage">,
): CsvEvidence {
  return {
    statusWords: (e) =>
      statusWords(e.properties.status, evidenceOf(index, e), index.lineage.nameOf).sentence,
    originOf: (e, k) =>
      index.lineage.originOf(
        e.properties.citations[k]!.source,
        index.citationsByEvent.get(e.id)?.[k]?.range ?? null,
      ),
  };
}
