import {
  Match,
  Show,
  Switch,
  createEffect,
  createSignal,
  lazy,
  onCleanup,
  onMount,
} from "solid-js";
import type { BasemapConfig } from "../model/basemap.ts";
import type { AppState } from "../state/app-state.ts";
import { DEFAULT_EVENTS } from "../state/load.ts";
import { CountAnnouncer } from "./CountAnnouncer.tsx";
import { Counter } from "./Counter.tsx";
import { Legend } from "./Legend.tsx";
import { MapPane } from "./MapPane.tsx";
import { Notices } from "./Notices.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { createStoryState, fetchStory } from "../state/story.ts";
import { StoryLauncher } from "./StoryLauncher.tsx";
import { Timeline } from "./Timeline.tsx";
import { TopbarActions } from "./TopbarActions.tsx";
import { useI18n } from "./i18n.ts";

const FilterBar = lazy(() => import("./FilterBar.tsx").then((m) => ({ default: m.FilterBar })));
// Curation is for the few who edit the data: its code is a chunk of its own, fetched on first use.
const CuratePanel = lazy(() =>
  import("./curate/CuratePanel.tsx").then((m) => ({ default: m.CuratePanel })),
);
// Not needed for the first paint unless a link opens a story or an embed: their own chunks keep
// the first one within budget (docs/performance.md).
const EmbedHeader = lazy(() => import("./Embed.tsx").then((m) => ({ default: m.EmbedHeader })));
const EmbedOverlay = lazy(() => import("./Embed.tsx").then((m) => ({ default: m.EmbedOverlay })));
const StoryPanel = lazy(() => import("./StoryPanel.tsx").then((m) => ({ default: m.StoryPanel })));

export interface AppProps {
  state: AppState;
  basemapConfig: BasemapConfig;
  onShare: () => void;
  onLinkPassage: (sourceId: string, range: [number, number]) => void;
  onExport: (format: "geojson" | "csv") => void;
  onSaveImage: () => void;
  onPrint: () => void;
}

export function App(props: AppProps) {
  const s = props.state;
  const { t } = useI18n();
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  let topbar!: HTMLElement;
  let app!: HTMLDivElement;
  followTopbarHeight(
    () => app,
    () => topbar,
  );
  closeOnEscape(s, filtersOpen, setFiltersOpen);
  const story = createStoryState(
    s,
    fetchStory(document.baseURI),
    () => window.matchMedia?.("(prefers-reduced-motion: reduce)").matches ?? false,
  );

  return (
    <div class="app" ref={app} classList={{ embed: s.view.embed }}>
      {/* Focus, not a fragment jump: the hash holds the view state. A skip link stays a link. */}
      {/* biome-ignore lint/a11y/useValidAnchor: it has an href; the click only keeps the hash. */}
      <a
        class="skip"
        href="#side"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById("side")?.focus();
        }}
      >
        {t("app.skip")}
      </a>
      <header class="topbar" ref={topbar}>
        <DatasetTitle data={s.view.data} />
        <Counter state={s} />
        <TopbarActions
          filtersOpen={filtersOpen()}
          onFilters={() => setFiltersOpen(!filtersOpen())}
          onExport={props.onExport}
          onSaveImage={props.onSaveImage}
          onPrint={props.onPrint}
          onShare={props.onShare}
          curate={s.view.curate}
          onCurate={() => s.actions.setCurate(!s.view.curate)}
          onLang={(lang) => s.actions.setLang(lang)}
        />
      </header>
      <Show when={s.view.embed}>
        <EmbedHeader state={s} />
      </Show>
      <Notices state={s} />
      <CountAnnouncer state={s} />
      <Switch>
        <Match when={s.loadError()}>
          {(msg) => <LoadFailed message={msg()} data={s.view.data} />}
        </Match>
        <Match when={!s.loadError()}>
          <div class="body">
            <main class="map-col">
              <MapPane state={s} basemapConfig={props.basemapConfig}>
                <Legend dense={s.data()?.profile.clustered === false} />
                <StoryPanel story={story} state={s} compact={s.view.embed} />
              </MapPane>
              <Timeline state={s} />
              <Show when={!s.view.embed}>
                <StoryLauncher
                  story={story}
                  shippedData={!s.view.data || s.view.data === DEFAULT_EVENTS}
                />
              </Show>
              <Show when={s.view.embed}>
                <EmbedOverlay state={s} />
              </Show>
            </main>
            <SideSheet state={s} filtersOpen={filtersOpen()} onLinkPassage={props.onLinkPassage} />
          </div>
        </Match>
      </Switch>
    </div>
  );
}

