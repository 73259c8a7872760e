/**
 * The embedded, offline basemap: vector tiles in one PMTiles archive built by
 * `npm run build:basemap` (data/basemap/, read through basemap-archive.ts), labelled with Noto
 * Sans shipped in the bundle through the style's `font-faces`, so no tile, glyph or font server is
 * ever contacted.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from "maplibre-gl";
import { PLACE_RANK_ZOOM, STATE_LINES_ZOOMS } from "../model/basemap-ranks.ts";
import type { BasemapArchive } from "./basemap-archive.ts";
import regularFont from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import italicFont from "@fontsource/noto-sans/files/noto-sans-latin-400-italic.woff2?url";
import boldFont from "@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url";

export const BASEMAP_ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright" target="_blank" rel="noopener">OpenStreetMap</a> contributors (ODbL) · places © <a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> (CC BY 4.0) · states: <a href="https://www.naturalearthdata.com/" target="_blank" rel="noopener">Natural Earth</a>';

export const FONT = {
  regular: "Noto Sans Regular",
  italic: "Noto Sans Italic",
  bold: "Noto Sans SemiBold",
};

/** The sea is the map container's own colour (`.map` in src/styles/base.css), under a canvas that MapLibre
 * clears to transparent: a background layer would be one more full-canvas pass in every frame,
 * which a software GPU pays for, and one more program to compile in the first. */
export const SEA = "#cfe0ea";
const LAND = "#f3efe6";

/** The tile URL template of an archive, for the `pmtiles` protocol (basemap-archive.ts). */
export const archiveTiles = (url: string): string => `pmtiles://${url}/{z}/{x}/{y}`;

/** rank → first zoom at which a place label shows (the build leaves it out of lower tiles). */
const rankZoom: ExpressionSpecification = [
  "step",
  ["get", "rank"],
  PLACE_RANK_ZOOM[0]!,
  ...PLACE_RANK_ZOOM.slice(1).flatMap((zoom, i) => [i + 1, zoom]),
] as ExpressionSpecification;

/** Which label wins a collision: lower rank first, then the more populous place. */
const labelOrder: ExpressionSpecification = [
  "-",
  ["*", ["get", "rank"], 10],
  ["log10", ["max", ["coalesce", ["get", "pop"], 1], 1]],
];

export function embeddedStyle(archive: BasemapArchive, baseUrl: string): StyleSpecification {
  return {
    version: 8,
    name: "Embedded basemap",
    "font-faces": {
      [FONT.regular]: new URL(regularFont, baseUrl).href,
      [FONT.italic]: new URL(italicFont, baseUrl).href,
      [FONT.bold]: new URL(boldFont, baseUrl).href,
    },
    sources: {
      basemap: {
        type: "vector",
        tiles: [archiveTiles(archive.url)],
        bounds: archive.bounds,
        minzoom: archive.minzoom,
        maxzoom: archive.maxzoom,
        attribution: BASEMAP_ATTRIBUTION,
      },
    },
    layers: [...shapeLayers(), ...labelLayers(), ...cityLayers()],
  };
}

/** Land, coast, state lines and borders. */
function shapeLayers(): LayerSpecification[] {
  return [
    // Not antialiased: the coast is drawn over the land's edge anyway, and the outline MapLibre
    // adds for antialiasing is a program of its own to compile in the first frame.
    {
      id: "land",
      type: "fill",
      source: "basemap",
      "source-layer": "countries",
      paint: {
        "fill-color": ["match", ["get", "A3"], "VEN", "#fbf8f1", LAND],
        // Read per feature, though it is 1 everywhere, like the events' areas' opacity: the two
        // fills then share one GL program, one less to compile in the first frame.
        "fill-opacity": ["match", ["get", "A3"], "VEN", 1, 1],
        "fill-antialias": false,
      },
    },
    {
      id: "coast",
      type: "line",
      source: "basemap",
      "source-layer": "countries",
      paint: {
        "line-color": "#9fb7c6",
        "line-width": ["interpolate", ["linear"], ["zoom"], 3, 0.4, 10, 1.2],
      },
    },
    // Venezuela's states, fainter than the borders; not from close in, where their coarse
    // source would put a place in the wrong state (STATE_LINES_ZOOMS).
    {
      id: "state-lines",
      type: "line",
      source: "basemap",
      "source-layer": "states",
      minzoom: STATE_LINES_ZOOMS.min,
      maxzoom: STATE_LINES_ZOOMS.max,
      paint: {
        "line-color": "#c4b4a6",
        "line-width": ["interpolate", ["linear"], ["zoom"], 5, 0.6, 10, 1.2],
      },
    },
    // Solid, told from the coast by colour and width: a dashed line is another program to
    // compile in the first frame; this one is the coast's.
    {
      id: "borders",
      type: "line",
      source: "basemap",
      "source-layer": "borders",
      paint: {
        "line-color": "#a08f82",
        "line-width": ["interpolate", ["linear"], ["zoom"], 3, 0.7, 10, 2],
      },
    },
  ];
}

