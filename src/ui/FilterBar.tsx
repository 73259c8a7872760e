import { createMemo, For, Show } from "solid-js";
import { filters as en } from "../model/i18n/en/filters.ts";
import { filters as es } from "../model/i18n/es/filters.ts";
import { formatNumber } from "../model/i18n/intl.ts";
import { hasActiveFilters } from "../model/query/filter.ts";
import { facetCounts, type FacetCounts } from "../model/query/facets.ts";
import { shortSourceId } from "../model/evidence/origins.ts";
import { CATEGORIES, STATUSES, type Category, type Status } from "../model/types.ts";
import type { AppState } from "../state/app-state.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { useI18n } from "./i18n.ts";
import { useAreaText } from "./i18n-area.ts";

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Search, and filters by category, source, status and date. Category chips double as a legend.
 * Each chip counts the events it would show under the other active filters (facetCounts). */
export function FilterBar(props: { state: AppState }) {
  const { t } = useI18n();
  const words = useAreaText(en, es);
  const s = props.state;
  const f = () => s.view.filters;
  const counts = createMemo(() => facetCounts(s.events(), s.filterIndex(), s.view.filters));
  return (
    <section class="filters" aria-label={words().label}>
      <label class="search">
        <span class="sr-only">{words().searchLabel}</span>
        <input
          type="search"
          placeholder={words().searchPlaceholder}
          value={f().q}
          onInput={(e) => s.actions.setFilters({ q: e.currentTarget.value })}
          data-testid="search"
        />
      </label>
      <CategoryChips state={s} counts={counts()} />
      <StatusChips state={s} counts={counts()} />
      <SourceChips state={s} counts={counts()} />
      <DateFields state={s} />
      <Show when={hasActiveFilters(f())}>
        <button type="button" class="link" onClick={() => s.actions.clearFilters()}>
          {t("app.clearFilters")}
        </button>
      </Show>
    </section>
  );
}

/** How many events a chip would show, as its last part (muted when none). */
function ChipCount(props: { n: number }) {
  const { lang } = useI18n();
  return (
    <span class="n" classList={{ zero: props.n === 0 }}>
      {formatNumber(lang(), props.n)}
    </span>
  );
}

/** A chip per category the dataset has, with its faceted count. */
function CategoryChips(props: { state: AppState; counts: FacetCounts }) {
  const { t } = useI18n();
  const words = useAreaText(en, es);
  const s = props.state;
  const f = () => s.view.filters;
  // Every category the dataset has, whether or not the other filters leave it any event.
  const present = createMemo(() => new Set(s.filterIndex().columns().categories));
  return (
    <fieldset class="chips">
      <legend>{words().category}</legend>
      <For each={CATEGORIES.filter((c) => present().has(c))}>
        {(c: Category) => (
          <button
            type="button"
            class="chip"
            aria-pressed={f().categories.includes(c)}
            onClick={() => s.actions.setFilters({ categories: toggle(f().categories, c) })}
          >
            <CategoryIcon category={c} size={14} /> {t("categories")[c]}{" "}
            <ChipCount n={props.counts.categories.get(c) ?? 0} />
          </button>
        )}
      </For>
    </fieldset>
  );
}

/** A chip per status, with what it means and its faceted count. */
function StatusChips(props: { state: AppState; counts: FacetCounts }) {
  const { t } = useI18n();
  const words = useAreaText(en, es);
  const s = props.state;
  const f = () => s.view.filters;
  return (
    <fieldset class="chips">
      <legend>{words().status}</legend>
      <For each={STATUSES}>
        {(st: Status) => (
          <button
            type="button"
            class={`chip status-chip status-${st}`}
            aria-pressed={f().statuses.includes(st)}
            onClick={() => s.actions.setFilters({ statuses: toggle(f().statuses, st) })}
          >
            {t("status.label")[st]} <span class="n">{t("status.chip")[st]}</span>{" "}
            <ChipCount n={props.counts.statuses.get(st) ?? 0} />
          </button>
        )}
      </For>
    </fieldset>
  );
}

/** A chip per source: its number and outlet (or title), cut with an ellipsis when long, the whole
 * name in its tooltip, which is also its accessible description. Its accessible name is what it
 * shows, so a voice-control user can say what they see. */
function SourceChips(props: { state: AppState; counts: FacetCounts }) {
  const words = useAreaText(en, es);
  const s = props.state;
  const f = () => s.view.filters;
  const sources = () => [...(s.data()?.index.sourceById.values() ?? [])];
  return (
    <fieldset class="chips">
      <legend>{words().source}</legend>
      <For each={sources()}>
        {(src) => {
          const name = () => `${shortSourceId(src.id)} · ${src.outlet ?? src.title}`;
          const n = () => props.counts.sources.get(src.id) ?? 0;
          return (
            <button
              type="button"
              class="chip"
              aria-pressed={f().sources.includes(src.id)}
              title={`${src.title}${src.outlet ? ` (${src.outlet})` : ""}`}
              onClick={() => s.actions.setFilters({ sources: toggle(f().sources, src.id) })}
            >
              <span class="chip-name">{name()}</span> <ChipCount n={n()} />
            </button>
          );
        }}
      </For>
    </fieldset>
  );
}

function DateFields(props: { state: AppState }) {
  const words = useAreaText(en, es);
  const s = props.state;
  const f = () => s.view.filters;
  return (
    <fieldset class="dates">
      <legend>{words().dates}</legend>
      <label>
        {words().from}{" "}
        <input
          type="date"
          value={f().from ?? ""}
          onChange={(e) => s.actions.setFilters({ from: e.currentTarget.value || null })}
        />
      </label>
      <label>
        {words().to}{" "}
        <input
          type="date"
          value={f().to ?? ""}
          onChange={(e) => s.actions.setFilters({ to: e.currentTarget.value || null })}
        />
      </label>
    </fieldset>
  );
}
