/**
 * The PMTiles writer, checked by reading what it writes with the `pmtiles` npm reader (the one
 * the app uses), tile by tile.
 */
import { describe, expect, it } from "vitest";
import { Compression, PMTiles, readVarint, TileType, type Source } from "pmtiles";
import {
  HEADER_BYTES,
  serializeDirectory,
  writePmtiles,
  writeVarint,
  type ArchiveOptions,
  type Tile,
} from "../../../src/cli/basemap/pmtiles-writer.ts";

/** The reader over bytes in memory, as it reads a file over HTTP: by offset and length. */
function readArchive(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => "memory",
    getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
  };
  return new PMTiles(source);
}

function createOptions(over: Partial<ArchiveOptions> = {}): ArchiveOptions {
  return {
    tileType: "mvt",
    tileCompression: "gzip",
    minZoom: 0,
    maxZoom: 3,
    bounds: [-90, -5, -52, 26],
    metadata: { name: "test", vector_layers: [{ id: "countries", fields: { A3: "String" } }] },
    ...over,
  };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function createRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const bytesOf = (text: string) => new TextEncoder().encode(text);

/** Every tile of zooms 0–3: some unique, some sharing one content (like open land), some empty
 * (like open sea), a few left out entirely. */
function createPyramid(): Tile[] {
  const tiles: Tile[] = [];
  for (let z = 0; z <= 3; z++) {
    for (let x = 0; x < 2 ** z; x++) {
      for (let y = 0; y < 2 ** z; y++) {
        const k = (x + y) % 4;
        if (z === 3 && x === 7) continue; // not given at all
        const data =
          k === 0
            ? new Uint8Array(0)
            : k === 1
              ? bytesOf("the same land tile ".repeat(20))
              : bytesOf(`tile ${z}/${x}/${y} `.repeat(1 + x));
        tiles.push({ z, x, y, data });
      }
    }
  }
  return tiles;
}

async function tileBytes(
  archive: PMTiles,
  t: { z: number; x: number; y: number },
): Promise<Uint8Array | undefined> {
  const r = await archive.getZxy(t.z, t.x, t.y);
  return r ? new Uint8Array(r.data) : undefined;
}

/** The tiles whose bytes read back differ from those written (an empty tile must read as none). */
async function mismatches(archive: PMTiles, tiles: readonly Tile[]): Promise<string[]> {
  const bad: string[] = [];
  for (const t of tiles) {
    const got = await tileBytes(archive, t);
    const same =
      t.data.length === 0
        ? got === undefined
        : got !== undefined && Buffer.from(got).equals(Buffer.from(t.data));
    if (!same)
      bad.push(`${t.z}/${t.x}/${t.y}: wrote ${t.data.length} bytes, read ${got?.length ?? "none"}`);
  }
  return bad;
}

describe("varints and directories", () => {
  it.each([0, 1, 127, 128, 300, 16_383, 16_384, 2 ** 31, 2 ** 40 + 5, Number.MAX_SAFE_INTEGER])(
    "%d reads back with the reader's readVarint",
    (n) => {
      const out: number[] = [];
      writeVarint(out, n);
      expect(readVarint({ buf: Uint8Array.from(out), pos: 0 })).toBe(n);
    },
  );

  it("writes the spec's small cases byte for byte", () => {
    const enc = (n: number) => {
      const out: number[] = [];
      writeVarint(out, n);
      return out;
    };
    expect([enc(0), enc(127), enc(128), enc(300)]).toEqual([[0], [127], [128, 1], [172, 2]]);
    expect(() => enc(-1)).toThrow(RangeError);
    expect(() => enc(1.5)).toThrow(RangeError);
  });

  it("serializes a directory in columns, with contiguous offsets written as 0", () => {
    const dir = serializeDirectory([
      { tileId: 0, offset: 0, length: 10, runLength: 1 },
      { tileId: 5, offset: 10, length: 3, runLength: 2 }, // follows the first: 0
      { tileId: 9, offset: 0, length: 10, runLength: 1 }, // points back (a duplicate): offset + 1
    ]);
    expect([...dir]).toEqual([3, 0, 5, 4, 1, 2, 1, 10, 3, 10, 1, 0, 1]);
    expect(() => serializeDirectory([])).toThrow(/must not be empty/);
  });
});

describe("writePmtiles, read back with the pmtiles reader", () => {
  it.each(["gzip", "none"] as const)(
    "every tile comes back byte for byte (tiles stored with compression %s)",
    async (tileCompression) => {
      const tiles = createPyramid();
      const archive = readArchive(writePmtiles(tiles, createOptions({ tileCompression })));
      expect(await mismatches(archive, tiles)).toEqual([]);
      expect(await tileBytes(archive, { z: 3, x: 7, y: 2 }), "a tile never given").toBeUndefined();
      const h = await archive.getHeader();
      expect(h.tileCompression).toBe(
        tileCompression === "gzip" ? Compression.Gzip : Compression.None,
      );
    },
  );

  it("writes the header: type, compression, zooms, bounds, centre and counts", async () => {
    const tiles = createPyramid();
    const bytes = writePmtiles(tiles, createOptions({ center: [-66.9, 10.5, 4] }));
    const h = await readArchive(bytes).getHeader();
    const nonEmpty = tiles.filter((t) => t.data.length > 0);
    const distinct = new Set(nonEmpty.map((t) => new TextDecoder().decode(t.data)));
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe("PMTiles");
    expect(h).toMatchObject({
      specVersion: 3,
      tileType: TileType.Mvt,
      internalCompression: Compression.Gzip,
      clustered: true,
      minZoom: 0,
      maxZoom: 3,
      minLon: -90,
      minLat: -5,
      maxLon: -52,
      maxLat: 26,
      centerLon: -66.9,
      centerLat: 10.5,
      centerZoom: 4,
      numAddressedTiles: nonEmpty.length,
      numTileContents: distinct.size,
      rootDirectoryOffset: HEADER_BYTES,
      leafDirectoryLength: 0,
    });
    expect(h.numTileEntries).toBeLessThanOrEqual(nonEmpty.length);
    expect(h.tileDataOffset + h.tileDataLength!).toBe(bytes.length);
  });

  it("defaults the centre to the middle of the bounds at the lowest zoom", async () => {
    const h = await readArchive(
      writePmtiles(createPyramid(), createOptions({ minZoom: 0 })),
    ).getHeader();
    expect([h.centerLon, h.centerLat, h.centerZoom]).toEqual([-71, 10.5, 0]);
  });

  it("keeps the JSON metadata", async () => {
    const metadata = {
      name: "Basemap «test»",
      vector_layers: [{ id: "places", fields: { name: "String" } }],
      sources: ["a@1"],
    };
    expect(
      await readArchive(writePmtiles(createPyramid(), createOptions({ metadata }))).getMetadata(),
    ).toEqual(metadata);
  });

  it("stores identical tiles once, and a run of neighbouring ids as one entry", async () => {
    const same = bytesOf("open land ".repeat(50));
    const tiles: Tile[] = [];
    for (let x = 0; x < 16; x++)
      for (let y = 0; y < 16; y++) tiles.push({ z: 4, x, y, data: same });
    const bytes = writePmtiles(
      tiles,
      createOptions({ minZoom: 4, maxZoom: 4, tileCompression: "none" }),
    );
    const archive = readArchive(bytes);
    const h = await archive.getHeader();
    expect(h).toMatchObject({
      numAddressedTiles: 256,
      numTileContents: 1,
      numTileEntries: 1,
      tileDataLength: same.length,
    });
    expect(await mismatches(archive, tiles)).toEqual([]);
  });

  it("moves entries into leaf directories when the root would not fit in the first 16 KB", async () => {
    const random = createRandom(7);
    const byPlace = new Map<string, Tile>();
    for (let z = 0; z <= 9; z++) {
      const n = 2 ** z;
      for (let k = 0; k < Math.min(n * n, 4000); k++) {
        const x = Math.floor(random() * n),
          y = Math.floor(random() * n);
        byPlace.set(`${z}/${x}/${y}`, {
          z,
          x,
          y,
          data: bytesOf(`${z}/${x}/${y}:${"x".repeat(Math.floor(random() * 400))}`),
        });
      }
    }
    const unique = [...byPlace.values()];
    const archive = readArchive(
      writePmtiles(unique, createOptions({ maxZoom: 9, tileCompression: "none" })),
    );
    const h = await archive.getHeader();
    expect(h.leafDirectoryLength, "leaf directories written").toBeGreaterThan(0);
    expect(h.rootDirectoryOffset + h.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(h.numAddressedTiles).toBe(unique.length);
    expect(await mismatches(archive, unique)).toEqual([]);
    // ~20 000 tiles written and read back: seconds on a loaded machine, not a hang.
  }, 30_000);

  it("gives the same bytes for the same tiles in any order, and leaves its input alone", () => {
    const tiles = createPyramid();
    const copy = tiles.map((t) => ({ ...t, data: t.data.slice() }));
    const a = writePmtiles(tiles, createOptions());
    const b = writePmtiles([...tiles].reverse(), createOptions());
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(tiles).toEqual(copy);
  });

  it("refuses what the format cannot hold", () => {
    const one: Tile = { z: 1, x: 0, y: 0, data: bytesOf("x") };
    expect(() => writePmtiles([one], createOptions({ minZoom: 2, maxZoom: 3 }))).toThrow(
      /outside zooms 2–3/,
    );
    expect(() => writePmtiles([one, { ...one }], createOptions())).toThrow(/given twice/);
    expect(() => writePmtiles([{ ...one, data: new Uint8Array(0) }], createOptions())).toThrow(
      /no tiles with content/,
    );
    expect(() => writePmtiles([one], createOptions({ bounds: [10, 0, -10, 5] }))).toThrow(
      /bad bounds/,
    );
    expect(() => writePmtiles([one], createOptions({ minZoom: 4, maxZoom: 3 }))).toThrow(
      /bad zoom range/,
    );
  });
});