/** Area names: seas, Venezuela's states, countries. */
function labelLayers(): LayerSpecification[] {
  return [
    {
      id: "water-labels",
      type: "symbol",
      source: "basemap",
      "source-layer": "places",
      filter: ["all", ["==", ["get", "kind"], "water"], [">=", ["zoom"], rankZoom]],
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.italic],
        "text-size": ["step", ["get", "rank"], 15, 2, 12],
        "text-letter-spacing": 0.1,
        "text-max-width": 8,
      },
      paint: { "text-color": "#4f7489", "text-halo-color": SEA, "text-halo-width": 1 },
    },
    {
      id: "state-labels",
      type: "symbol",
      source: "basemap",
      "source-layer": "places",
      filter: ["all", ["==", ["get", "kind"], "state"], [">=", ["zoom"], rankZoom]],
      maxzoom: 9,
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.italic],
        "text-transform": "uppercase",
        "text-size": 11,
        "text-letter-spacing": 0.12,
        "text-max-width": 8,
      },
      paint: {
        "text-color": "#9a8b7e",
        "text-halo-color": "rgba(255,255,255,0.8)",
        "text-halo-width": 1,
      },
    },
    {
      id: "country-labels",
      type: "symbol",
      source: "basemap",
      "source-layer": "places",
      filter: ["all", ["==", ["get", "kind"], "country"], [">=", ["zoom"], rankZoom]],
      maxzoom: 9,
      layout: {
        "text-field": ["get", "name"],
        "text-font": [FONT.bold],
        "text-transform": "uppercase",
        "text-size": ["interpolate", ["linear"], ["zoom"], 3, 10, 7, 15],
        "text-letter-spacing": 0.12,
        "text-max-width": 7,
      },
      paint: {
        "text-color": "#6e6359",
        "text-halo-color": "rgba(255,255,255,0.8)",
        "text-halo-width": 1.2,
      },
    },
  ];
}

/** Cities and towns: their dots, then their names. */
function cityLayers(): LayerSpecification[] {
  return [
    {
      id: "city-dots",
      type: "circle",
      source: "basemap",
      "source-layer": "places",
      filter: ["all", ["==", ["get", "kind"], "city"], [">=", ["zoom"], rankZoom]],
      paint: {
        "circle-radius": [
          "case",
          ["==", ["get", "capital"], 1],
          3.5,
          [">=", ["get", "rank"], 6],
          2,
          2.5,
        ],
        "circle-color": "#514a43",
        "circle-stroke-color": "#fff",
        "circle-stroke-width": 1,
      },
    },
    {
      id: "city-labels",
      type: "symbol",
      source: "basemap",
      "source-layer": "places",
      filter: ["all", ["==", ["get", "kind"], "city"], [">=", ["zoom"], rankZoom]],
      layout: {
        "text-field": ["get", "name"],
        "text-font": [
          "case",
          ["<=", ["get", "rank"], 2],
          ["literal", [FONT.bold]],
          ["literal", [FONT.regular]],
        ],
        "text-size": ["step", ["get", "rank"], 14, 2, 13, 3, 12, 5, 11],
        "text-variable-anchor": ["left", "right", "top", "bottom"],
        "text-radial-offset": 0.6,
        "text-justify": "auto",
        "symbol-sort-key": labelOrder,
      },
      paint: {
        "text-color": "#2f2a26",
        "text-halo-color": "rgba(255,255,255,0.9)",
        "text-halo-width": 1.4,
      },
    },
  ];
}
