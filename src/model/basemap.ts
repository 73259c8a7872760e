/**
 * The basemaps a viewer can choose: the embedded offline map (the default, and what every other
 * choice falls back to), detailed streets and satellite imagery (both online), and where the
 * online ones come from by default. Pure data: their styles are made in src/map/online-basemaps.ts,
 * and vite.config.ts gives their origins to the Content-Security-Policy.
 */
/** OpenFreeMap's "Liberty" style: no key, no registration; its sources carry their own credit. */
export const STREETS_STYLE = "https://tiles.openfreemap.org/styles/liberty";

/** EOX Sentinel-2 cloudless, the 2016 mosaic: the only one of its years under CC BY 4.0 (the
 * later ones are CC BY-NC-SA). 10 m pixels, so from zoom 14 on MapLibre enlarges the last tiles. */
export const SATELLITE_TILES =
  "https://tiles.maps.eox.at/wmts/1.0.0/s2cloudless_3857/default/g/{z}/{y}/{x}.jpg";

export const BASEMAPS = ["embedded", "streets", "satellite"] as const;
export type BasemapId = (typeof BASEMAPS)[number];
export const DEFAULT_BASEMAP: BasemapId = "embedded";

export const isBasemap = (s: unknown): s is BasemapId =>
  typeof s === "string" && (BASEMAPS as readonly string[]).includes(s);

/** Where the online basemaps come from (src/main.tsx reads the settings; docs/architecture.md). */
export interface BasemapConfig {
  /** A MapLibre style URL, used for `streets`. */
  streets: string;
  /** A raster tile URL template with {z}, {x} and {y}, used for `satellite`. */
  satellite: string;
  /** A style to show instead of the embedded map (VITE_BASEMAP_STYLE, `vsm.basemapStyle`). */
  custom: string | null;
}
