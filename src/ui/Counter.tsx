import { Show } from "solid-js";
import { hasActiveFilters } from "../model/query/filter.ts";
import type { AppState } from "../state/app-state.ts";
import { ActiveFilters } from "./ActiveFilters.tsx";

/** While the events load (1M of them take seconds): how many, once a compact or binary file has said. */
const loadingText = (announced: number | null) =>
  announced === null ? "Loading events…" : `Loading ${announced.toLocaleString("en")} events…`;

/** "N of M events shown", a chip per active filter, and the clear-filters control, always
 * visible. Not a live region: CountAnnouncer says the count once a change settles. */
export function Counter(props: { state: AppState }) {
  const s = props.state;
  return (
    <div class="counter">
      <span data-testid="count">
        <Show
          when={s.data()}
          fallback={s.loadError() ? "No events loaded" : loadingText(s.announced())}
        >
          <strong>{s.visibleSet().size.toLocaleString("en")}</strong> of{" "}
          {s.events().length.toLocaleString("en")} events shown
        </Show>
      </span>
      <ActiveFilters state={s} />
      <button
        type="button"
        class="link"
        disabled={!hasActiveFilters(s.view.filters)}
        onClick={() => s.actions.clearFilters()}
      >
        Clear filters
      </button>
    </div>
  );
}
