/**
 * What curate mode asks of the map's drawing module, as plain types: the state (which asks) and
 * the map folder (which draws) both build on the model, never on each other.
 */
import type { Geometry, Position } from "geojson";
import type { ShapeKind } from "./shape-geometry.ts";

/** Where the curator clicked (longitude, latitude) and how far they dragged, in kilometres. */
export interface PlacedPoint {
  lng: number;
  lat: number;
  radiusKm: number;
}

/** A geometry and, for a Point, its uncertainty radius. */
export interface DraftShape {
  geometry: Geometry;
  radiusKm?: number;
}

/** What the map's drawing module does (src/map/curate-draw.ts makes one). */
export interface CurateDrawPort {
  show(shape: DraftShape | null): void;
  /** Waits for one click or drag; `done(null)` when cancelled (Escape). Returns a stop function. */
  place(done: (placed: PlacedPoint | null) => void): () => void;
  /**
   * Waits for a line's or an area's vertices, clicked one by one until a double-click or Enter;
   * `done(null)` when cancelled (Escape). Returns a stop function.
   */
  drawShape(kind: ShapeKind, done: (vertices: Position[] | null) => void): () => void;
  destroy(): void;
}
