import { For } from "solid-js";
import type { AppState } from "../state/app-state.ts";
import { useI18n } from "./i18n.ts";

/** The list's order, as two buttons of which one is pressed (kept in the link as `sort=`). */
export function ListSort(props: { state: AppState }) {
  const s = props.state;
  const { t } = useI18n();
  return (
    <fieldset class="list-sort">
      <legend class="sr-only">{t("event.order")}</legend>
      <For each={["oldest", "newest"] as const}>
        {(sort) => (
          <button
            type="button"
            class="sort-option"
            aria-pressed={s.view.sort === sort}
            data-sort={sort}
            onClick={() => s.actions.setSort(sort)}
          >
            {t("event.sorts")[sort]}
          </button>
        )}
      </For>
    </fieldset>
  );
}
