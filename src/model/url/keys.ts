/**
 * The URL contract's keys (docs/url-contract.md): their names, the order they are written in, and
 * the v1 names still read. Shared by the reader (state.ts) and the writer (format.ts).
 */
export const CONTRACT_VERSION = 2;
export const KEYS = {
  map: "map",
  event: "event",
  source: "source",
  passage: "passage",
  categories: "cat",
  sources: "src",
  statuses: "status",
  from: "from",
  to: "to",
  q: "q",
  sort: "sort",
  play: "play",
  embed: "embed",
  data: "data",
  sourcesFile: "sources",
  basemap: "basemap",
  story: "story",
  step: "step",
  curate: "curate",
  lang: "lang",
  version: "v",
} as const;
export type HashKey = (typeof KEYS)[keyof typeof KEYS];
/** Output order: `map` first, as MapLibre writes it. */
export const KEY_ORDER: readonly HashKey[] = Object.values(KEYS);
export const LEGACY_KEYS = {
  event: "e",
  categories: "c",
  dates: "d",
  zoom: "z",
  center: "ll",
} as const;
