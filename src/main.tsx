import { render } from "solid-js/web";
import { createRoot } from "solid-js";
// In cascade order: later files override earlier ones.
import "./styles/base.css";
import "./styles/controls.css";
import "./styles/panels.css";
import "./styles/map.css";
import "./styles/responsive.css";
import "./styles/story.css";
import "./styles/print.css";
import { csvEvidence } from "./model/evidence/status-words.ts";
import type { BasemapConfig } from "./model/basemap.ts";
import { SATELLITE_TILES, STREETS_STYLE } from "./model/basemap.ts";
import { createAppState, type AppState, type NoticeAction } from "./state/app-state.ts";
import { watchForUpdates } from "./state/app-update.ts";
import { initialBasemap } from "./state/basemap-pref.ts";
import { loadDataset, DEFAULT_EVENTS, type LoadedData } from "./state/load.ts";
import { readInitialView, syncUrl } from "./state/url-sync.ts";
import { App } from "./ui/App.tsx";
import { embedCode, shareUrl } from "./model/share/share-link.ts";
import { parseHash } from "./model/url/state.ts";
import { loadMessages, type Messages } from "./model/i18n/catalogue.ts";
import { type Lang, resolveLang } from "./model/i18n/lang.ts";
import { createI18n, type I18n, type Translator } from "./state/i18n.ts";
import { I18nContext } from "./ui/i18n.ts";
import { copyText, download, passageUrl, shareLink } from "./ui/share.ts";

/** A setting of this browser (localStorage), or null. */
function stored(key: string): string | null {
  try {
    return localStorage.getItem(key) || null;
  } catch {
    return null; // storage disabled
  }
}

/**
 * Where the online basemaps come from: a browser's own setting first, then the build's, then the
 * public services (docs/architecture.md, "Basemaps"). The browser tests set the first to
 * 127.0.0.1. A style configured in place of the embedded map replaces it when it loads.
 */
function basemapConfig(): BasemapConfig {
  const env = import.meta.env as Record<string, string | undefined>;
  return {
    custom: stored("vsm.basemapStyle") ?? (env.VITE_BASEMAP_STYLE || null),
    streets: stored("vsm.streetsStyle") ?? (env.VITE_STREETS_STYLE || STREETS_STYLE),
    satellite: stored("vsm.satelliteTiles") ?? (env.VITE_SATELLITE_TILES || SATELLITE_TILES),
  };
}

const root = document.getElementById("app")!;
root.textContent = "";

const initial = readInitialView();
const browserLangs = () => navigator.languages ?? [navigator.language];
const firstLang = resolveLang(initial.state.lang, browserLangs());
// The page starts in its language: the Spanish catalogue, a chunk of its own, is in before the
// first render.
void loadMessages(firstLang).then((messages) => createRoot(() => start(messages)));

function start(messages: Messages): void {
  initial.state.basemap = initialBasemap(initial.state.basemap);
  const state = createAppState(initial.state);
  const i18n = createI18n(() => resolveLang(state.view.lang, browserLangs()), {
    lang: firstLang,
    messages,
  });
  const t = i18n.t;
  if (initial.ignored.length)
    state.actions.notify(t("notices.ignored", initial.ignored.join("; ")), "info");
  syncUrl(state, i18n);
  startLoading(state, t);
  watchForUpdates(state.actions.notify, () => ({
    message: t("notices.update"),
    label: t("notices.reload"),
  }));
  render(
    () => (
      <I18nContext.Provider value={i18n}>
        <App
          state={state}
          basemapConfig={basemapConfig()}
          onShare={() => shareView(state, t, i18n.lang())}
          onLinkPassage={(source, range) => share(state, t, passageUrl(source, range))}
          onExport={(kind) => void exportShown(state, kind)}
          onSaveImage={() => void saveImage(state, i18n)}
          onPrint={() => void import("./ui/print-view.ts").then((m) => m.printView(i18n.lang()))}
        />
      </I18nContext.Provider>
    ),
    root,
  );
}

