/** The page's frame: its title, the toolbar, the counter, the sheet, what a load or a link says. */
import { formatNumber as n, plural } from "../intl.ts";

const events = (count: number) => plural("en", count, { one: "event", other: "events" });

export const app = {
  title: "Venezuela situation map",
  subtitle: "US–Venezuela crisis, 2025–26",
  dataset: (path: string) => `dataset ${path}`,
  description:
    "An offline situation map of the 2025–26 US–Venezuela crisis: every pin linked to the exact source passages behind it.",
  sourceWord: "source",
  skip: "Skip to the event list",
  side: "Events and sources",
  sheetMap: "More map ▾",
  sheetList: "More list ▴",
  loadFailed: "The events could not be loaded",
  loadCheck: "Check that the file exists and is valid (run {cmd}), then reload.",
  loadCurated: "Open the curated dataset instead",
  loadingAll: "Loading events and sources…",
  loading: "Loading events…",
  loadingN: (count: number) => `Loading ${n("en", count)} ${events(count)}…`,
  noEvents: "No events loaded",
  shown: (shown: number, total: number) =>
    `${n("en", shown)} of ${n("en", total)} ${events(total)} shown`,
  clearFilters: "Clear filters",
  activeFilters: "Active filters",
  dismiss: "Dismiss notice",
};

export const actions = {
  filters: "Filters",
  more: "More",
  geojson: "GeoJSON",
  geojsonTitle: "Download the events shown as GeoJSON",
  csv: "CSV",
  csvTitle: "Download one row per citation as CSV",
  image: "Image",
  imageTitle: "Save the map as shown, with its legend and credits, as a PNG image",
  print: "Print",
  printTitle: "Print the open event's text with the map beside it",
  share: "Share",
  curate: "Curate",
  curateTitle: "Add sources and events to a draft of this dataset, then export it",
  language: "Language",
  /** Each language by its own name, so a reader finds theirs whatever is shown. */
  langNames: { en: "English", es: "Español" },
};

export const chips = {
  category: "category",
  status: "status",
  source: "source",
  search: "search",
  dates: "dates",
  from: (day: string) => `From ${day}`,
  to: (day: string) => `To ${day}`,
  remove: (kind: string, what: string) => `Remove filter: ${kind} ${what}`,
};

export const notices = {
  ignored: (parts: string) => `Parts of this link were ignored: ${parts}.`,
  missingText: (id: string, more: number) =>
    `A source's text could not be loaded: ${id}${more ? ` (and ${more} more)` : ""}.`,
  unresolved: (count: number) =>
    `${n("en", count)} ${plural("en", count, { one: "citation", other: "citations" })} could not be found in their sources.`,
  noEvent: (id: string) => `Event “${id}” was not found; showing everything else in the link.`,
  copyLink: (url: string) => `Copy this link: ${url}`,
  copied: "Link copied to the clipboard.",
  shared: "Link shared.",
  update: "A new version of the map and its data is ready.",
  reload: "Reload to update",
  copyEmbed: "Copy embed code",
  embedCopied: "Embed code copied: paste it into your page's HTML.",
  copyEmbedManual: (code: string) => `Copy this embed code: ${code}`,
  notDrawn: "The map is not drawn yet: try again in a moment.",
};
