/**
 * Faceted counts for the filter chips: for each category, status and source, how many events
 * would show if that chip alone were added to the OTHER active filters. A facet's own choice is
 * left out of its counts, so choosing "Raid" does not turn every other category's count to 0,
 * while a date range or a search narrows every count.
 */
import { filterSet, type FilterIndex } from "./filter.ts";
import type { SituationEvent } from "../types.ts";
import type { Filters } from "../view-state.ts";

export interface FacetCounts {
  categories: Map<string, number>;
  statuses: Map<string, number>;
  /** An event citing a source several times counts once for it. */
  sources: Map<string, number>;
}

/** The counts of every facet under the filters; one filter pass per facet. */
export function facetCounts(
  events: readonly SituationEvent[],
  index: FilterIndex,
  f: Filters,
): FacetCounts {
  const cols = index.columns();
  const passing = (patch: Partial<Filters>) => filterSet(events, index, { ...f, ...patch }).mask!;
  const byCode = (names: string[], code: Uint32Array, mask: Uint8Array) => {
    const n = new Float64Array(names.length);
    for (let i = 0; i < mask.length; i++) if (mask[i]) n[code[i]!]!++;
    return new Map(names.map((name, k) => [name, n[k]!] as const).filter(([, v]) => v > 0));
  };
  const sources = new Map<string, number>();
  const mask = passing({ sources: [] });
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const seen = new Set<string>();
    for (let k = cols.citeStart[i]!; k < cols.citeStart[i + 1]!; k++) {
      const src = cols.citations[cols.cite[k]!]!.source;
      if (seen.has(src)) continue;
      seen.add(src);
      sources.set(src, (sources.get(src) ?? 0) + 1);
    }
  }
  return {
    categories: byCode(cols.categories, cols.category, passing({ categories: [] })),
    statuses: byCode(cols.statuses, cols.status, passing({ statuses: [] })),
    sources,
  };
}