/** The list, the filters and the panels beside the map; on a phone, a sheet over it that a
 * handle (or choosing something) opens. */
function SideSheet(props: {
  state: AppState;
  filtersOpen: boolean;
  onLinkPassage: AppProps["onLinkPassage"];
}) {
  const s = props.state;
  const { t } = useI18n();
  const [sheetOpen, setSheetOpen] = createSignal(false);
  // On a phone, choosing something opens the sheet so the answer is visible.
  createEffect(() => {
    if (s.view.event || s.view.source || s.chooser()) setSheetOpen(true);
  });
  return (
    <aside
      id="side"
      class="side"
      classList={{ "sheet-open": sheetOpen() }}
      aria-label={t("app.side")}
      tabindex="-1"
    >
      <button
        type="button"
        class="sheet-handle"
        aria-expanded={sheetOpen()}
        onClick={() => setSheetOpen(!sheetOpen())}
      >
        <span aria-hidden="true" class="grip" />
        {sheetOpen() ? t("app.sheetMap") : t("app.sheetList")}
      </button>
      <div id="filters" class="filters-wrap" hidden={!props.filtersOpen}>
        <Show when={props.filtersOpen}>
          <FilterBar state={s} />
        </Show>
      </div>
      <Show when={s.view.curate && !s.view.embed}>
        <CuratePanel state={s} />
      </Show>
      <SidePanel state={s} onLinkPassage={props.onLinkPassage} />
    </aside>
  );
}

/** The toolbar wraps to two rows on a phone: notices go under its real height, never over it. */
function followTopbarHeight(app: () => HTMLElement, topbar: () => HTMLElement): void {
  onMount(() => {
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() =>
      app().style.setProperty("--topbar-h", `${topbar().offsetHeight}px`),
    );
    ro.observe(topbar());
    onCleanup(() => ro.disconnect());
  });
}

/** Escape closes what is open, the innermost first: the filters, the source, the event, the
 * chooser. */
function closeOnEscape(
  s: AppState,
  filtersOpen: () => boolean,
  setFiltersOpen: (open: boolean) => void,
): void {
  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || e.defaultPrevented) return;
      if (filtersOpen()) setFiltersOpen(false);
      else if (s.view.source) s.actions.closeSource();
      else if (s.view.event) s.actions.select(null, false);
      else if (s.chooser()) s.actions.choose([]);
      else return;
      e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    onCleanup(() => window.removeEventListener("keydown", onKey));
  });
}

function DatasetTitle(props: { data: string | null }) {
  const { t } = useI18n();
  return (
    <h1>
      <span class="brand-mark" aria-hidden="true" />
      {/* Another dataset (data=) is not the curated crisis data: say which file it is. */}
      <span class="title-text">{t("app.title")}</span>{" "}
      <span class="sub">
        {props.data && props.data !== DEFAULT_EVENTS
          ? t("app.dataset", props.data)
          : t("app.subtitle")}
      </span>
    </h1>
  );
}

/** Instead of the map, when the events could not be loaded. */
function LoadFailed(props: { message: string; data: string | null }) {
  const { t } = useI18n();
  // The command stays code in either language: split the sentence around it.
  const check = () => t("app.loadCheck").split("{cmd}");
  return (
    <main class="state-error" role="alert">
      <h2>{t("app.loadFailed")}</h2>
      <p>{props.message}</p>
      <p>
        {check()[0]}
        <code>npm run check:data</code>
        {check()[1]}
      </p>
      <Show when={props.data}>
        <p>
          <a href={location.pathname}>{t("app.loadCurated")}</a>
        </p>
      </Show>
    </main>
  );
}
