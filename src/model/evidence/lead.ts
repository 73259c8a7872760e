/** An event's lead passage: what a card, a link preview or a saved image quotes first. */
import type { DatasetIndex, ResolvedCitation } from "../dataset.ts";
import type { SituationEvent } from "../types.ts";
import { groupCitations } from "./citation-groups.ts";

/** The first passage about the event itself, else the first of any kind (a denial, for an event
 * that is only denied); undefined for an event without citations. */
export function leadCitation(
  index: Pick<DatasetIndex, "citationsByEvent" | "lineage">,
  event: SituationEvent,
): ResolvedCitation | undefined {
  const cited = index.citationsByEvent.get(event.id) ?? [];
  const groups = groupCitations(
    cited,
    (c) => index.lineage.originOf(c.citation.source, c.range),
    index.lineage.nameOf,
  );
  const first = groups.find((g) => g.kind === "event") ?? groups[0];
  return first?.citations[0];
}
