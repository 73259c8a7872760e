/**
 * Which events a dense dataset hides, as MapLibre feature-state on the event sources: the layers'
 * paint reads `hidden` (event-layers.ts, unlessHidden), so a filter change touches only the
 * events whose visibility changed, without re-tiling.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { EVENT_SOURCES } from "./event-layers.ts";
import { TILE_LAYER } from "./event-tiles-protocol.ts";

/** A feature-state target: vector tiles name their layer, GeoJSON sources don't. */
function target(map: MapLibreMap, source: string): { source: string; sourceLayer?: string } {
  return map.getSource(source)?.type === "vector"
    ? { source, sourceLayer: TILE_LAYER }
    : { source };
}

/**
 * Show or hide events by feature-state, without re-tiling: only the events whose visibility
 * changed are touched, so a timeline step that moves a handful of events costs a handful of calls.
 */
export function setHidden(
  map: MapLibreMap,
  changes: Iterable<[idx: number, hidden: boolean, sources: readonly string[]]>,
): void {
  const targets = new Map(EVENT_SOURCES.map((s) => [s as string, target(map, s)]));
  for (const [id, hidden, sources] of changes)
    for (const source of sources) map.setFeatureState({ ...targets.get(source)!, id }, { hidden });
}

export function clearHidden(map: MapLibreMap): void {
  for (const source of EVENT_SOURCES)
    if (map.getSource(source)) map.removeFeatureState(target(map, source));
}
