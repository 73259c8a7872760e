/**
 * The two online basemaps the switcher offers, both keyless: detailed streets (an
 * OpenMapTiles-compatible MapLibre style from OpenFreeMap, OpenStreetMap data) and satellite
 * imagery (EOX's Sentinel-2 cloudless, as raster tiles). Where they are fetched from can be set at
 * build time or per browser (src/main.tsx, docs/architecture.md), which is how the browser tests
 * point them at 127.0.0.1.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from "maplibre-gl";
import { SATELLITE_TILES, STREETS_STYLE } from "../model/basemap.ts";

export { SATELLITE_TILES, STREETS_STYLE };

export const SATELLITE_MAXZOOM = 14;

/** The credit EOX asks for, word for word, with its links, shown in the map's credit. */
export const SATELLITE_ATTRIBUTION =
  'Sentinel-2 cloudless - <a href="https://s2maps.eu" target="_blank" rel="noopener">https://s2maps.eu</a> by <a href="https://eox.at" target="_blank" rel="noopener">EOX IT Services GmbH</a> (Contains modified Copernicus Sentinel data 2016 &amp; 2017)';

/** The embedded map's layers drawn over the imagery, so a viewer can still tell where they are. */
const OVERLAY_LAYERS = new Set([
  "borders",
  "state-lines",
  "state-labels",
  "country-labels",
  "water-labels",
  "city-dots",
  "city-labels",
]);

/** Light text on a dark halo: dark text disappears on forest and on the sea of the imagery. */
function overImagery(layer: LayerSpecification): LayerSpecification {
  if (layer.type === "symbol")
    return {
      ...layer,
      paint: {
        ...layer.paint,
        "text-color": "#ffffff",
        "text-halo-color": "rgba(0,0,0,0.75)",
        "text-halo-width": 1.4,
      },
    };
  if (layer.type === "line")
    return { ...layer, paint: { ...layer.paint, "line-color": "#f5e6b8", "line-opacity": 0.8 } };
  return layer;
}

/**
 * Satellite imagery, with the embedded map's borders and labels over it when that map could be
 * read (`embedded` null: the imagery alone). Its fonts are the embedded map's (bundled).
 */
export function satelliteStyle(
  tiles: string,
  embedded: StyleSpecification | null,
): StyleSpecification {
  const imagery: SourceSpecification = {
    type: "raster",
    tiles: [tiles],
    tileSize: 256,
    maxzoom: SATELLITE_MAXZOOM,
    attribution: SATELLITE_ATTRIBUTION,
  };
  return {
    version: 8,
    name: "Satellite",
    ...(embedded?.["font-faces"] ? { "font-faces": embedded["font-faces"] } : {}),
    sources: { ...(embedded?.sources ?? {}), imagery },
    layers: [
      { id: "imagery", type: "raster", source: "imagery" },
      ...(embedded?.layers ?? []).filter((l) => OVERLAY_LAYERS.has(l.id)).map(overImagery),
    ],
  };
}

/** The tile of a template that holds a point, for checking that the imagery answers at all. */
export function tileUrlAt(template: string, lng: number, lat: number, zoom: number): string {
  const z = Math.max(0, Math.min(SATELLITE_MAXZOOM, Math.floor(zoom)));
  const n = 2 ** z;
  const x = Math.min(n - 1, Math.max(0, Math.floor(((lng + 180) / 360) * n)));
  const r = (Math.max(-85, Math.min(85, lat)) * Math.PI) / 180;
  const y = Math.min(
    n - 1,
    Math.max(0, Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)),
  );
  return template.replace("{z}", String(z)).replace("{x}", String(x)).replace("{y}", String(y));
}

/** A style as we take it in: no camera of its own (switching keeps the viewer's). */
export function withoutCamera(style: StyleSpecification): StyleSpecification {
  const {
    center: _c,
    zoom: _z,
    bearing: _b,
    pitch: _p,
    roll: _r,
    ...rest
  } = style as StyleSpecification & { roll?: number };
  return rest;
}
