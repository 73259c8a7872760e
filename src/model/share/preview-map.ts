/**
 * The map of a preview image, as SVG: the region's land and borders from the embedded basemap,
 * the event's geometry with the halo of its precision, and its category's symbol. Text is not
 * drawn here (the build sets it with satori, as paths: resvg reads no web fonts).
 */
import type { Geometry } from "geojson";
import { CATEGORY_STYLE } from "../category-style.ts";
import type { SituationEvent } from "../types.ts";
import { attrs } from "./html.ts";
import { type Bbox, type Box, coordinatesOf, eventBbox, fitProjection } from "./preview-frame.ts";

/** Basemap lines and polygons in degrees, with their extent so that off-view ones are skipped. */
export interface BasemapShape {
  kind: "land" | "border" | "state";
  /** Polygon rings (land) or lines (borders), [lng, lat] pairs. */
  parts: number[][][];
  bbox: Bbox;
}

export interface MapLayout {
  width: number;
  height: number;
  /** Where the event is framed (the rest is under the card). */
  focus: Box;
}

const SEA = "#dbe7f0";
const LAND = "#f4f1ea";
const HALO_PX = 26; // a point placed no closer than a city, drawn as a soft disc this wide

const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
const r1 = (v: number) => Math.round(v * 10) / 10;

type Project = (lng: number, lat: number) => [number, number];

/** An SVG path of rings or lines; points less than a pixel from the last one kept are dropped
 * (the basemap's detail is finer than the image, and every point costs the rasteriser). */
function pathOf(parts: readonly (readonly number[])[][], project: Project, close: boolean) {
  let d = "";
  for (const ring of parts) {
    if (ring.length < 2) continue;
    let last: [number, number] | null = null;
    let run = "";
    ring.forEach((p, k) => {
      const [x, y] = project(p[0]!, p[1]!);
      if (last && k < ring.length - 1 && Math.abs(x - last[0]) + Math.abs(y - last[1]) < 1) return;
      run += `${last ? "L" : "M"}${r1(x)} ${r1(y)}`;
      last = [x, y];
    });
    d += close ? `${run}Z` : run;
  }
  return d;
}

function basemapSvg(shapes: readonly BasemapShape[], view: Bbox, project: Project): string {
  const seen = shapes.filter((s) => overlaps(s.bbox, view));
  const land = seen.filter((s) => s.kind === "land").map((s) => pathOf(s.parts, project, true));
  const lines = (kind: BasemapShape["kind"]) =>
    seen.filter((s) => s.kind === kind).map((s) => pathOf(s.parts, project, false));
  // The land's own-coloured outline hides the seams where tiles cut a polygon.
  return [
    `<path${attrs({ d: land.join(""), fill: LAND, stroke: LAND, "stroke-width": 1, "fill-rule": "nonzero" })}/>`,
    `<path${attrs({ d: lines("state").join(""), fill: "none", stroke: "#c9c2b4", "stroke-width": 1, "stroke-dasharray": "4 3" })}/>`,
    `<path${attrs({ d: lines("border").join(""), fill: "none", stroke: "#9b9285", "stroke-width": 1.6 })}/>`,
  ].join("");
}

/** The rings or lines of a geometry, each as its own list of positions. */
function partsOf(g: Geometry): { rings: number[][][]; lines: number[][][] } {
  switch (g.type) {
    case "Polygon":
      return { rings: g.coordinates, lines: [] };
    case "MultiPolygon":
      return { rings: g.coordinates.flat(), lines: [] };
    case "LineString":
      return { rings: [], lines: [g.coordinates] };
    case "MultiLineString":
      return { rings: [], lines: g.coordinates };
    default:
      return { rings: [], lines: [] };
  }
}

/** The mean of the positions: where a symbol stands for the geometry. */
const middleOf = (pts: number[][]): [number, number] => [
  pts.reduce((a, p) => a + p[0]!, 0) / pts.length,
  pts.reduce((a, p) => a + p[1]!, 0) / pts.length,
];

/** Where the event's symbol stands, in pixels; null for an event placed nowhere. */
export function symbolPoint(e: SituationEvent, project: Project): [number, number] | null {
  const pts = coordinatesOf(e.geometry);
  return pts.length ? project(...middleOf(pts)) : null;
}

