import { Show } from "solid-js";
import { formatNumber } from "../model/i18n/intl.ts";
import { hasActiveFilters } from "../model/query/filter.ts";
import type { AppState } from "../state/app-state.ts";
import { ActiveFilters } from "./ActiveFilters.tsx";
import { useI18n } from "./i18n.ts";

/** "N of M events shown", a chip per active filter, and the clear-filters control, always
 * visible. Not a live region: CountAnnouncer says the count once a change settles. */
export function Counter(props: { state: AppState }) {
  const s = props.state;
  const { t } = useI18n();
  /** While the events load (1M of them take seconds): how many, once a compact or binary file
   * has said. */
  const loading = (announced: number | null) =>
    announced === null ? t("app.loading") : t("app.loadingN", announced);
  return (
    <div class="counter">
      <span data-testid="count">
        <Show when={s.data()} fallback={s.loadError() ? t("app.noEvents") : loading(s.announced())}>
          <ShownCount shown={s.visibleSet().size} total={s.events().length} />
        </Show>
      </span>
      <ActiveFilters state={s} />
      <button
        type="button"
        class="link"
        disabled={!hasActiveFilters(s.view.filters)}
        onClick={() => s.actions.clearFilters()}
      >
        {t("app.clearFilters")}
      </button>
    </div>
  );
}

/** "12 of 39 events shown", the first number bold: the catalogue's sentence, cut around it. */
function ShownCount(props: { shown: number; total: number }) {
  const { t, lang } = useI18n();
  const parts = () => {
    const bold = formatNumber(lang(), props.shown);
    const text = t("app.shown", props.shown, props.total);
    const at = text.indexOf(bold);
    return at < 0 ? [text, "", ""] : [text.slice(0, at), bold, text.slice(at + bold.length)];
  };
  return (
    <>
      {parts()[0]}
      <strong>{parts()[1]}</strong>
      {parts()[2]}
    </>
  );
}
