/**
 * Turns events into what the map draws: one marker per mappable event (its point, or a point on
 * its line or area) and the honest extent of its place — lines, areas, and a translucent circle
 * for a point whose place is only known to within `radius_km`.
 */
import { along, centroid, distance, point } from "@turf/turf";
import type { Feature, FeatureCollection, Geometry, Point, Position } from "geojson";
import type { IndexSet } from "../query/index-set.ts";
import type { MapProps } from "./map-props.ts";
import { mercatorX, mercatorY, type PointBuffers } from "./point-buffers.ts";
import { runSteps, sliced, type Steps } from "../slices.ts";
import type { SituationEvent } from "../types.ts";

export interface MapFeatures {
  markers: FeatureCollection<Point, MapProps>;
  /** Lines and areas: the honest extent of places that aren't points. */
  extents: FeatureCollection<Geometry, MapProps>;
  /** Points with an uncertainty radius, drawn as translucent circles. */
  radii: FeatureCollection<Point, MapProps>;
  /** The markers as the point layer's buffers, when made ahead (in slices, for 1M events). */
  points?: PointBuffers;
}

/** Up to this many mappable events, pins are clustered and filtered by sending the subset; above
 * it, the map gets every event once and hides the filtered-out ones by feature-state. */
export const CLUSTER_LIMIT = 5000;

const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
export const radiusPixelsAtZoom0 = (km: number, lat: number) =>
  (km * 1000 * 512) / (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180));

export function makeMapFeatures(events: readonly SituationEvent[]): MapFeatures {
  return runSteps(mapFeatureSteps(events));
}

/** makeMapFeatures, yielding every `slice` events (see slices.ts). */
export function* mapFeatureSteps(
  events: readonly SituationEvent[],
  slice = Infinity,
): Steps<MapFeatures> {
  const out = emptyMapFeatures();
  yield* sliced(events.length, slice, (from, to) => addMapFeatures(out, events, from, to));
  return out;
}

function emptyMapFeatures(): MapFeatures {
  return {
    markers: { type: "FeatureCollection", features: [] },
    extents: { type: "FeatureCollection", features: [] },
    radii: { type: "FeatureCollection", features: [] },
  };
}

/** Appends the features of events[from, to) (their indexes are their positions in `events`). */
function addMapFeatures(
  out: MapFeatures,
  events: readonly SituationEvent[],
  from: number,
  to: number,
): void {
  const markers = out.markers.features,
    extents = out.extents.features,
    radii = out.radii.features;
  for (let idx = from; idx < to; idx++) {
    const event = events[idx]!;
    const g = event.geometry;
    if (!g) continue;
    if (g.type !== "Point") {
      const feature = extentFeature(event, idx)!;
      extents.push(feature);
      markers.push({ ...markerPoint(feature), id: idx, properties: feature.properties });
      continue;
    }
    const props = mapProps(event, idx);
    const r = event.properties.place.radius_km;
    if (r && r > 0) {
      props.rpx0 = radiusPixelsAtZoom0(r, g.coordinates[1]!);
      props.rkm = r;
    }
    markers.push({ type: "Feature", id: idx, geometry: g, properties: props });
    if (props.rpx0) radii.push({ type: "Feature", id: idx, geometry: g, properties: props });
  }
}

const mapProps = (event: SituationEvent, idx: number): MapProps => {
  const p = event.properties;
  const props: MapProps = {
    idx,
    category: p.category,
    status: p.status,
    precision: p.place.precision,
  };
  if (p.expected === true) props.expected = true;
  return props;
};

/** The route or area of the `idx`-th event of the dataset; null for a point or no geometry. */
export function extentFeature(
  event: SituationEvent,
  idx: number,
): Feature<Geometry, MapProps> | null {
  const g = event.geometry;
  return g && g.type !== "Point"
    ? { type: "Feature", id: idx, geometry: g, properties: mapProps(event, idx) }
    : null;
}

/** Only the features of the events in `shown`. */
export function subsetMapFeatures(data: MapFeatures, shown: IndexSet): MapFeatures {
  return {
    markers: {
      type: "FeatureCollection",
      features: data.markers.features.filter((f) => shown.has(f.properties.idx)),
    },
    extents: {
      type: "FeatureCollection",
      features: data.extents.features.filter((f) => shown.has(f.properties.idx)),
    },
    radii: {
      type: "FeatureCollection",
      features: data.radii.features.filter((f) => shown.has(f.properties.idx)),
    },
  };
}

/** The marker and extent of one event, for the selection highlight. */
export function selectionFeatures(
  data: MapFeatures,
  idx: number,
): FeatureCollection<Geometry, MapProps> {
  const pick = (f: Feature<Geometry, MapProps>) => f.properties.idx === idx;
  return {
    type: "FeatureCollection",
    features: [...data.extents.features.filter(pick), ...data.markers.features.filter(pick)],
  };
}

