/**
 * `npm run build:basemap -- --from-tiles <dir>`: a folder of {z}/{x}/{y}.pbf tiles packed into the
 * basemap archive, read back with the `pmtiles` reader.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PMTiles, type Source } from "pmtiles";
import { readArchiveFile } from "../../../src/build/archive-file.ts";
import {
  BASEMAP_LAYERS,
  basemapArchive,
  readTileFolder,
} from "../../../src/cli/basemap/archive.ts";

function createTileFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "vsm-tiles-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const inMemory = (bytes: Uint8Array): PMTiles => {
  const source: Source = {
    getKey: () => "memory",
    getBytes: async (o, l) => ({ data: bytes.slice(o, o + l).buffer }),
  };
  return new PMTiles(source);
};

describe("a tile folder packed into the basemap archive", () => {
  it("reads {z}/{x}/{y}.pbf files, empty ones included, and nothing else", () => {
    const dir = createTileFolder({
      "0/0/0.pbf": "world",
      "4/5/7.pbf": "caracas",
      "4/5/8.pbf": "",
      "4/5/notes.txt": "x",
      "README.md": "x",
    });
    try {
      const tiles = readTileFolder(dir)
        .map((t) => `${t.z}/${t.x}/${t.y}=${Buffer.from(t.data).toString()}`)
        .sort();
      expect(tiles).toEqual(["0/0/0=world", "4/5/7=caracas", "4/5/8="]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a folder without tiles", () => {
    const dir = createTileFolder({ "notes.txt": "x" });
    try {
      expect(() => readTileFolder(dir)).toThrow(/no \{z\}\/\{x\}\/\{y\}\.pbf tiles/);
      expect(() => readTileFolder(join(dir, "missing"))).toThrow(/no tile folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives an archive holding each tile with content, the basemap's layers in its metadata", async () => {
    const dir = createTileFolder({ "0/0/0.pbf": "world", "4/5/7.pbf": "caracas", "4/5/8.pbf": "" });
    try {
      const archive = inMemory(basemapArchive(readTileFolder(dir)));
      const text = async (z: number, x: number, y: number) => {
        const r = await archive.getZxy(z, x, y);
        return r && Buffer.from(r.data).toString();
      };
      expect([await text(0, 0, 0), await text(4, 5, 7), await text(4, 5, 8)]).toEqual([
        "world",
        "caracas",
        undefined,
      ]);
      expect(((await archive.getMetadata()) as { vector_layers: unknown }).vector_layers).toEqual(
        BASEMAP_LAYERS,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads an archive on disk by byte ranges", async () => {
    const dir = createTileFolder({ "2/1/1.pbf": "a tile" });
    try {
      writeFileSync(join(dir, "a.pmtiles"), basemapArchive(readTileFolder(dir)));
      const r = await readArchiveFile(join(dir, "a.pmtiles")).getZxy(2, 1, 1);
      expect(Buffer.from(r!.data).toString()).toBe("a tile");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
