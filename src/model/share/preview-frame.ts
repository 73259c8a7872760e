/**
 * Where a preview image looks: the part of the map around an event (its geometry and the halo of
 * its precision, with room around it), as a Web Mercator projection onto the image's pixels.
 */
import type { Geometry } from "geojson";
import type { SituationEvent } from "../types.ts";

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** Pixels: [left, top, right, bottom]. */
export type Box = [number, number, number, number];

/** Venezuela as a whole: what a preview shows of an event the sources place nowhere on the map. */
export const VENEZUELA_BBOX: Bbox = [-73.6, 0.6, -59.7, 12.6];

/** The smallest span shown, in degrees: enough land around a point to tell where it is. */
const MIN_SPAN = 1.6;
const KM_PER_DEGREE = 111.32;

export function coordinatesOf(g: Geometry | null): number[][] {
  const out: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") out.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if (g && "coordinates" in g) walk(g.coordinates);
  if (g?.type === "GeometryCollection") for (const p of g.geometries) out.push(...coordinatesOf(p));
  return out;
}

/** The event's extent with its precision radius, padded, never smaller than MIN_SPAN. */
export function eventBbox(e: SituationEvent): Bbox {
  const pts = coordinatesOf(e.geometry);
  if (!pts.length) return VENEZUELA_BBOX;
  const lngs = pts.map((p) => p[0]!);
  const lats = pts.map((p) => p[1]!);
  const r = (e.properties.place.radius_km ?? 0) / KM_PER_DEGREE;
  let [w, s, east, n] = [
    Math.min(...lngs) - r,
    Math.min(...lats) - r,
    Math.max(...lngs) + r,
    Math.max(...lats) + r,
  ];
  const grow = (lo: number, hi: number): [number, number] => {
    const span = Math.max(MIN_SPAN, (hi - lo) * 1.5);
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  [w, east] = grow(w, east);
  [s, n] = grow(s, n);
  return [w, s, east, n];
}

const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const rad = (deg: number) => (deg * Math.PI) / 180;

export interface Projection {
  /** [lng, lat] → [x, y] in pixels. */
  point(lng: number, lat: number): [number, number];
  /** Pixels per kilometre at a latitude. */
  pxPerKm(lat: number): number;
  /** What the whole image shows, [west, south, east, north]. */
  bounds(width: number, height: number): Bbox;
}

/** Fits `bbox` into `box`, centred, keeping Mercator's proportions. */
export function fitProjection(bbox: Bbox, box: Box): Projection {
  const [w, s, e, n] = bbox;
  const [left, top, right, bottom] = box;
  const scale = Math.min(
    (right - left) / (rad(e) - rad(w)),
    (bottom - top) / (mercY(n) - mercY(s)),
  );
  const cx = (left + right) / 2,
    cy = (top + bottom) / 2;
  const mx = (rad(w) + rad(e)) / 2,
    my = (mercY(s) + mercY(n)) / 2;
  const point = (lng: number, lat: number): [number, number] => [
    cx + (rad(lng) - mx) * scale,
    cy - (mercY(lat) - my) * scale,
  ];
  const unproject = (x: number, y: number): [number, number] => [
    ((mx + (x - cx) / scale) * 180) / Math.PI,
    (Math.atan(Math.sinh(my - (y - cy) / scale)) * 180) / Math.PI,
  ];
  return {
    point,
    pxPerKm: (lat) => (scale * rad(1)) / (KM_PER_DEGREE * Math.cos(rad(lat))),
    bounds: (width, height) => {
      const [west, north] = unproject(0, 0);
      const [east, south] = unproject(width, height);
      return [west, south, east, north];
    },
  };
}