/** The geometry, its halo, and the symbol at its middle. */
function eventSvg(e: SituationEvent, project: Project, pxPerKm: (lat: number) => number): string {
  const g = e.geometry;
  const style = CATEGORY_STYLE[e.properties.category];
  const color = style?.color ?? "#4b5563";
  const pts = coordinatesOf(g);
  if (!g || !pts.length) return "";
  const out: string[] = [];
  const { rings, lines } = partsOf(g);
  if (rings.length)
    out.push(
      `<path${attrs({ d: pathOf(rings, project, true), fill: color, "fill-opacity": 0.22, stroke: color, "stroke-width": 3, "fill-rule": "evenodd" })}/>`,
    );
  if (lines.length) {
    const d = pathOf(lines, project, false);
    out.push(
      `<path${attrs({ d, fill: "none", stroke: color, "stroke-opacity": 0.25, "stroke-width": 18, "stroke-linecap": "round", "stroke-linejoin": "round" })}/>`,
      `<path${attrs({ d, fill: "none", stroke: color, "stroke-width": 4, "stroke-linecap": "round", "stroke-linejoin": "round" })}/>`,
    );
  }
  const [lng, lat] = middleOf(pts);
  const [x, y] = project(lng, lat);
  if (g.type === "Point" || g.type === "MultiPoint") {
    const km = e.properties.place.radius_km;
    const r = km ? km * pxPerKm(lat) : e.properties.place.precision === "exact" ? 0 : HALO_PX;
    if (r > 0)
      out.push(
        `<circle${attrs({ cx: r1(x), cy: r1(y), r: r1(r), fill: color, "fill-opacity": 0.18, stroke: color, "stroke-opacity": 0.6, "stroke-width": 2, "stroke-dasharray": "6 4" })}/>`,
      );
  }
  out.push(symbolSvg(e, x, y, 44));
  return out.join("");
}

/** The category's symbol, `size` pixels wide, centred at x, y; hollow for an expected event. */
export function symbolSvg(e: SituationEvent, x: number, y: number, size: number): string {
  const style = CATEGORY_STYLE[e.properties.category];
  const color = style?.color ?? "#4b5563";
  const k = size / 24;
  const hollow = e.properties.expected === true;
  return `<path${attrs({
    d: style?.shape ?? "M12 3a9 9 0 1 0 0.01 0Z",
    transform: `translate(${r1(x - 12 * k)} ${r1(y - 12 * k)}) scale(${k})`,
    fill: hollow ? "#ffffff" : color,
    stroke: hollow ? color : "#ffffff",
    "stroke-width": (hollow ? 3 : 2) / k,
    "stroke-linejoin": "round",
  })}/>`;
}

/** The map's layers (sea, land, borders, the event), for an SVG of `layout`'s size. */
export function previewMapLayers(
  e: SituationEvent,
  shapes: readonly BasemapShape[],
  layout: MapLayout,
): string {
  const proj = fitProjection(eventBbox(e), layout.focus);
  const view = proj.bounds(layout.width, layout.height);
  return [
    `<rect${attrs({ width: layout.width, height: layout.height, fill: SEA })}/>`,
    basemapSvg(shapes, view, proj.point),
    eventSvg(e, proj.point, proj.pxPerKm),
  ].join("");
}

/** The site's own card: the region (`bbox`) with a small symbol for every event placed on it. */
export function overviewMapLayers(
  events: readonly SituationEvent[],
  bbox: Bbox,
  shapes: readonly BasemapShape[],
  layout: MapLayout,
): string {
  const proj = fitProjection(bbox, layout.focus);
  const symbols = events.flatMap((e) => {
    const pts = coordinatesOf(e.geometry);
    if (!pts.length) return [];
    const [x, y] = proj.point(...middleOf(pts));
    return [symbolSvg(e, x, y, 22)];
  });
  return [
    `<rect${attrs({ width: layout.width, height: layout.height, fill: SEA })}/>`,
    basemapSvg(shapes, proj.bounds(layout.width, layout.height), proj.point),
    ...symbols,
  ].join("");
}

/** One SVG document of `layout`'s size from layers drawn in order: the map, then the card (a
 * whole <svg> element, as satori writes it, nests as it is). */
export function svgDocument(layout: Pick<MapLayout, "width" | "height">, ...layers: string[]) {
  const { width, height } = layout;
  return `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ width, height, viewBox: `0 0 ${width} ${height}` })}>${layers.join("")}</svg>`;
}
