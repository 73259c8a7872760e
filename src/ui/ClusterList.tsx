import { For } from "solid-js";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { formatEventDate } from "./format.ts";

/**
 * The events of a map cluster (or of one spot), as a compact list to choose from: icon, title and
 * date, in the order given. Plain props, no app state, so any view can show it over the map.
 */
export function ClusterList(props: {
  events: readonly { idx: number; event: SituationEvent }[];
  onPick: (idx: number) => void;
  onClose: () => void;
}) {
  return (
    <section class="cluster-list" aria-labelledby="cluster-list-title" data-testid="cluster-list">
      <div class="cluster-list-head">
        <h2 id="cluster-list-title" tabindex="-1">
          {props.events.length} events here
        </h2>
        <button
          type="button"
          class="close"
          aria-label="Close the list of events here"
          onClick={() => props.onClose()}
        >
          ×
        </button>
      </div>
      <ul>
        <For each={props.events}>
          {(x) => (
            <li>
              <button
                type="button"
                class="cluster-item"
                data-event-id={x.event.id}
                onClick={() => props.onPick(x.idx)}
              >
                <CategoryIcon
                  category={x.event.properties.category}
                  expected={x.event.properties.expected}
                />
                <span class="cluster-item-main">
                  <span class="cluster-item-title">{x.event.properties.title}</span>
                  <span class="cluster-item-date">{formatEventDate(x.event.properties.date)}</span>
                </span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}
