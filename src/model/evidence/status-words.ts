/**
 * An event's status in words, counted by origin: "Reported: 1 origin, told in 3 documents",
 * "Corroborated: 2 independent origins", "Disputed: denied by …". The panel, the list, the legend,
 * the filters and the CSV export all say it this way, so no view counts documents as witnesses.
 * The words are a language's catalogue (model/i18n/<lang>/status.ts); the CSV export and the
 * build's pages keep to English.
 */
import type { DatasetIndex } from "../dataset.ts";
import type { CsvEvidence } from "../export.ts";
import { evidenceOf, type Evidence } from "./origins.ts";
import type { Status } from "../types.ts";
import { status as ENGLISH } from "../i18n/en/status.ts";

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

/** The words a status is told in: a language's `status` catalogue (English by default). */
export type StatusVocabulary = typeof ENGLISH;

/** "a", "a and b", "a, b and c". */
export function listWords(items: readonly string[], and = ENGLISH.and): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}

/** The status of an event in words; `nameOf` names an origin (Lineage.nameOf). */
export function statusWords(
  status: Status,
  evidence: Evidence,
  nameOf: (origin: string) => string,
  v: StatusVocabulary = ENGLISH,
): StatusWords {
  const label = v.label[status] ?? String(status);
  const words = (brief: string, tag: string, detail: string): StatusWords => ({
    label,
    brief,
    tag,
    detail,
    sentence: `${label}: ${detail}`,
  });
  const origins = evidence.telling.length;
  const documents = v.documents(evidence.documents.length);
  const told = v.toldIn(documents);
  if (status === "corroborated") {
    const brief = v.independent(evidence.independent);
    const more = evidence.documents.length > evidence.independent ? `, ${told}` : "";
    return words(brief, v.origins(evidence.independent), `${brief}${more}`);
  }
  if (status === "disputed") {
    const deniers = evidence.disputers.map(
      (d) => `${d.name ?? nameOf(d.origin)} (${v.passages(d.citations.length)})`,
    );
    const by = deniers.length ? v.deniedBy(listWords(deniers, v.and)) : v.denied;
    const against = origins ? v.toldBy(v.origins(origins), documents) : "";
    const brief = v.deniedBy(v.origins(evidence.denying.length));
    return words(brief, v.denied, `${by}${against}`);
  }
  if (!origins) return words(v.noOrigin, v.noOrigin, v.noPassage);
  const brief = v.origins(origins);
  // Two origins that tell it, but fewer than two that vouch for it: say why it is not corroborated.
  const vouch = origins > 1 && evidence.independent < 2 ? v.asFact(evidence.independent) : "";
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
