/** The map, its legend and the timeline under it. */
export const map = {
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
