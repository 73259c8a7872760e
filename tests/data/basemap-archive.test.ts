/**
 * The committed basemap archive (data/basemap/basemap.pmtiles), read with the `pmtiles` reader
 * the app uses: what its header and metadata say, and a tile the opening view needs.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { Compression, TileType } from "pmtiles";
import { readArchiveFile } from "../../src/build/archive-file.ts";
import { BASEMAP_ARCHIVE, BASEMAP_SOURCES } from "../../src/cli/basemap/archive.ts";
import { BASEMAP_BOUNDS, BASEMAP_MAXZOOM } from "../../src/cli/basemap/places.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FILE = resolve(ROOT, BASEMAP_ARCHIVE);

describe("the basemap archive", () => {
  it("is an MVT archive of zooms 0–8 over the map's bounds, tiles gzipped", async () => {
    const h = await readArchiveFile(FILE).getHeader();
    expect(h).toMatchObject({
      specVersion: 3,
      tileType: TileType.Mvt,
      tileCompression: Compression.Gzip,
      clustered: true,
      minZoom: 0,
      maxZoom: BASEMAP_MAXZOOM,
      minLon: BASEMAP_BOUNDS[0],
      minLat: BASEMAP_BOUNDS[1],
      maxLon: BASEMAP_BOUNDS[2],
      maxLat: BASEMAP_BOUNDS[3],
    });
    expect(h.numTileContents, "identical tiles stored once").toBeLessThan(h.numAddressedTiles);
  });

  it("names its layers, sources and credit in its metadata", async () => {
    const m = (await readArchiveFile(FILE).getMetadata()) as {
      vector_layers: { id: string }[];
      sources: string[];
      attribution: string;
    };
    expect(m.vector_layers.map((l) => l.id)).toEqual(["countries", "borders", "states", "places"]);
    expect(m.sources).toEqual(BASEMAP_SOURCES);
    expect(m.attribution).toMatch(/OpenStreetMap.*ODbL.*GeoNames.*CC BY 4\.0.*Natural Earth/);
  });

  it("holds Caracas' districts and the state lines around it in its zoom-8 tile", async () => {
    const tile = await readArchiveFile(FILE).getZxy(8, 80, 120);
    expect(tile).toBeDefined();
    const bytes = Buffer.from(tile!.data);
    for (const word of ["states", "Chacao", "Petare", "Baruta", "El Hatillo", "Miranda"])
      expect(bytes.includes(word), word).toBe(true);
  });

  it("leaves small places out of the wide zooms' tiles, which never show them", async () => {
    const tile = await readArchiveFile(FILE).getZxy(4, 5, 7);
    const bytes = Buffer.from(tile!.data);
    expect(bytes.includes("Caracas")).toBe(true);
    for (const word of ["Chacao", "El Hatillo", "La Dolorita"])
      expect(bytes.includes(word), word).toBe(false);
  });

  it("holds land, borders and the Caracas label in the zoom-4 tile over Caracas", async () => {
    const tile = await readArchiveFile(FILE).getZxy(4, 5, 7);
    expect(tile).toBeDefined();
    const bytes = Buffer.from(tile!.data);
    for (const word of ["countries", "borders", "places", "Caracas", "VEN"])
      expect(bytes.includes(word), word).toBe(true);
  });
});
