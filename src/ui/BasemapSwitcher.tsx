import { For } from "solid-js";
import { BASEMAP_HINT, BASEMAP_LABEL, BASEMAPS } from "../model/basemap.ts";
import type { AppState } from "../state/app-state.ts";

/**
 * Offline map, streets or satellite: a radio group (Tab to it, arrows to choose), drawn as one
 * segmented control over the map's lower left corner, away from the legend and the map's credit.
 */
export function BasemapSwitcher(props: { state: AppState }) {
  const s = props.state;
  return (
    <fieldset class="basemap-switcher" data-testid="basemap-switcher">
      <legend class="sr-only">Basemap</legend>
      <For each={BASEMAPS}>
        {(b) => (
          <label class="bm-option" title={BASEMAP_HINT[b]}>
            <input
              type="radio"
              class="bm-radio"
              name="basemap"
              value={b}
              checked={s.view.basemap === b}
              onChange={() => s.actions.setBasemap(b)}
            />
            <span>{BASEMAP_LABEL[b]}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}