/**
 * Where a line's or area's marker goes: halfway along a line; an area's centroid. (Turf's
 * pointOnFeature guarantees a point inside concave areas, but brings much of turf into the
 * bundle; our areas — regions, a country outline — contain their centroids, which the unit tests
 * check.)
 *
 * The same numbers as turf's `length` and `centroid`, without their per-segment features and
 * per-coordinate callbacks, which a big dataset's thousands of routes and areas pay for while it
 * loads.
 */
export function markerPoint(feature: Feature<Geometry, MapProps>): Feature<Point> {
  const g = feature.geometry;
  if (g.type === "LineString" || g.type === "MultiLineString") {
    const line =
      g.type === "LineString"
        ? g
        : { type: "LineString" as const, coordinates: g.coordinates[0] ?? [] };
    return along(line, lineLength(line.coordinates) / 2);
  }
  if (g.type === "Polygon") return ringsCentroid([g.coordinates]);
  if (g.type === "MultiPolygon") return ringsCentroid(g.coordinates);
  return centroid(feature);
}

/** turf's `length` of a line (km): the same distances, summed in the same order. */
function lineLength(coordinates: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < coordinates.length; i++)
    sum += distance(coordinates[i]!, coordinates[i + 1]!);
  return sum;
}

/** turf's `centroid` of polygons: the mean of their rings' positions, each ring's closing one left out. */
function ringsCentroid(polygons: readonly (readonly (readonly Position[])[])[]): Feature<Point> {
  let x = 0,
    y = 0,
    n = 0;
  for (const rings of polygons) {
    for (const ring of rings) {
      for (let k = 0; k < ring.length - 1; k++) {
        x += ring[k]![0]!;
        y += ring[k]![1]!;
        n++;
      }
    }
  }
  return point([x / n, y / n]);
}

/** MapLibre builds one icon quad per pin per tile; past ~16k pins in one tile its symbol buckets
 * break (a vertex-array mismatch, seen at 80k pins in one zoom-4 tile). Icons stay well below. */
export const MAX_ICONS_PER_TILE = 8000;

/**
 * The lowest zoom at which no 512 px Web Mercator tile holds more than `maxPerTile` of these
 * points: below it, a dense unclustered dataset is drawn as dots; from it on, as category icons.
 * 0 when even the whole world fits; at most `maxZoom` (and 16). The points are features, or the
 * point layer's buffers (their Web Mercator x, y), which spares projecting them again.
 */
export function iconMinZoom(
  points: readonly Feature<Point>[] | Pick<PointBuffers, "count" | "xy">,
  maxPerTile = MAX_ICONS_PER_TILE,
  maxZoom = 16,
): number {
  const features = Array.isArray(points) ? (points as readonly Feature<Point>[]) : null;
  const n = features ? features.length : (points as PointBuffers).count;
  // Past 200k points, an even sample of 100k with the limit scaled to it: a display threshold
  // needs no exact count, and counting 1M points at up to 16 zooms would hold the page.
  const step = n > 200_000 ? n / 100_000 : 1;
  const m = step > 1 ? 100_000 : n,
    limit = step > 1 ? Math.max(1, Math.floor(maxPerTile / step)) : maxPerTile;
  if (m <= limit) return 0;
  // Each point's zoom-16 tile as a Morton code (x and y bits interleaved): sorted, the points of
  // any tile at any zoom up to 16 are a run of codes sharing their high bits, so a zoom is checked
  // by one scan, without hashing each point's tile at each zoom.
  const xy = features ? null : (points as PointBuffers).xy;
  const codes = new Uint32Array(m);
  for (let k = 0; k < m; k++) {
    const i = Math.floor(k * step);
    let x: number, y: number;
    if (xy) (x = xy[2 * i]!), (y = xy[2 * i + 1]!);
    else {
      const [lng, lat] = features![i]!.geometry.coordinates as [number, number];
      (x = mercatorX(lng)), (y = mercatorY(lat));
    }
    codes[k] = (spreadBits(tile16(x)) | (spreadBits(tile16(y)) << 1)) >>> 0;
  }
  codes.sort();
  const fits = (z: number) => {
    const shift = 2 * (16 - z);
    let run = 1;
    for (let k = 1; k < m; k++) {
      if (codes[k]! >>> shift !== codes[k - 1]! >>> shift) run = 1;
      else if (++run > limit) return false;
    }
    return true;
  };
  // A tile's points are split among its four children, so the fullest tile only empties as the
  // zoom grows: search the zooms by halves (4 counts instead of up to 16).
  let lo = 1,
    hi = Math.min(16, maxZoom);
  while (lo < hi) {
    const z = (lo + hi) >> 1;
    if (fits(z)) hi = z;
    else lo = z + 1;
  }
  return lo;
}

/** A Web Mercator coordinate in [0, 1] as its zoom-16 tile (0 … 65535). */
const tile16 = (v: number) => Math.min(65535, Math.max(0, Math.floor(v * 65536)));

/** The 16 bits of v, one every other bit (for a Morton code). */
function spreadBits(v: number): number {
  v = (v | (v << 8)) & 0x00ff00ff;
  v = (v | (v << 4)) & 0x0f0f0f0f;
  v = (v | (v << 2)) & 0x33333333;
  return (v | (v << 1)) & 0x55555555;
}
