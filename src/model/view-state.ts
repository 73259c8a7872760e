/**
 * Everything a shared link restores, as plain data. The URL codec (url-state.ts) turns this into
 * the hash fragment and back; the app keeps it in Solid signals.
 */
import { DEFAULT_BASEMAP, type BasemapId } from "./basemap.ts";
import type { Lang } from "./i18n/lang.ts";
import type { PlaybackMode } from "./query/playback.ts";
import type { Category, Status } from "./types.ts";

export interface Filters {
  /** Empty means every category. */
  categories: Category[];
  /** Source document ids; empty means every source. */
  sources: string[];
  /** Empty means every status. */
  statuses: Status[];
  /** Inclusive ISO dates (YYYY-MM-DD) bounding the timeline range; null = open. */
  from: string | null;
  to: string | null;
  /** Full-text search over titles, summaries and quoted passages. */
  q: string;
}

/** MapLibre's camera, as in its `map=zoom/lat/lng[/bearing/pitch]` hash. */
export interface Camera {
  zoom: number;
  lat: number;
  lng: number;
  bearing: number;
  pitch: number;
}

/** Playback as a link carries it: the mode, and whether the link starts playing by itself. */
export interface PlayState {
  mode: PlaybackMode;
  /** Start playing when the link is opened (never written back once playback has started). */
  autoplay: boolean;
}

/** The event list's order: oldest first (the default) or newest first. */
export type ListSort = "oldest" | "newest";
export const LIST_SORTS: readonly ListSort[] = ["oldest", "newest"];

/** A guided story open at a step (1-based, as people count and links say). */
export interface StoryRef {
  id: string;
  step: number;
}

export interface ViewState {
  camera: Camera | null;
  /** Selected event id (slug). */
  event: string | null;
  /** Source document open in the reader. */
  source: string | null;
  /** Character range [start, end) in that source's original text: the emphasised passage. */
  passage: [number, number] | null;
  filters: Filters;
  /** The list's order (not a filter: "Clear filters" leaves it). */
  sort: ListSort;
  /** Compact iframe view. */
  embed: boolean;
  /** Same-origin path of a dataset other than the default (data/events.geojson). */
  data: string | null;
  /** Same-origin path of a sources file other than the default (data/sources.json); its texts are
   * `../seeds/<id>.txt` from it. */
  sourcesFile: string | null;
  /** The basemap. The default, `embedded`, is also what a link that names none reads as: the
   * app then shows the viewer's remembered choice (src/state/basemap-pref.ts). */
  basemap: BasemapId;
  /** The guided story open, and its step (docs/url-contract.md, `story=`, `step=`). */
  story: StoryRef | null;
  /** Playback's mode, once playback is in use (its frame is the `from`/`to` filters). */
  play: PlayState | null;
  /** Curate mode: the draft editor is open (never in an embed, see url/curate.ts). */
  curate: boolean;
  /** The interface's language as the link names it; null: the browser's languages decide. */
  lang: Lang | null;
}

export const emptyFilters = (): Filters => ({
  categories: [],
  sources: [],
  statuses: [],
  from: null,
  to: null,
  q: "",
});

export const emptyViewState = (): ViewState => ({
  camera: null,
  event: null,
  source: null,
  passage: null,
  filters: emptyFilters(),
  sort: "oldest",
  embed: false,
  data: null,
  sourcesFile: null,
  basemap: DEFAULT_BASEMAP,
  story: null,
  play: null,
  curate: false,
  lang: null,
});
