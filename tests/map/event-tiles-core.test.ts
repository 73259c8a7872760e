import { VectorTile } from "@mapbox/vector-tile";
import { PbfReader } from "pbf";
import { describe, expect, it } from "vitest";
import { generateCollection, generatorContext } from "../../src/cli/synthetic/events.ts";
import {
  eventTile,
  extentsOf,
  indexEventTiles,
  mayHaveExtent,
} from "../../src/map/event-tiles-core.ts";
import { TILE_LAYER } from "../../src/map/event-tiles-protocol.ts";
import { encodeBinary } from "../../src/model/encodings/binary-encode.ts";
import { asciiJson, CompactEncoder, encodeCompact } from "../../src/model/encodings/compact.ts";
import { makeMapFeatures } from "../../src/model/markers/map-features.ts";

const collection = generateCollection(1500, 11, generatorContext());
const expected = makeMapFeatures(collection.features);
const bytes = (v: unknown) =>
  v instanceof Uint8Array ? v : new TextEncoder().encode(JSON.stringify(v));

/** Every feature of one layer of a world tile at zoom 0: id and properties. */
function decode(data: ArrayBuffer | null) {
  expect(data).not.toBeNull();
  const layer = new VectorTile(new PbfReader(new Uint8Array(data!))).layers[TILE_LAYER]!;
  return Array.from({ length: layer.length }, (_, k) => layer.feature(k)).map((f) => ({
    id: Number(f.id),
    type: f.type,
    props: f.properties,
  }));
}

describe("event tiles (what the tile worker does)", () => {
  it.each([
    ["GeoJSON", collection],
    ["the compact encoding", encodeCompact(collection)],
    ["the binary encoding", encodeBinary(collection)],
  ])(
    "reads %s into the same features as the main thread, with idx as the feature id",
    (_name, file) => {
      const index = indexEventTiles(bytes(file));
      expect(index.extents).toBe(expected.extents.features.length);
      const extents = decode(eventTile(index, "extents", 0, 0, 0));
      // Feature-state filtering addresses features by idx: every tile feature must carry it as its id.
      const byIdx = new Map(expected.extents.features.map((f) => [f.properties.idx, f.properties]));
      for (const e of extents.slice(0, 50)) {
        const p = byIdx.get(e.id)!;
        expect(e.props).toMatchObject({
          idx: p.idx,
          category: p.category,
          status: p.status,
          precision: p.precision,
        });
      }
      // At zoom 0 the smallest areas and routes are simplified away (as in MapLibre's own sources).
      const extentIds = new Set(expected.extents.features.map((f) => f.id));
      expect(extents.every((e) => extentIds.has(e.id))).toBe(true);
      expect(extents.length).toBeGreaterThan(extentIds.size * 0.9);
      expect(new Set(extents.map((e) => e.type))).toEqual(new Set([2, 3])); // lines and polygons
    },
  );

  it("reads a streamed compact file's routes and areas without parsing its point rows, to the same features", () => {
    const enc = new CompactEncoder();
    const streamed =
      CompactEncoder.head(collection.features.length) +
      collection.features.map((e) => asciiJson(enc.row(e))).join(",\n") +
      enc.tail();
    expect(streamed.split("\n").filter((l) => l.startsWith('["')).length).toBe(
      collection.features.length,
    ); // one row per line
    expect(extentsOf(streamed)).toEqual(expected.extents.features);
    expect(extentsOf(JSON.stringify(collection))).toEqual(expected.extents.features);
    // Skipped unparsed: only a row whose geometry is certainly a point, or none.
    expect(mayHaveExtent('["a",{"type":"Point","coordinates":[1,2]},{},0,0,0,[0]],')).toBe(false);
    expect(mayHaveExtent('["a\\"b",null,{},0,0,0,[0]]')).toBe(false); // an escaped quote in the id
    expect(
      mayHaveExtent('["a",{"type":"LineString","coordinates":[[1,2],[3,4]]},{},0,0,0,[0]],'),
    ).toBe(true);
    expect(mayHaveExtent('["a",{"type":"MultiPoint","coordinates":[[1,2]]},{},0,0,0,[0]],')).toBe(
      true,
    );
    expect(mayHaveExtent('["a",{"coordinates":[1,2],"type":"Point"},{},0,0,0,[0]],')).toBe(true); // other key order: parsed
    expect(mayHaveExtent('[7,{"type":"Point","coordinates":[1,2]},{},0,0,0,[0]],')).toBe(true); // not a string id: parsed
    expect(mayHaveExtent('["unterminated')).toBe(true);
  });

  it("answers null for a tile with no events", () => {
    const index = indexEventTiles(bytes(collection));
    expect(eventTile(index, "extents", 3, 0, 0)).toBeNull(); // the far north-west Pacific
  });
});
