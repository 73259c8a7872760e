import { createMemo, For, Show } from "solid-js";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { hasActiveFilters } from "../model/query/filter.ts";
import { facetCounts, type FacetCounts } from "../model/query/facets.ts";
import { shortSourceId } from "../model/evidence/origins.ts";
import { CATEGORIES, STATUSES, type Category, type Status } from "../model/types.ts";
import type { AppState } from "../state/app-state.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { useI18n } from "./i18n.ts";

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Search, and filters by category, source, status and date. Category chips double as a legend.
 * Each chip counts the events it would show under the other active filters (facetCounts). */
export function FilterBar(props: { state: AppState }) {
  const s = props.state;
  const f = () => s.view.filters;
  const counts = createMemo(() => facetCounts(s.events(), s.filterIndex(), s.view.filters));
  return (
    <section class="filters" aria-label="Filters">
      <label class="search">
        <span class="sr-only">Search titles, summaries and quoted passages</span>
        <input
          type="search"
          placeholder="Search events and quotes…"
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
          Clear filters
        </button>
      </Show>
    </section>
  );
}

/** How many events a chip would show, as its last part (muted when none). */
function ChipCount(props: { n: number }) {
  return (
    <span class="n" classList={{ zero: props.n === 0 }}>
      {props.n.toLocaleString("en")}
    </span>
  );
}

/** A chip per category the dataset has, with its faceted count. */
function CategoryChips(props: { state: AppState; counts: FacetCounts }) {
  const s = props.state;
  const f = () => s.view.filters;
  // Every category the dataset has, whether or not the other filters leave it any event.
  const present = createMemo(() => new Set(s.filterIndex().columns().categories));
  return (
    <fieldset class="chips">
      <legend>Category</legend>
      <For each={CATEGORIES.filter((c) => present().has(c))}>
        {(c: Category) => (
          <button
            type="button"
            class="chip"
            aria-pressed={f().categories.includes(c)}
            onClick={() => s.actions.setFilters({ categories: toggle(f().categories, c) })}
          >
            <CategoryIcon category={c} size={14} /> {CATEGORY_STYLE[c].label}{" "}
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
  const s = props.state;
  const f = () => s.view.filters;
  return (
    <fieldset class="chips">
      <legend>Status</legend>
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
  const s = props.state;
  const f = () => s.view.filters;
  const sources = () => [...(s.data()?.index.sourceById.values() ?? [])];
  return (
    <fieldset class="chips">
      <legend>Source</legend>
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
  const s = props.state;
  const f = () => s.view.filters;
  return (
    <fieldset class="dates">
      <legend>Dates</legend>
      <label>
        From{" "}
        <input
          type="date"
          value={f().from ?? ""}
          onChange={(e) => s.actions.setFilters({ from: e.currentTarget.value || null })}
        />
      </label>
      <label>
        To{" "}
        <input
          type="date"
          value={f().to ?? ""}
          onChange={(e) => s.actions.setFilters({ to: e.currentTarget.value || null })}
        />
      </label>
    </fieldset>
  );
}
