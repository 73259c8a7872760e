import { For, Show, createSignal } from "solid-js";
import { CATEGORY_STYLE, STATUS_LABEL } from "../model/category-style.ts";
import { STATUS_MEANING } from "../model/evidence/status-words.ts";
import { CATEGORIES, STATUSES } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { EvidenceNote } from "./EvidenceNote.tsx";

/** What the map's shapes, colours, rings and areas mean. Collapsed unless asked open: over the map,
 * open, it would hide the events under it (a fit then keeps them clear of it: follow-results.ts). */
export function Legend(props: { open?: boolean; dense?: boolean }) {
  const [open, setOpen] = createSignal(props.open ?? false);
  return (
    <section class="legend" classList={{ open: open() }} aria-label="Map legend">
      <button
        type="button"
        class="legend-toggle"
        aria-expanded={open()}
        onClick={() => setOpen(!open())}
      >
        Legend
      </button>
      <div class="legend-body" hidden={!open()}>
        <ul class="legend-cats">
          <For each={CATEGORIES}>
            {(c) => (
              <li>
                <CategoryIcon category={c} /> {CATEGORY_STYLE[c].label}
              </li>
            )}
          </For>
        </ul>
        <ul class="legend-keys">
          <li>
            <span class="key key-area" aria-hidden="true" /> Area or radius: place known only
            approximately
          </li>
          <li>
            <span class="key key-line" aria-hidden="true" /> Dashed line: approximate route
          </li>
          <li>
            <span class="key key-ring" aria-hidden="true" /> Red ring: disputed by a source
          </li>
          <li>
            <CategoryIcon category="diplomacy" expected /> Hollow, dashed: expected or announced,
            not reported as happened
          </li>
          <Show
            when={props.dense}
            fallback={
              <li>
                <span class="key key-cluster" aria-hidden="true">
                  3
                </span>{" "}
                Several events: click to expand
              </li>
            }
          >
            <li>
              <span class="key key-dot" aria-hidden="true" /> Zoomed out: one dot per event
            </li>
            <li>
              <span class="key key-dot pale" aria-hidden="true" /> Pale: place known only roughly
              (select it for its area or radius)
            </li>
          </Show>
        </ul>
        <ul class="legend-status" aria-label="Status, counted by origin">
          <For each={STATUSES}>
            {(st) => (
              <li>
                <span class={`badge status-${st}`}>{STATUS_LABEL[st]}</span> {STATUS_MEANING[st]}
              </li>
            )}
          </For>
        </ul>
        <EvidenceNote />
      </div>
    </section>
  );
}
