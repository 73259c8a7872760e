import { Match, Show, Switch, createEffect, lazy, on } from "solid-js";
import { useI18n } from "./i18n.ts";
import type { AppState } from "../state/app-state.ts";
import { EventList } from "./EventList.tsx";
import { EventPanel } from "./EventPanel.tsx";
// Loaded on first use: most visits read events before they open a whole source.
const loadReader = () => import("./SourceReader.tsx");
const SourceReader = lazy(() => loadReader().then((m) => ({ default: m.SourceReader })));

/** What the side panel (desktop) or bottom sheet (phone) shows: the list, an event, or a source. */
export function SidePanel(props: {
  state: AppState;
  onLinkPassage: (sourceId: string, range: [number, number]) => void;
}) {
  const { t } = useI18n();
  const s = props.state;
  let root!: HTMLDivElement;
  preloadReader(s);
  focusFollowsView(s, () => root);
  return (
    <div class="side-content" ref={root}>
      <Switch fallback={<EventList state={s} />}>
        <Match when={!s.data()}>
          <div class="state-loading" role="status" aria-busy="true">
            <div class="spinner" aria-hidden="true" />
            <p>{t("app.loadingAll")}</p>
          </div>
        </Match>
        <Match when={s.view.source ? s.data() : null}>
          {(d) => (
            <SourceReader
              sourceId={s.view.source!}
              index={d().index}
              text={d().seeds[s.view.source!]}
              passage={s.view.passage}
              fromEvent={s.view.event}
              onSelectEvent={(id) => s.actions.select(id)}
              onClose={() => s.actions.closeSource()}
            />
          )}
        </Match>
        <Match when={s.selected() ? s.data() : null}>
          {(d) => (
            <EventPanel
              event={s.selected()!}
              index={d().index}
              seeds={d().seeds}
              onClose={() => s.actions.select(null, false)}
              onRead={(id, range) => s.actions.openSource(id, range)}
              onLink={props.onLinkPassage}
              filteredOut={!s.visibleSet().has(s.selectedIdx())}
              onClearFilters={() => s.actions.clearFilters()}
            />
          )}
        </Match>
        <Match when={s.chooser()}>{(idxs) => <Chooser state={s} idxs={idxs()} />}</Match>
      </Switch>
      <Show when={s.view.event && !s.selected() && s.data()}>
        <p class="notice notice-info" role="status">
          Event “{s.view.event}” was not found in this dataset.
        </p>
      </Show>
    </div>
  );
}

/** Fetch the reader's code once the page is idle, so the first "Read in source" is instant. */
function preloadReader(s: AppState): void {
  createEffect(() => {
    if (!s.data()) return;
    const preload = () => void loadReader();
    if ("requestIdleCallback" in window) window.requestIdleCallback(preload);
    else setTimeout(preload, 500);
  });
}

/** Move focus to the new content's heading so keyboard and screen-reader users follow along (back
 * in the list: to the row of the event just closed; back from the reader: to the citation card
 * it was opened from). */
function focusFollowsView(s: AppState, root: () => HTMLElement): void {
  createEffect(
    on(
      [() => s.view.event, () => s.view.source, () => s.view.passage] as const,
      ([event, source], prev) => {
        if (!prev || (event === prev[0] && source === prev[1])) return;
        // The reader is loaded lazily: wait (a few frames at most) for its heading to exist.
        let frames = 0;
        const focus = () => {
          const target = focusTarget(root(), event, source, prev);
          // With a chosen passage the reader scrolls to it: focusing must not scroll back up.
          if (target) target.focus({ preventScroll: !!(source && s.view.passage) });
          else if (frames++ < 60) requestAnimationFrame(focus);
        };
        queueMicrotask(focus);
      },
    ),
  );
}

/** Where focus goes after a change of view (see focusFollowsView). */
function focusTarget(
  root: HTMLElement,
  event: string | null,
  source: string | null,
  prev: readonly [string | null, string | null, [number, number] | null],
): HTMLElement | null {
  const [prevEvent, prevSource, prevPassage] = prev;
  if (event && !source && prevSource && event === prevEvent) {
    const range = prevPassage ? `[data-range="${prevPassage[0]}-${prevPassage[1]}"]` : "";
    const card = root.querySelector<HTMLElement>(
      `li.citation[data-source="${CSS.escape(prevSource)}"]${range}`,
    );
    // Its "Read in source" button: the control the reader was opened with.
    if (card) return card.querySelector<HTMLElement>("button") ?? card;
  }
  if (source || event) return root.querySelector<HTMLElement>("h2[tabindex='-1']");
  return root.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(prevEvent ?? "")}"]`);
}

/** The events at one spot on the map, to choose from. */
function Chooser(props: { state: AppState; idxs: number[] }) {
  const s = props.state;
  const { t } = useI18n();
  return (
    <>
      <div class="panel-bar">
        <button type="button" class="back" onClick={() => s.actions.choose([])}>
          <span aria-hidden="true">←</span> {t("event.allEvents")}
        </button>
      </div>
      <h2 class="list-heading">{t("event.atSpotCount", props.idxs.length)}</h2>
      <EventList state={s} only={props.idxs} label={t("event.atSpot")} />
    </>
  );
}