/** Loads the dataset into the state, and says what of it, or of the link, was not found. */
function startLoading(state: AppState, t: Translator): void {
  loadDataset(document.baseURI, state.view.data ?? DEFAULT_EVENTS, {
    announced: (n) => state.actions.announced(n),
    bigFileDownloaded: (bytes) => state.actions.downloaded(bytes),
    sourcesFile: state.view.sourcesFile ?? undefined,
  })
    .then((d) => {
      performance.mark("vsm:data");
      state.actions.loaded(d);
      document.addEventListener("map-ready", () => warmIndex(state, d), { once: true });
      const [missing, ...more] = d.missingTexts;
      if (missing) state.actions.notify(t("notices.missingText", missing, more.length), "error");
      if (d.index.unresolved.length)
        state.actions.notify(t("notices.unresolved", d.index.unresolved.length), "error");
      if (state.view.event && !state.selected())
        state.actions.notify(t("notices.noEvent", state.view.event), "info");
    })
    .catch((e: Error) => {
      console.error(e.message);
      state.actions.failed(e.message);
    });
}

/**
 * The folded search text is built lazily (most visits never search, and for a big dataset it is
 * the costliest part of loading): once the map is up, it is built in idle slices of a few
 * milliseconds, so neither the first search nor the first clicks wait for it.
 */
function warmIndex(state: AppState, d: LoadedData): void {
  const index = state.filterIndex();
  const idle = (f: (d: { timeRemaining(): number }) => void) =>
    "requestIdleCallback" in window
      ? requestIdleCallback(f, { timeout: 2000 })
      : setTimeout(() => {
          const end = performance.now() + 8;
          f({ timeRemaining: () => end - performance.now() });
        }, 50);
  // Then the events by id (made on first use, see resolveDataset), so a
  // first click does not make them.
  const step = (t: { timeRemaining(): number }) => {
    if (!index.warmText(() => t.timeRemaining())) idle(step);
    else idle(() => void d.index.eventById.size);
  };
  idle(step);
}

/** Shares a link (or copies it, or shows it to copy), and says which. */
function share(state: AppState, t: Translator, url: string, action?: NoticeAction): void {
  void shareLink(url, document.title).then((r) =>
    state.actions.notify(
      r === "manual"
        ? t("notices.copyLink", url)
        : r === "copied"
          ? t("notices.copied")
          : t("notices.shared"),
      "info",
      action,
    ),
  );
}

/**
 * Shares the view: with an event open, the event's own page in the language shown (which unfurls
 * into a card) with the rest of the view as its hash; otherwise the app's link. The notice offers the embed code.
 */
function shareView(state: AppState, t: Translator, lang: Lang): void {
  const view = parseHash(location.hash).state;
  const code = embedCode(location.href, view, document.title);
  share(state, t, shareUrl(location.href, view, lang), {
    label: t("notices.copyEmbed"),
    run: () =>
      void copyText(code).then((ok) =>
        state.actions.notify(
          ok ? t("notices.embedCopied") : t("notices.copyEmbedManual", code),
          "info",
        ),
      ),
  });
}

/** Downloads the shown events, in order, as CSV (one row per citation) or GeoJSON. */
async function exportShown(state: AppState, kind: "geojson" | "csv"): Promise<void> {
  const { toCSV, toGeoJSON } = await import("./model/export.ts");
  const shown = state.visibleChronological().map((i) => state.events()[i]!);
  if (kind === "csv")
    download(
      "venezuela-events-citations.csv",
      toCSV(shown, state.data() ? csvEvidence(state.data()!.index) : undefined),
      "text/csv;charset=utf-8",
    );
  else download("venezuela-events.geojson", toGeoJSON(shown), "application/geo+json");
}

/** Downloads the view as a PNG: the map as drawn, its legend, filters in words and credits. Its
 * layout and drawing code is a chunk of its own, fetched on the first click. */
async function saveImage(state: AppState, i18n: I18n): Promise<void> {
  const { viewPng } = await import("./ui/save-image.ts");
  const map = document.querySelector<HTMLElement>('[data-testid="map"]');
  const png = await viewPng(state, map, i18n);
  if (!png) state.actions.notify(i18n.t("notices.notDrawn"), "info");
  else download(`venezuela-map-${new Date().toISOString().slice(0, 10)}.png`, png, "image/png");
}
