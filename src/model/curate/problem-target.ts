/**
 * Where a validator problem of the draft is fixed: the event it names, the passage a citation
 * quotes (when it still anchors), or the source document it is about. Read from the problem's
 * path (`features[3].properties.citations[1].exact`, `sources[5].title`), which points into the
 * files made from the very draft that was validated.
 */
import { anchorQuote } from "../text/anchor.ts";
import type { Problem } from "../validate/problem.ts";
import type { Draft } from "./draft.ts";

export type ProblemTarget =
  | { kind: "event"; eventId: string }
  | { kind: "citation"; eventId: string; source: string; passage: [number, number] }
  | { kind: "source"; sourceId: string };

export function problemTarget(draft: Draft, problem: Problem): ProblemTarget | null {
  const path = problem.path ?? "";
  const feature = /^features\[(\d+)\]/.exec(path);
  if (feature) {
    const event = draft.events.features[Number(feature[1])];
    if (!event || typeof event.id !== "string") return null;
    const cited = /^features\[\d+\]\.properties\.citations\[(\d+)\]/.exec(path);
    const citation = cited ? event.properties.citations?.[Number(cited[1])] : undefined;
    const text = citation ? draft.seeds[citation.source] : undefined;
    if (citation && typeof citation.exact === "string" && typeof text === "string") {
      const at = anchorQuote(text, citation);
      if (at.ok)
        return {
          kind: "citation",
          eventId: event.id,
          source: citation.source,
          passage: [at.start, at.end],
        };
    }
    return { kind: "event", eventId: event.id };
  }
  const source = /^sources\[(\d+)\]/.exec(path);
  if (source) {
    const id = draft.sources.sources[Number(source[1])]?.id;
    return typeof id === "string" ? { kind: "source", sourceId: id } : null;
  }
  return null;
}
