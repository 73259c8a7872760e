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
import { formatHash } from "../model/url/state.ts";
import type { AppState } from "../state/app-state.ts";
import { DEFAULT_EVENTS } from "../state/load.ts";
import { Counter } from "./Counter.tsx";
import { Legend } from "./Legend.tsx";
import { MapPane } from "./MapPane.tsx";
import { Notices } from "./Notices.tsx";
import { SidePanel } from "./SidePanel.tsx";
import { Timeline } from "./Timeline.tsx";

const FilterBar = lazy(() => import("./FilterBar.tsx").then((m) => ({ default: m.FilterBar })));

export interface AppProps {
  state: AppState;
  basemapConfig: BasemapConfig;
  onShare: () => void;
  onLinkPassage: (sourceId: string, range: [number, number]) => void;
  onExport: (format: "geojson" | "csv") => void;
}

export function App(props: AppProps) {
  const s = props.state;
  const [filtersOpen, setFiltersOpen] = createSignal(false);
  const [sheetOpen, setSheetOpen] = createSignal(false);
  // On a phone, choosing something opens the sheet so the answer is visible.
  createEffect(() => {
    if (s.view.event || s.view.source || s.chooser()) setSheetOpen(true);
  });
  // The toolbar wraps to two rows on a phone: notices go under its real height, never over it.
  let topbar!: HTMLElement;
  let app!: HTMLDivElement;
  onMount(() => {
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() =>
      app.style.setProperty("--topbar-h", `${topbar.offsetHeight}px`),
    );
    ro.observe(topbar);
    onCleanup(() => ro.disconnect());
  });
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
        Skip to the event list
      </a>
      <header class="topbar" ref={topbar}>
        <h1>
          <span class="brand-mark" aria-hidden="true" />
          {/* Another dataset (data=) is not the curated crisis data: say which file it is. */}
          Venezuela situation map{" "}
          <span class="sub">
            {s.view.data && s.view.data !== DEFAULT_EVENTS
              ? `dataset ${s.view.data}`
              : "US–Venezuela crisis, Nov 2025 – Jan 2026"}
          </span>
        </h1>
        <Counter state={s} />
        <div class="actions">
          <button
            type="button"
            class="btn"
            aria-expanded={filtersOpen()}
            aria-controls="filters"
            onClick={() => setFiltersOpen(!filtersOpen())}
          >
            Filters
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => props.onExport("geojson")}
            title="Download the events shown as GeoJSON"
          >
            GeoJSON
          </button>
          <button
            type="button"
            class="btn"
            onClick={() => props.onExport("csv")}
            title="Download one row per citation as CSV"
          >
            CSV
          </button>
          <button type="button" class="btn primary" onClick={() => props.onShare()}>
            Share
          </button>
        </div>
      </header>
      <Notices state={s} />
      <Switch>
        <Match when={s.loadError()}>
          {(msg) => (
            <main class="state-error" role="alert">
              <h2>The events could not be loaded</h2>
              <p>{msg()}</p>
              <p>
                Check that the file exists and is valid (run <code>npm run check:data</code>), then
                reload.
              </p>
              <Show when={s.view.data}>
                <p>
                  <a href={location.pathname}>Open the curated dataset instead</a>
                </p>
              </Show>
            </main>
          )}
        </Match>
        <Match when={!s.loadError()}>
          <div class="body">
            <main class="map-col">
              <MapPane state={s} basemapConfig={props.basemapConfig} />
              <Legend
                open={!window.matchMedia?.("(max-width: 700px)").matches}
                dense={s.data()?.profile.clustered === false}
              />
              <Timeline state={s} />
              <Show when={s.view.embed}>
                <Show when={s.selected()}>
                  {(e) => <p class="embed-caption">{e().properties.title}</p>}
                </Show>
                <a
                  class="embed-link"
                  href={`${location.pathname}${formatHash({ ...s.view, camera: s.camera(), embed: false })}`}
                  target="_blank"
                  rel="noopener"
                >
                  Open the full map ↗
                </a>
              </Show>
            </main>
            <aside
              id="side"
              class="side"
              classList={{ "sheet-open": sheetOpen() }}
              aria-label="Events and sources"
              tabindex="-1"
            >
              <button
                type="button"
                class="sheet-handle"
                aria-expanded={sheetOpen()}
                onClick={() => setSheetOpen(!sheetOpen())}
              >
                <span aria-hidden="true" class="grip" />
                {sheetOpen() ? "More map ▾" : "More list ▴"}
              </button>
              <div id="filters" class="filters-wrap" hidden={!filtersOpen()}>
                <Show when={filtersOpen()}>
                  <FilterBar state={s} />
                </Show>
              </div>
              <SidePanel state={s} onLinkPassage={props.onLinkPassage} />
            </aside>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
