/**
 * The app's state: the loaded dataset, the view (what a link restores) and what derives from
 * them. Components read these signals and call the actions; nothing else mutates state.
 */
import { batch, createMemo, createSignal } from "solid-js";
import { createStore, reconcile } from "solid-js/store";
import { findEvent } from "../model/dataset.ts";
import {
  buildFilterIndex,
  compileFilters,
  filterSet,
  refilterDates,
  type CompiledFilters,
  type FilterIndex,
} from "../model/query/filter.ts";
import { chronologicalOrder, newestFirst, shownInOrder } from "../model/query/event-order.ts";
import type { IndexSet } from "../model/query/index-set.ts";
import { makeMapFeatures } from "../model/markers/map-features.ts";
import { DEFAULT_BASEMAP, type BasemapId } from "../model/basemap.ts";
import type { Lang } from "../model/i18n/lang.ts";
import type { SituationEvent } from "../model/types.ts";
import {
  emptyFilters,
  type Camera,
  type Filters,
  type ListSort,
  type StoryRef,
  type PlayState,
  type ViewState,
} from "../model/view-state.ts";
import { rememberBasemap } from "./basemap-pref.ts";
import type { LoadedData } from "./load.ts";

export interface Notice {
  id: number;
  kind: "info" | "error";
  message: string;
  /** A button beside the message, e.g. "Reload to update". */
  action?: NoticeAction;
}

export interface NoticeAction {
  label: string;
  run: () => void;
}

export type AppState = ReturnType<typeof createAppState>;

export function createAppState(initial: ViewState) {
  const s = createSignals(initial);
  const derived = createDerived(s.view, s.data);
  const actions = createActions(s, derived.events);
  return {
    view: s.view,
    camera: s.camera,
    cameraJump: s.cameraJump,
    cameraGo: s.cameraGo,
    highlighted: s.highlighted,
    data: s.data,
    announced: s.announced,
    eventsFile: s.eventsFile,
    loadError: s.loadError,
    notices: s.notices,
    chooser: s.chooser,
    flyOnSelect: s.flyOnSelect,
    filterEdits: s.filterEdits,
    ...derived,
    actions,
  };
}

/** The view's store and the state's signals, with their setters (which only the actions use). */
function createSignals(initial: ViewState) {
  // The camera lives outside the store: it changes on every pan and never makes history entries.
  const [view, setView] = createStore<ViewState>({ ...structuredClone(initial), camera: null });
  const [camera, setCamera] = createSignal<Camera | null>(initial.camera);
  const [cameraJump, setCameraJump] = createSignal<Camera | null>(null);
  /** A camera the app moves to (a story's step), animated or not. */
  const [cameraGo, setCameraGo] = createSignal<{ camera: Camera; animate: boolean } | null>(null);
  /** Events drawn as chosen without being the selection (a story step's), by index. */
  const [highlighted, setHighlighted] = createSignal<readonly number[]>([]);
  const [data, setData] = createSignal<LoadedData | null>(null);
  /** A big dataset's file, as soon as it is downloaded (see loadDataset's hook): the map cuts its
   * tiles in a worker. Taken once by the map (the bytes are transferred). */
  const [eventsFile, setEventsFile] = createSignal<Uint8Array | null>(null);
  /** The event count a compact file announces in its first bytes, while the rest downloads. */
  const [announced, setAnnounced] = createSignal<number | null>(null);
  const [loadError, setLoadError] = createSignal<string | null>(null);
  const [notices, setNotices] = createSignal<Notice[]>([]);
  /** Events sharing one spot on the map, for the user to pick from. */
  const [chooser, setChooser] = createSignal<number[] | null>(null);
  /** Whether the last selection should move the camera (list, reader, link) or not (pin click). */
  // A link that names a camera keeps it; otherwise the map goes to the linked event.
  const [flyOnSelect, setFlyOnSelect] = createSignal(!initial.camera);
  /** Counts the user's changes to the filters (not a restored link's): the map follows them. */
  const [filterEdits, setFilterEdits] = createSignal(0);
  return {
    filterEdits,
    setFilterEdits,
    view,
    setView,
    camera,
    setCamera,
    cameraJump,
    setCameraJump,
    cameraGo,
    setCameraGo,
    highlighted,
    setHighlighted,
    data,
    setData,
    eventsFile,
    setEventsFile,
    announced,
    setAnnounced,
    loadError,
    setLoadError,
    notices,
    setNotices,
    chooser,
    setChooser,
    flyOnSelect,
    setFlyOnSelect,
  };
}

