/**
 * A line or an area as the curator draws it: the vertices clicked on the map, or typed as
 * `lng,lat` lines (the keyboard's way to the same), made into the GeoJSON the data format asks
 * for: coordinates rounded as a point's are, a polygon's ring closed and wound counter-clockwise
 * (RFC 7946's right-hand rule, which the validator checks).
 */
import type { LineString, Polygon, Position } from "geojson";
import { pointPlace } from "./place-geometry.ts";

export type ShapeKind = "LineString" | "Polygon";
/** The GeoJSON types a shape is made of, for the state and the UI (which import no packages). */
export type { LineString, Polygon, Position };

/** The fewest distinct vertices each kind needs. */
export const MIN_VERTICES: Record<ShapeKind, number> = { LineString: 2, Polygon: 3 };

/** Rounded as a point is (place-geometry.ts), with a repeat of the vertex before dropped. */
function cleanVertices(vertices: readonly Position[]): Position[] {
  const out: Position[] = [];
  for (const [lng, lat] of vertices) {
    const at = pointPlace(lng as number, lat as number).geometry.coordinates;
    const last = out[out.length - 1];
    if (!last || last[0] !== at[0] || last[1] !== at[1]) out.push(at);
  }
  return out;
}

/** Twice the signed area in lon/lat, positive when the ring runs clockwise (as the validator's). */
function clockwiseArea(ring: readonly Position[]): number {
  let twice = 0;
  for (let k = 1; k < ring.length; k++) {
    const [x1, y1] = ring[k - 1] as [number, number];
    const [x2, y2] = ring[k] as [number, number];
    twice += (x2 - x1) * (y2 + y1);
  }
  return twice;
}

/**
 * The geometry drawn by these vertices, or null when there are too few distinct ones. A polygon's
 * ring is closed (its first vertex repeated last) and runs counter-clockwise; a closing vertex the
 * curator gave is not counted twice.
 */
export function shapeGeometry(
  kind: ShapeKind,
  vertices: readonly Position[],
): LineString | Polygon | null {
  const clean = cleanVertices(vertices);
  if (kind === "LineString")
    return clean.length >= MIN_VERTICES.LineString
      ? { type: "LineString", coordinates: clean }
      : null;
  const first = clean[0];
  const last = clean[clean.length - 1];
  if (first && last && clean.length > 1 && first[0] === last[0] && first[1] === last[1])
    clean.pop();
  if (clean.length < MIN_VERTICES.Polygon) return null;
  const ring = [...clean, clean[0] as Position];
  if (clockwiseArea(ring) > 0) ring.reverse();
  return { type: "Polygon", coordinates: [ring] };
}

/** How many vertices a line or an area has (a ring's closing repeat is not one). */
export function vertexCount(geometry: LineString | Polygon): number {
  if (geometry.type === "LineString") return geometry.coordinates.length;
  return Math.max(0, (geometry.coordinates[0]?.length ?? 1) - 1);
}

/** A line's or an area's vertices as `lng,lat` lines, the textarea's text. */
export function formatVertices(geometry: LineString | Polygon): string {
  const positions =
    geometry.type === "LineString"
      ? geometry.coordinates
      : (geometry.coordinates[0] ?? []).slice(0, vertexCount(geometry));
  return positions.map(([lng, lat]) => `${lng},${lat}`).join("\n");
}

export type ReadVertices =
  | { ok: true; vertices: Position[] }
  | { ok: false; line: number; text: string };

/**
 * Reads `lng,lat` lines (blank lines skipped; spaces or a semicolon also separate the two
 * numbers): every line must hold a longitude within ±180 and a latitude within ±90, else the
 * first line that does not is returned, numbered from 1, for the form to name.
 */
export function readVertices(text: string): ReadVertices {
  const vertices: Position[] = [];
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    const line = (lines[k] as string).trim();
    if (line === "") continue;
    const parts = line.split(/\s*[,;\s]\s*/);
    const [lng, lat] = parts.map(Number) as [number, number];
    const ok =
      parts.length === 2 &&
      Number.isFinite(lng) &&
      Number.isFinite(lat) &&
      Math.abs(lng) <= 180 &&
      Math.abs(lat) <= 90;
    if (!ok) return { ok: false, line: k + 1, text: line };
    vertices.push([lng, lat]);
  }
  return { ok: true, vertices };
}
