/**
 * The basemaps a viewer can choose: the embedded offline map (the default, and what every other
 * choice falls back to), detailed streets and satellite imagery (both online). Pure data: where
 * each is fetched from lives in src/map/online-basemaps.ts.
 */
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

/** How the switcher names each choice. */
export const BASEMAP_LABEL: Record<BasemapId, string> = {
  embedded: "Offline",
  streets: "Streets",
  satellite: "Satellite",
};

/** A longer description, for the switcher's tooltips and screen readers. */
export const BASEMAP_HINT: Record<BasemapId, string> = {
  embedded: "Offline map: land, borders, states and places, shipped with the app",
  streets: "Detailed streets from OpenStreetMap (online)",
  satellite: "Sentinel-2 satellite imagery, 10 m (online)",
};
