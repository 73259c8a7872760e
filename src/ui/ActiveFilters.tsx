import { For, Show } from "solid-js";
import { shortSourceId } from "../model/evidence/origins.ts";
import { filterChips, type FilterNames } from "../model/query/filter-words.ts";
import type { AppState } from "../state/app-state.ts";
import { formatDay } from "./format.ts";
import { staticI18n } from "../state/i18n.ts";
import { useI18n } from "./i18n.ts";

/** How the UI names a chosen filter value; a source by its number and outlet (or title). */
export function filterNames(
  s: AppState,
  categories: Record<string, string> = staticI18n().t("categories"),
  statuses: Record<string, string> = staticI18n().t("status.label"),
): FilterNames {
  return {
    category: (c) => categories[c] ?? c,
    status: (st) => statuses[st] ?? st,
    source: (id) => {
      const src = s.data()?.index.sourceById.get(id);
      return src ? `${shortSourceId(id)} · ${src.outlet ?? src.title}` : shortSourceId(id);
    },
  };
}

/** Every active filter as a chip beside the count; a chip's × removes that filter alone. */
export function ActiveFilters(props: { state: AppState }) {
  const s = props.state;
  const { t, lang } = useI18n();
  const chips = () =>
    filterChips(
      s.view.filters,
      filterNames(s, t("categories"), t("status.label")),
      t("chips"),
      (iso) => formatDay(iso, lang()),
    );
  return (
    <Show when={chips().length > 0}>
      <ul class="active-filters" aria-label={t("app.activeFilters")} data-testid="active-filters">
        <For each={chips()}>
          {(chip) => (
            <li>
              <button
                type="button"
                class="filter-chip"
                data-key={chip.key}
                aria-label={chip.description}
                title={chip.description}
                onClick={() => s.actions.setFilters(chip.without)}
              >
                <span class="filter-chip-label">{chip.label}</span>
                <span class="filter-chip-x" aria-hidden="true">
                  ×
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
