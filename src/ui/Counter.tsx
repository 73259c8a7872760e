import { hasActiveFilters } from "../model/filter.ts";
import type { AppState } from "../state/app-state.ts";

/** "N of M events shown" and the clear-filters control, always visible. */
export function Counter(props: { state: AppState }) {
  const s = props.state;
  return (
    <div class="counter">
      <span role="status" aria-live="polite" data-testid="count">
        <strong>{s.visibleSet().size.toLocaleString("en")}</strong> of {s.events().length.toLocaleString("en")} events shown
      </span>
      <button type="button" class="link" disabled={!hasActiveFilters(s.view.filters)} onClick={() => s.actions.clearFilters()}>
        Clear filters
      </button>
    </div>
  );
}
