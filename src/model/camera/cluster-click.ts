/**
 * What a click on a cluster of markers does: zoom so that it splits, or, where zooming would not
 * usefully split it, list its events to choose from. Not useful: its events share one place (one
 * city: zooming from the country to the street only to part a pin a few km from the rest), or it
 * holds together up to the last clustered zoom.
 */
import type { Bounds } from "./results-bounds.ts";

export interface Leaf {
  idx: number;
  lng: number;
  lat: number;
}

export type ClusterAction =
  /** Fit these bounds, at `minZoom` at least (the zoom where the cluster first splits). */
  | { kind: "zoom"; bounds: Bounds; minZoom: number }
  /** Offer these events (dataset order) to choose from. */
  | { kind: "list"; idxs: number[] };

/** Events all within this many km of each other are at one place (a city and its suburbs). */
export const ONE_PLACE_KM = 10;
const KM_PER_DEGREE = 111.32;

/**
 * `expansionZoom` is where the cluster first splits (MapLibre's getClusterExpansionZoom);
 * `lastClusterZoom` the last zoom at which markers are clustered.
 */
export function clusterAction(
  leaves: readonly Leaf[],
  expansionZoom: number,
  lastClusterZoom: number,
): ClusterAction {
  const idxs = leaves.map((l) => l.idx).sort((a, b) => a - b);
  const bounds: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { lng, lat } of leaves) {
    bounds[0] = Math.min(bounds[0], lng);
    bounds[1] = Math.min(bounds[1], lat);
    bounds[2] = Math.max(bounds[2], lng);
    bounds[3] = Math.max(bounds[3], lat);
  }
  const midLat = ((bounds[1] + bounds[3]) / 2) * (Math.PI / 180);
  const across = Math.hypot(
    (bounds[2] - bounds[0]) * Math.cos(midLat) * KM_PER_DEGREE,
    (bounds[3] - bounds[1]) * KM_PER_DEGREE,
  );
  if (leaves.length === 0 || across < ONE_PLACE_KM || expansionZoom > lastClusterZoom)
    return { kind: "list", idxs };
  // Fitting all its events spreads them over the view, which splits the cluster into its places
  // in one step where the expansion zoom would only peel off its outermost event.
  return { kind: "zoom", bounds, minZoom: expansionZoom };
}
