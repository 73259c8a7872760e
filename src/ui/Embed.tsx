/**
 * The embed (`#embed=1`): a title and the scope in words above the map, the events of a cluster as
 * a list over it, and a compact card for the chosen event, placed clear of the map's credits.
 */
import { Show, createEffect, createSignal, on } from "solid-js";
import { embed as en } from "../model/i18n/en/embed.ts";
import { scope as scopeEn } from "../model/i18n/en/scope.ts";
import { embed as es } from "../model/i18n/es/embed.ts";
import { scope as scopeEs } from "../model/i18n/es/scope.ts";
import { scopeWords } from "../model/query/filter-words.ts";
import { formatHash } from "../model/url/state.ts";
import type { AppState } from "../state/app-state.ts";
import { filterNames } from "./ActiveFilters.tsx";
import { ClusterList } from "./ClusterList.tsx";
import { EmbedCard } from "./EmbedCard.tsx";
import { formatDay } from "./format.ts";
import { useI18n } from "./i18n.ts";
import { useAreaText } from "./i18n-area.ts";

/** The full map's address for a view (a new tab: the embed stays as it is). */
const fullMapHref = (s: AppState, patch: Partial<AppState["view"]> = {}) =>
  `${location.pathname}${formatHash({ ...s.view, camera: s.camera(), ...patch, embed: false })}`;

/** What the embed shows and of what: the map's title, its dates and filters, and the count. */
export function EmbedHeader(props: { state: AppState }) {
  const s = props.state;
  const { t, lang } = useI18n();
  const words = useAreaText(en, es);
  const scopeText = useAreaText(scopeEn, scopeEs);
  const scope = () =>
    scopeWords(
      s.view.filters,
      filterNames(s, t("categories"), t("status.label")),
      scopeText(),
      (iso) => formatDay(iso, lang()),
    );
  return (
    <header class="embed-head" data-testid="embed-head">
      <div class="embed-head-text">
        <h1>{words().heading}</h1>
        <p class="embed-scope" data-testid="embed-scope" title={scope()}>
          <Show when={s.data()}>
            {scopeText().shown(s.visibleSet().size, s.events().length)}
            {" · "}
          </Show>
          {scope()}
        </p>
      </div>
      <a class="embed-link" href={fullMapHref(s)} target="_blank" rel="noopener">
        {words().openFull}
      </a>
    </header>
  );
}

/** Over the map: the list of a cluster's events, or the chosen event's card. */
export function EmbedOverlay(props: { state: AppState }) {
  const s = props.state;
  // The list the card was chosen from, to go back to it.
  const [lastList, setLastList] = createSignal<number[] | null>(null);
  createEffect(on(s.chooser, (c) => c && setLastList(c)));
  createEffect(
    on(
      () => s.view.event,
      (e) => !e && !s.chooser() && setLastList(null),
    ),
  );
  const focusHeading = (sel: string) =>
    queueMicrotask(() => document.querySelector<HTMLElement>(sel)?.focus({ preventScroll: true }));
  createEffect(on(s.chooser, (c) => c && focusHeading("#cluster-list-title")));
  createEffect(on(s.selected, (e) => e && focusHeading("#embed-card-title")));
  return (
    <Show
      when={s.selected() && s.data()}
      fallback={
        <Show when={s.chooser()}>
          {(idxs) => (
            <ClusterList
              events={idxs().map((idx) => ({ idx, event: s.events()[idx]! }))}
              onPick={(idx) => s.actions.selectIndex(idx, false)}
              onClose={() => s.actions.choose([])}
            />
          )}
        </Show>
      }
    >
      {(d) => (
        <EmbedCard
          event={s.selected()!}
          index={d().index}
          href={fullMapHref(s, { event: s.selected()!.id, camera: null })}
          onClose={() => s.actions.select(null, false)}
          onBack={lastList() ? () => s.actions.choose(lastList()!) : undefined}
        />
      )}
    </Show>
  );
}
