/**
 * What the tile worker does, as plain functions (unit-tested in Node): read a dataset file's bytes
 * into the same map features as the main thread (same order, so the same `idx` feature ids), index
 * them with geojson-vt, and cut Mapbox Vector Tiles from the index.
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
  markers: number;
  extents: number;
}

export function indexEventTiles(bytes: Uint8Array): EventTileIndex {
  const value: unknown = JSON.parse(new TextDecoder().decode(bytes));
  const events = (isCompact(value) ? decodeCompact(value) : value) as EventCollection;
  const f = makeMapFeatures(events.features);
  // MapLibre's tile extent (8192 units = 512 px) and a 16 px buffer, not MapLibre's default 128:
  // each feature in a tile's buffer is decoded again on every feature-state change, and with
  // 128 px a point sits in ~2.2 tiles on average, 1.1 with 16 px (a category filter at 100k events
  // spent 40% less in MapLibre). 16 px still covers an icon's or ring's radius and the widest line.
  const options = { maxZoom: TILE_MAXZOOM, extent: TILE_EXTENT, buffer: 16 * 16, tolerance: 3, indexMaxZoom: 5 };
  return {
    layers: { markers: new geojsonvt(f.markers, options), extents: new geojsonvt(f.extents, options) },
    markers: f.markers.features.length,
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
