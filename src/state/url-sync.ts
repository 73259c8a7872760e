/**
 * Keeps the view in the URL hash, both ways, camera (`map=`) included: we write it ourselves
 * rather than with MapLibre's `hash` option, which decodes the whole fragment on every move.
 * Choosing an event or opening a source pushes a history entry (Back returns to the previous
 * selection); filter and search changes replace the current entry once they settle (debounced).
 */
import { createEffect, on, onCleanup } from "solid-js";
import { unwrap } from "solid-js/store";
import { formatHash, parseHash, parseLocation } from "../model/url/state.ts";
import type { ViewState } from "../model/view-state.ts";
import type { AppState } from "./app-state.ts";
import { localized } from "../model/i18n/localized.ts";
import { type I18n, staticI18n } from "./i18n.ts";

const REPLACE_DEBOUNCE_MS = 300;

export interface Known {
  categories?: readonly string[];
  sources?: readonly string[];
}

/** Reads the initial view from the address bar, reporting what was ignored. A legacy link, or one
 * with parts ignored, is rewritten to the view shown, so a link copied from the address bar
 * reopens what the page shows, without what the notice said was ignored. */
export function readInitialView(): { state: ViewState; ignored: string[] } {
  const parsed = parseLocation(location.search, location.hash);
  if (parsed.legacy || parsed.ignored.length > 0)
    history.replaceState(history.state, "", `${location.pathname}${formatHash(parsed.state)}`);
  return { state: parsed.state, ignored: parsed.ignored };
}

export function syncUrl(s: AppState, i18n: I18n = staticI18n()): void {
  const withCurrentCamera = (view: ViewState): ViewState => ({
    ...structuredClone(unwrap(view)),
    camera: s.camera(),
  });
  let written = formatHash(withCurrentCamera(s.view));
  let pendingReplace: ReturnType<typeof setTimeout> | undefined;
  let last = navigation(s.view);

  const write = (mode: "push" | "replace") => {
    const next = formatHash(withCurrentCamera(s.view));
    if (next === location.hash || (next === "" && location.hash === "")) return;
    const url = `${location.pathname}${location.search}${next || "#"}`;
    if (mode === "push") history.pushState(null, "", url);
    else history.replaceState(history.state, "", url);
    written = next;
  };

  createEffect(
    on(
      () =>
        JSON.stringify([
          s.view.event,
          s.view.source,
          s.view.passage,
          s.view.filters,
          s.view.sort,
          s.view.embed,
          s.view.data,
          s.view.sourcesFile,
          s.view.basemap,
          s.view.story,
          s.view.play,
          s.view.curate,
          s.view.lang,
          s.camera(),
        ]),
      () => {
        const now = navigation(s.view);
        const navigational =
          now.event !== last.event ||
          now.source !== last.source ||
          now.passage !== last.passage ||
          now.story !== last.story;
        last = now;
        clearTimeout(pendingReplace);
        if (navigational) write("push");
        else pendingReplace = setTimeout(() => write("replace"), REPLACE_DEBOUNCE_MS);
      },
      { defer: true },
    ),
  );

  const onPop = () => {
    if (location.hash === written) return;
    const parsed = parseHash(location.hash);
    // Another dataset (data= edited in the address bar, or Back across such an edit) is another
    // page: read from the start, rather than the view of one dataset laid over another's events.
    if (parsed.state.data !== s.view.data || parsed.state.sourcesFile !== s.view.sourcesFile)
      return location.reload();
    written = location.hash;
    last = navigation(parsed.state);
    s.actions.restore(parsed.state);
  };
  window.addEventListener("popstate", onPop);
  onCleanup(() => window.removeEventListener("popstate", onPop));

  titleFollowsSelection(s, i18n);
}

/** What of a view makes a history entry when it changes: the event, the source, the passage,
 * the story's step. */
function navigation(view: ViewState): {
  event: string | null;
  source: string | null;
  passage: string;
  story: string;
} {
  return {
    event: view.event,
    source: view.source,
    passage: view.passage?.join("-") ?? "",
    story: view.story ? `${view.story.id}/${view.story.step}` : "",
  };
}

/** The document title and description follow the selection, so shared links preview well. */
function titleFollowsSelection(s: AppState, { t, lang }: I18n): void {
  createEffect(() => {
    const e = s.selected();
    const src = s.view.source ? s.data()?.index.sourceById.get(s.view.source) : undefined;
    const title = t("app.title");
    const p = e?.properties;
    document.title = src
      ? `${src.title} — ${t("app.sourceWord")} — ${title}`
      : p
        ? `${localized(p.title, p.i18n, "title", lang()).text} — ${title}`
        : title;
    const meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (meta)
      meta.content = p
        ? localized(p.summary, p.i18n, "summary", lang()).text
        : t("app.description");
  });
}
