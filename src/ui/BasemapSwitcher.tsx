import { For } from "solid-js";
import { BASEMAPS } from "../model/basemap.ts";
import type { AppState } from "../state/app-state.ts";
import { useI18n } from "./i18n.ts";

/**
 * Offline map, streets or satellite: a radio group (Tab to it, arrows to choose), drawn as one
 * segmented control over the map's lower left corner, away from the legend and the map's credit.
 */
export function BasemapSwitcher(props: { state: AppState }) {
  const s = props.state;
  const { t } = useI18n();
  return (
    <fieldset class="basemap-switcher" data-testid="basemap-switcher">
      <legend class="sr-only">{t("map.basemap")}</legend>
      <For each={BASEMAPS}>
        {(b) => (
          <label class="bm-option" title={t("map.basemapHints")[b]}>
            <input
              type="radio"
              class="bm-radio"
              name="basemap"
              value={b}
              checked={s.view.basemap === b}
              onChange={() => s.actions.setBasemap(b)}
            />
            <span>{t("map.basemaps")[b]}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
