/**
 * What the map says when something fails, and MapLibre's own control labels: the map's chunk
 * imports this pair (src/map/), so its words load with the map library, never in the first chunk.
 * The reason after a colon is the browser's or the server's, as it gives it.
 */
export const mapNotices = {
  eventsFailed: (why: string) => `The map could not draw the events: ${why}`,
  basemapFailed: (what: string, why: string) => `Basemap ${what} failed: ${why}`,
  archiveMissing: (file: string, why: string) =>
    `Basemap file ${file} could not be loaded (${why}). Events are shown without a basemap.`,
  fellBack: (name: string, url: string, why: string) =>
    `${name} ${url} could not be loaded (${why}); showing the embedded offline basemap.`,
  names: { online: "Online basemap", streets: "Streets basemap", satellite: "Satellite basemap" },
  unknown: "unknown error",
  /** MapLibre's own words, by its locale keys (the rest of its controls are not used here). */
  maplibre: {
    "Map.Title": "Map",
    "AttributionControl.ToggleAttribution": "Toggle attribution",
    "AttributionControl.MapFeedback": "Map feedback",
    "NavigationControl.ZoomIn": "Zoom in",
    "NavigationControl.ZoomOut": "Zoom out",
    "NavigationControl.ResetBearing": "Reset bearing to north",
  },
};

export type MapNoticeText = typeof mapNotices;