/** What derives from the data and the view: the events, their filter index and order, the map's
 * features, the shown events and the selected one. */
function createDerived(view: ViewState, data: () => LoadedData | null) {
  const events = createMemo<readonly SituationEvent[]>(() => data()?.index.events ?? []);
  const filterIndex = createMemo(() =>
    buildFilterIndex(events(), data()?.searchText, data()?.spans),
  );
  // Very big datasets come with their order (by date alone, as above TITLE_ORDER_UP_TO events),
  // spans and map features, made by the loader in slices.
  const order = createMemo(() => data()?.order ?? chronologicalOrder(events(), filterIndex()));
  // The list's order: the chronological one, or read from its end (made once per choice).
  const listOrder = createMemo(() =>
    view.sort === "newest" ? newestFirst(order(), filterIndex()) : order(),
  );
  const mapFeatures = createMemo(() => data()?.mapFeatures ?? makeMapFeatures(events()));
  // The shown events as a bitmask, made in one pass (setIndexes lists them, when needed).
  // A timeline step with nothing else chosen changes only the events near the moved bound: from
  // the set before, those are checked again alone (refilterDates).
  let before: { ix: FilterIndex; filters: CompiledFilters } | null = null;
  const visibleSet = createMemo<IndexSet>((prev) => {
    const ix = filterIndex(),
      now = compileFilters(view.filters);
    const next =
      (prev && before?.ix === ix && refilterDates(ix, prev, before.filters, now)) ||
      filterSet(events(), ix, view.filters);
    before = { ix, filters: now };
    return next;
  });
  // Every shown event in order, listed when asked for (an export): the list reads only the rows in
  // view, so a timeline step does not list 100k of them.
  const visibleChronological = () => shownInOrder(order(), visibleSet());
  const selected = createMemo(() => {
    const d = data();
    return d && view.event ? findEvent(d.index, view.event) : undefined;
  });
  const selectedIdx = createMemo(() => {
    const e = selected();
    // The event object's own position: one native scan per selection, where a map of every id,
    // made eagerly for each dataset, would cost far more while loading a big one.
    return e ? events().indexOf(e) : -1;
  });
  return {
    events,
    order,
    listOrder,
    filterIndex,
    mapFeatures,
    visibleSet,
    visibleChronological,
    selected,
    selectedIdx,
  };
}

/** The only ways the state changes. */
function createActions(
  s: ReturnType<typeof createSignals>,
  events: () => readonly SituationEvent[],
) {
  return { ...loadActions(s), ...viewActions(s, events) };
}

/** What the loader and the notices change: the data, the load's progress, the notices. */
function loadActions(s: ReturnType<typeof createSignals>) {
  let noticeId = 0;
  return {
    announced(count: number) {
      s.setAnnounced(count);
    },
    downloaded(bytes: Uint8Array) {
      s.setEventsFile(bytes);
    },
    loaded(d: LoadedData) {
      s.setData(d);
    },
    failed(message: string) {
      s.setLoadError(message);
    },
    notify(message: string, kind: Notice["kind"] = "info", action?: NoticeAction) {
      s.setNotices((ns) =>
        ns.some((n) => n.message === message)
          ? ns
          : [...ns, { id: ++noticeId, kind, message, ...(action ? { action } : {}) }],
      );
    },
    dismiss(id: number) {
      s.setNotices((ns) => ns.filter((n) => n.id !== id));
    },
  };
}

