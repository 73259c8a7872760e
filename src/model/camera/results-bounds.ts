/**
 * Where the shown events are, as one box for the camera to fit: every marker, a point's whole
 * circle of uncertainty, and every route's and area's extent.
 */
import { bbox } from "@turf/turf";
import type { IndexSet } from "../query/index-set.ts";
import type { MapFeatures } from "../markers/map-features.ts";

/** [west, south, east, north] in degrees. */
export type Bounds = [number, number, number, number];

const KM_PER_DEGREE = 111.32;

/** The box around the events of `data` in `shown` (all of them when null); null when none of
 * them is on the map. `extents` false: their markers alone (with their circles), not the whole
 * of their routes and areas (one of which may span an ocean). */
export function resultsBounds(
  data: MapFeatures,
  shown: IndexSet | null = null,
  extents = true,
): Bounds | null {
  const box: Bounds = [Infinity, Infinity, -Infinity, -Infinity];
  const grow = (w: number, s: number, e: number, n: number) => {
    if (w < box[0]) box[0] = w;
    if (s < box[1]) box[1] = s;
    if (e > box[2]) box[2] = e;
    if (n > box[3]) box[3] = n;
  };
  const isShown = (idx: number) => !shown || shown.has(idx);
  for (const f of data.markers.features) {
    if (!isShown(f.properties.idx)) continue;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const rkm = f.properties.rkm ?? 0;
    const dLat = rkm / KM_PER_DEGREE;
    const dLng = dLat / Math.cos((lat * Math.PI) / 180);
    grow(lng - dLng, lat - dLat, lng + dLng, lat + dLat);
  }
  for (const f of extents ? data.extents.features : []) {
    if (!isShown(f.properties.idx)) continue;
    const [w, s, e, n] = bbox(f) as Bounds;
    grow(w, s, e, n);
  }
  return box[0] <= box[2] ? box : null;
}

/** The box around both. */
export function unionBounds(a: Bounds, b: Bounds | null): Bounds {
  if (!b) return a;
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
}
