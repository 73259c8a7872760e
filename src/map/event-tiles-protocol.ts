/** Messages between the main thread (event-tiles.ts) and the tile worker (event-tiles.worker.ts). */
/** Markers are drawn by our own point layer (event-points.ts); only extents are tiled. */
export type TiledLayer = "extents";

/** The one layer in every tile the worker makes; map layers name it as their `source-layer`. */
export const TILE_LAYER = "events";
export const TILE_EXTENT = 8192;
/** Tiles are cut up to this zoom; MapLibre over-zooms them beyond. */
export const TILE_MAXZOOM = 14;

export type TileRequest =
  | { type: "load"; bytes: Uint8Array }
  | { type: "tile"; id: number; layer: TiledLayer; z: number; x: number; y: number };

export type TileReply =
  | { type: "ready"; extents: number }
  | { type: "tile"; id: number; data: ArrayBuffer | null }
  | { type: "error"; id: number | null; message: string };
