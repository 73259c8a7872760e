/** The map, its legend and the timeline under it. */
import { formatNumber as n, plural } from "../intl.ts";

export const map = {
  /** The basemap switcher: a short name per choice, and a longer one for its tooltip. */
  basemap: "Basemap",
  basemaps: { embedded: "Offline", streets: "Streets", satellite: "Satellite" },
  basemapHints: {
    embedded: "Offline map: land, borders, states and places, shipped with the app",
    streets: "Detailed streets from OpenStreetMap (online)",
    satellite: "Sentinel-2 satellite imagery, 10 m (online)",
  },
  /** The events of a cluster or a spot, listed over the map. */
  hereCount: (count: number) =>
    `${n("en", count)} ${plural("en", count, { one: "event", other: "events" })} here`,
  closeHere: "Close the list of events here",
  label: "Map of events. The event list is the keyboard and screen-reader alternative.",
  legend: "Legend",
  legendLabel: "Map legend",
  keyArea: "Area or radius: place known only approximately",
  keyLine: "Dashed line: approximate route",
  keyRing: "Red ring: disputed by a source",
  keyExpected: "Hollow, dashed: expected or announced, not reported as happened",
  keyCluster: "Several events: click to expand",
  keyDot: "Zoomed out: one dot per event",
  keyPale: "Pale: place known only roughly (select it for its area or radius)",
  statusLabel: "Status, counted by origin",
  /** Where the map will be, until it is first drawn. */
  loadingMap: "Loading the map…",
  notLoaded: (why: string) => `The map could not be loaded: ${why}`,
  /** A big dataset drawn as dots: said once, with one of the two sentences after it. */
  dense: (count: number, zoom: number) =>
    `${n("en", count)} ${plural("en", count, { one: "event", other: "events" })} on the map: below zoom ${n("en", zoom)} each is a dot, then an icon; pale ones are places known only roughly.`,
  denseSliced: "Routes and areas are drawn for the selected event only.",
  denseSelect: "Select one to see its area or radius.",
  zoomResults: "Zoom to results",
};

export const timeline = {
  label: "Timeline",
  start: "Start of date range",
  end: "End of date range",
  loading: "loading",
  all: (first: string, last: string) => `All dates: ${first} – ${last}`,
  outside: (range: string) => `${range} (no events on these dates)`,
  noDates: "No dates",
  loadingDates: "Loading dates…",
  compressed: (day: string) => `Before ${day} the axis is compressed`,
  chooseRange: "Choose a date range first",
  showAll: "Show all dates",
  zoom: "Zoom to range",
};
