import { For, Show, createSignal } from "solid-js";
import { CATEGORIES, STATUSES } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { EvidenceNote } from "./EvidenceNote.tsx";
import { useI18n } from "./i18n.ts";

/** What the map's shapes, colours, rings and areas mean. Collapsed unless asked open: over the map,
 * open, it would hide the events under it (a fit then keeps them clear of it: follow-results.ts). */
export function Legend(props: { open?: boolean; dense?: boolean }) {
  const { t } = useI18n();
  const [open, setOpen] = createSignal(props.open ?? false);
  return (
    <section class="legend" classList={{ open: open() }} aria-label={t("map.legendLabel")}>
      <button
        type="button"
        class="legend-toggle"
        aria-expanded={open()}
        onClick={() => setOpen(!open())}
      >
        {t("map.legend")}
      </button>
      <div class="legend-body" hidden={!open()}>
        <ul class="legend-cats">
          <For each={CATEGORIES}>
            {(c) => (
              <li>
                <CategoryIcon category={c} /> {t("categories")[c]}
              </li>
            )}
          </For>
        </ul>
        <ul class="legend-keys">
          <li>
            <span class="key key-area" aria-hidden="true" /> {t("map.keyArea")}
          </li>
          <li>
            <span class="key key-line" aria-hidden="true" /> {t("map.keyLine")}
          </li>
          <li>
            <span class="key key-ring" aria-hidden="true" /> {t("map.keyRing")}
          </li>
          <li>
            <CategoryIcon category="diplomacy" expected /> {t("map.keyExpected")}
          </li>
          <Show
            when={props.dense}
            fallback={
              <li>
                <span class="key key-cluster" aria-hidden="true">
                  3
                </span>{" "}
                {t("map.keyCluster")}
              </li>
            }
          >
            <li>
              <span class="key key-dot" aria-hidden="true" /> {t("map.keyDot")}
            </li>
            <li>
              <span class="key key-dot pale" aria-hidden="true" /> {t("map.keyPale")}
            </li>
          </Show>
        </ul>
        <ul class="legend-status" aria-label={t("map.statusLabel")}>
          <For each={STATUSES}>
            {(st) => (
              <li>
                <span class={`badge status-${st}`}>{t("status.label")[st]}</span>{" "}
                {t("status.meaning")[st]}
              </li>
            )}
          </For>
        </ul>
        <EvidenceNote />
      </div>
    </section>
  );
}
