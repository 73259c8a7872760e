import { createMemo, For, Show } from "solid-js";
import { CATEGORY_STYLE, STATUS_LABEL } from "../model/category-style.ts";
import { hasActiveFilters } from "../model/query/filter.ts";
import { STATUS_CHIP } from "../model/evidence/status-words.ts";
import { CATEGORIES, STATUSES, type Category, type Status } from "../model/types.ts";
import type { AppState } from "../state/app-state.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** Search, and filters by category, source, status and date. Category chips double as a legend. */
export function FilterBar(props: { state: AppState }) {
  const s = props.state;
  const f = () => s.view.filters;
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
      <CategoryChips state={s} />
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
              {STATUS_LABEL[st]} <span class="n">{STATUS_CHIP[st]}</span>
            </button>
          )}
        </For>
      </fieldset>
      <SourceChips state={s} />
      <DateFields state={s} />
      <Show when={hasActiveFilters(f())}>
        <button type="button" class="link" onClick={() => s.actions.clearFilters()}>
          Clear filters
        </button>
      </Show>
    </section>
  );
}

/** A chip per category the dataset has, with its number of events. */
function CategoryChips(props: { state: AppState }) {
  const s = props.state;
  const f = () => s.view.filters;
  // Once per dataset, not once per chip: each pass reads every event.
  const counts = createMemo(() => {
    const c = new Map<string, number>();
    for (const e of s.events())
      c.set(e.properties.category, (c.get(e.properties.category) ?? 0) + 1);
    return c;
  });
  return (
    <fieldset class="chips">
      <legend>Category</legend>
      <For each={CATEGORIES.filter((c) => counts().has(c))}>
        {(c: Category) => (
          <button
            type="button"
            class="chip"
            aria-pressed={f().categories.includes(c)}
            onClick={() => s.actions.setFilters({ categories: toggle(f().categories, c) })}
          >
            <CategoryIcon category={c} size={14} /> {CATEGORY_STYLE[c].label}{" "}
            <span class="n">{counts().get(c)}</span>
          </button>
        )}
      </For>
    </fieldset>
  );
}

function SourceChips(props: { state: AppState }) {
  const s = props.state;
  const f = () => s.view.filters;
  const sources = () => [...(s.data()?.index.sourceById.values() ?? [])];
  return (
    <fieldset class="chips">
      <legend>Source</legend>
      <For each={sources()}>
        {(src) => (
          <button
            type="button"
            class="chip"
            aria-pressed={f().sources.includes(src.id)}
            title={src.title}
            onClick={() => s.actions.setFilters({ sources: toggle(f().sources, src.id) })}
          >
            {src.id.slice(0, 3)} · {src.outlet ?? src.title.slice(0, 28)}
          </button>
        )}
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
