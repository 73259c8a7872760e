/**
 * What the tile worker does, as plain functions (unit-tested in Node): read the routes and areas
 * of a dataset file's bytes as the main thread makes them (`idx`, the event's position, is the
 * feature id), index them with geojson-vt, and cut Mapbox Vector Tiles from the index. The markers
 * are not tiled: our point layer draws them from typed arrays (event-points.ts).
 */
import geojsonvt from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { Feature, Geometry } from "geojson";
import { bytesLookBinary } from "../model/encodings/binary.ts";
import { decodeBinaryExtents } from "../model/encodings/binary-decode.ts";
import { decodeCompact, isCompact, looksCompact } from "../model/encodings/compact.ts";
import { decodeSomeRows } from "../model/encodings/compact-stream.ts";
import { extentFeature } from "../model/markers/map-features.ts";
import type { MapProps } from "../model/markers/map-props.ts";
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
  const extents = bytesLookBinary(bytes)
    ? decodeBinaryExtents(bytes)
        .rows.map(([idx, e]) => extentFeature(e, idx))
        .filter((f) => f !== null)
    : extentsOf(new TextDecoder().decode(bytes));
  // MapLibre's tile extent (8192 units = 512 px) and a 16 px buffer, not MapLibre's default 128:
  // each feature in a tile's buffer is decoded again on every feature-state change. 16 px still
  // covers the widest line.
  const options = {
    maxZoom: TILE_MAXZOOM,
    extent: TILE_EXTENT,
    buffer: 16 * 16,
    tolerance: 3,
    indexMaxZoom: 5,
  };
  return {
    layers: { extents: new geojsonvt({ type: "FeatureCollection", features: extents }, options) },
    extents: extents.length,
  };
}

/**
 * The routes and areas of a dataset file, with the event's position as `idx`. A compact file as
 * the generator streams it is read row by row, and a row whose geometry is a point or nothing
 * (six in seven synthetic rows) is skipped unparsed: the main thread parses every event anyway.
 */
export function extentsOf(text: string): Feature<Geometry, MapProps>[] {
  const some = looksCompact(text) ? decodeSomeRows(text, mayHaveExtent) : null;
  if (some) return some.rows.map(([idx, e]) => extentFeature(e, idx)).filter((f) => f !== null);
  const value: unknown = JSON.parse(text);
  const events = (isCompact(value) ? decodeCompact(value) : value) as EventCollection;
  return events.features.map((e, idx) => extentFeature(e, idx)).filter((f) => f !== null);
}

/** False only for a row line whose geometry is certainly a point or null: `["<id>",{"type":"Point"…`
 * or `["<id>",null…` (the layout CompactEncoder writes). Anything else is parsed and decided then. */
export function mayHaveExtent(line: string): boolean {
  if (!line.startsWith('["')) return true;
  let at = 2;
  for (let c = line.charCodeAt(at); c !== 34 /* " */; c = line.charCodeAt(at)) {
    if (Number.isNaN(c)) return true;
    at += c === 92 /* \ */ ? 2 : 1;
  }
  return !(line.startsWith(',{"type":"Point"', at + 1) || line.startsWith(",null,", at + 1));
}

/** One tile of one layer as a Mapbox Vector Tile (its single layer is TILE_LAYER); null if empty. */
export function eventTile(
  index: EventTileIndex,
  layer: TiledLayer,
  z: number,
  x: number,
  y: number,
): ArrayBuffer | null {
  const tile = index.layers[layer].getTile(z, x, y);
  if (!tile || tile.features.length === 0) return null;
  const pbf = fromGeojsonVt({ [TILE_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
  return pbf.buffer.slice(pbf.byteOffset, pbf.byteOffset + pbf.byteLength) as ArrayBuffer;
}
