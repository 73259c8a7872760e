/**
 * Big datasets' markers as flat typed arrays, for a map layer that draws them all in one call and
 * hides filtered-out ones with one byte per point (see src/map/event-points.ts): nothing is
 * re-tiled, re-sent or decoded again when a filter changes. Pure, so it is unit-tested in Node.
 */
import type { Feature, Point } from "geojson";
import { CATEGORY_STYLE } from "../category-style.ts";
import type { IndexSet } from "../query/index-set.ts";
import type { MapProps } from "./map-props.ts";
import { runSteps, sliced, type Steps } from "../slices.ts";
import type { Category } from "../types.ts";

/** Categories in a fixed order: a point's category is its index here (the icon atlas's column). */
export const CATEGORY_ORDER = Object.keys(CATEGORY_STYLE) as Category[];

/** Flags of a point. */
export const ROUGH = 1; // the place is known only roughly (not "exact"): a pale dot or icon
export const DISPUTED = 2; // a red outline or ring

export interface PointBuffers {
  count: number;
  /** Web Mercator x, y in [0, 1] (0, 0 = north-west corner of the world), interleaved. */
  xy: Float32Array;
  /** The event index (dataset order) of each point. */
  idx: Uint32Array;
  /** Index into CATEGORY_ORDER. */
  category: Uint8Array;
  /** ROUGH | DISPUTED. */
  flags: Uint8Array;
}

export function mercatorX(lng: number): number {
  return (lng + 180) / 360;
}

export function mercatorY(lat: number): number {
  const s = Math.min(0.9999, Math.max(-0.9999, Math.sin((lat * Math.PI) / 180)));
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

export function pointBuffers(markers: readonly Feature<Point, MapProps>[]): PointBuffers {
  return runSteps(pointBufferSteps(markers));
}

/** pointBuffers, yielding every `slice` markers (see slices.ts). */
export function* pointBufferSteps(
  markers: readonly Feature<Point, MapProps>[],
  slice = Infinity,
): Steps<PointBuffers> {
  const b = emptyBuffers(markers.length);
  yield* sliced(markers.length, slice, (from, to) => fillBuffers(b, markers, from, to));
  return b;
}

function emptyBuffers(n: number): PointBuffers {
  return {
    count: n,
    xy: new Float32Array(2 * n),
    idx: new Uint32Array(n),
    category: new Uint8Array(n),
    flags: new Uint8Array(n),
  };
}

const CATEGORY_INDEX = new Map(CATEGORY_ORDER.map((c, i) => [c as string, i]));

function fillBuffers(
  b: PointBuffers,
  markers: readonly Feature<Point, MapProps>[],
  from: number,
  to: number,
): void {
  for (let i = from; i < to; i++) {
    const f = markers[i]!;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const p = f.properties;
    b.xy[2 * i] = mercatorX(lng);
    b.xy[2 * i + 1] = mercatorY(lat);
    b.idx[i] = p.idx;
    b.category[i] = CATEGORY_INDEX.get(p.category) ?? 0;
    b.flags[i] = (p.precision === "exact" ? 0 : ROUGH) | (p.status === "disputed" ? DISPUTED : 0);
  }
}

/** One byte per point, 1 = drawn: every point when `shown` is null. Reuses `out` when it fits. */
export function visibilityBytes(
  b: PointBuffers,
  shown: IndexSet | null,
  out?: Uint8Array,
): Uint8Array {
  const v = out && out.length === b.count ? out : new Uint8Array(b.count);
  if (!shown) return v.fill(1);
  const mask = shown.mask;
  if (mask) for (let i = 0; i < b.count; i++) v[i] = mask[b.idx[i]!]!;
  else for (let i = 0; i < b.count; i++) v[i] = shown.has(b.idx[i]!) ? 1 : 0;
  return v;
}

/**
 * The drawn points within `radius` (Web Mercator units) of (x, y), nearest first, as point
 * indexes (b.idx maps them to events). One pass over the arrays, with nothing to build or keep
 * up to date: cheap enough for every mouse move.
 */
export function pickPoints(
  b: PointBuffers,
  visible: Uint8Array,
  x: number,
  y: number,
  radius: number,
): number[] {
  const r2 = radius * radius;
  const hits: [number, number][] = [];
  for (let i = 0; i < b.count; i++) {
    if (!visible[i]) continue;
    const dx = b.xy[2 * i]! - x;
    if (dx > radius || dx < -radius) continue;
    const dy = b.xy[2 * i + 1]! - y;
    const d2 = dx * dx + dy * dy;
    if (d2 <= r2) hits.push([d2, i]);
  }
  return hits.sort((p, q) => p[0] - q[0] || p[1] - q[1]).map(([, i]) => i);
}

/** Of picked points (nearest first), those at the very spot of the nearest one, to within `same`
 * (Mercator units): more than one means the user must choose, since no zoom tells them apart. */
export function atSameSpot(b: PointBuffers, picked: readonly number[], same: number): number[] {
  if (picked.length === 0) return [];
  const x0 = b.xy[2 * picked[0]!]!,
    y0 = b.xy[2 * picked[0]! + 1]!;
  return picked.filter(
    (i) => Math.abs(b.xy[2 * i]! - x0) <= same && Math.abs(b.xy[2 * i + 1]! - y0) <= same,
  );
}
