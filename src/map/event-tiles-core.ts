/**
 * What the tile worker does, as plain functions (unit-tested in Node): read a dataset file's bytes
 * into the same map features as the main thread (same order, so the same `idx` feature ids), index
 * the extents (routes and areas) with geojson-vt, and cut Mapbox Vector Tiles from the index. The
 * markers are not tiled: our point layer draws them from typed arrays (event-points.ts).
 */
import geojsonvt from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import { decodeCompact, isCompact } from "../model/compact.ts";
import { makeMapFeatures } from "../model/map-features.ts";
import type { EventCollection } from "../model/types.ts";
import { TILE_EXTENT, TILE_LAYER, TILE_MAXZOOM, type TiledLayer } from "./event-tiles-protocol.ts";

interface Index {
  getTile(z: number, x: number, y: number): { features: unknown[] } | null;
}

export interface EventTileIndex {
  layers: Record<TiledLayer, Index>;
  extents: number;
}

export function indexEventTiles(bytes: Uint8Array): EventTileIndex {
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  const events = (isCompact(value) ? decodeCompact(value) : value) as EventCollection;
  const f = makeMapFeatures(events.features);
  // MapLibre's tile extent (8192 units = 512 px) and a 16 px buffer, not MapLibre's default 128:
  // each feature in a tile's buffer is decoded again on every feature-state change. 16 px still
  // covers the widest line.
  const options = { maxZoom: TILE_MAXZOOM, extent: TILE_EXTENT, buffer: 16 * 16, tolerance: 3, indexMaxZoom: 5 };
  return {
    layers: { extents: new geojsonvt(f.extents, options) },
    extents: f.extents.features.length,
  };
}

/** One tile of one layer as a Mapbox Vector Tile (its single layer is TILE_LAYER); null if empty. */
export function eventTile(index: EventTileIndex, layer: TiledLayer, z: number, x: number, y: number): ArrayBuffer | null {
  const tile = index.layers[layer].getTile(z, x, y);
  if (!tile || tile.features.length === 0) return null;
  const pbf = fromGeojsonVt({ [TILE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
  return pbf.buffer.slice(pbf.byteOffset, pbf.byteOffset + pbf.byteLength) as ArrayBuffer;
}
