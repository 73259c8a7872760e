import { For } from "solid-js";
import type { ListSort as Sort } from "../model/view-state.ts";
import type { AppState } from "../state/app-state.ts";

const LABELS: Record<Sort, string> = { oldest: "Oldest first", newest: "Newest first" };

/** The list's order, as two buttons of which one is pressed (kept in the link as `sort=`). */
export function ListSort(props: { state: AppState }) {
  const s = props.state;
  return (
    <fieldset class="list-sort">
      <legend class="sr-only">Order of the list</legend>
      <For each={["oldest", "newest"] as const}>
        {(sort) => (
          <button
            type="button"
            class="sort-option"
            aria-pressed={s.view.sort === sort}
            data-sort={sort}
            onClick={() => s.actions.setSort(sort)}
          >
            {LABELS[sort]}
          </button>
        )}
      </For>
    </fieldset>
  );
}