/** What the reader changes: the selection, the source read, the filters, the basemap, the camera. */
function viewActions(s: ReturnType<typeof createSignals>, events: () => readonly SituationEvent[]) {
  const { setView, setChooser, setFlyOnSelect, setCamera, setCameraJump } = s;
  const actions = {
    /** Choose an event (null clears). `fly`: move the camera to it. */
    select(id: string | null, fly = true) {
      batch(() => {
        setFlyOnSelect(fly);
        setChooser(null);
        setView({ event: id, source: null, passage: null });
      });
    },
    selectIndex(idx: number, fly = true) {
      const e = events()[idx];
      if (e) actions.select(e.id, fly);
    },
    choose(idxs: number[]) {
      setChooser(idxs.length ? idxs : null);
    },
    openSource(sourceId: string, passage: [number, number] | null = null) {
      setView({ source: sourceId, passage });
    },
    closeSource() {
      setView({ source: null, passage: null });
    },
    setFilters(patch: Partial<Filters>) {
      batch(() => {
        setView("filters", (f) => ({ ...f, ...patch }));
        s.setFilterEdits((n) => n + 1);
      });
    },
    clearFilters() {
      batch(() => {
        setView("filters", reconcile(emptyFilters()));
        s.setFilterEdits((n) => n + 1);
      });
    },
    /** A playback frame: the date range, set without counting as a filter edit, so the camera
     * does not refit to every frame (follow-results.ts listens to filterEdits). */
    showFrame(from: string, to: string) {
      setView("filters", (f) => ({ ...f, from, to }));
    },
    /** Playback's mode (null: playback unused), as the link carries it. */
    setPlay(play: PlayState | null) {
      setView({ play });
    },
    /** The viewer's choice in the switcher, remembered for the next visit. */
    setBasemap(basemap: BasemapId) {
      rememberBasemap(basemap);
      setView({ basemap });
    },
    /** The reader's choice of language, written into the link so a shared view keeps it. */
    setLang(lang: Lang) {
      setView({ lang });
    },
    setSort(sort: ListSort) {
      setView({ sort });
    },
    /** Curate mode on or off; an embed never has it (model/url/curate.ts). */
    setCurate(curate: boolean) {
      setView({ curate: curate && !s.view.embed });
    },
    cameraMoved(c: Camera) {
      setCamera(c);
    },
    /** Open a story at a step, or close it (null). */
    setStory(story: StoryRef | null) {
      setView({ story });
    },
    /** What a story's step shows: its camera, its filters (not the user's edit, so the map does
     * not refit) and its events, highlighted. */
    showStep(step: { camera: Camera; filters: Filters; highlight: number[]; animate: boolean }) {
      batch(() => {
        setChooser(null);
        setView({ event: null, source: null, passage: null });
        setView("filters", reconcile(step.filters));
        s.setHighlighted(step.highlight);
        setCamera(step.camera);
        s.setCameraGo({ camera: step.camera, animate: step.animate });
      });
    },
    /** The story is gone: nothing is highlighted. Closed by the reader, its filters go too;
     * left by Back, the entry's own filters stay. */
    endStory(clearFilters: boolean) {
      batch(() => {
        s.setHighlighted([]);
        if (clearFilters) setView("filters", reconcile(emptyFilters()));
      });
    },
    /** Replace the whole view (Back/Forward, or a pasted link). A link that names no basemap
     * keeps the one shown: it is the viewer's preference, not a step of what they looked at. */
    restore(next: ViewState) {
      batch(() => {
        setFlyOnSelect(!next.camera);
        setChooser(null);
        const basemap = next.basemap === DEFAULT_BASEMAP ? s.view.basemap : next.basemap;
        // Nor does a link that names no language switch the one being read.
        const lang = next.lang ?? s.view.lang;
        setView(reconcile({ ...structuredClone(next), camera: null, basemap, lang }));
        if (next.camera) {
          setCamera(next.camera);
          setCameraJump(next.camera);
        }
      });
    },
  };
  return actions;
}
