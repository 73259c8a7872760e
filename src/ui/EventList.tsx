import { For, Show, createEffect } from "solid-js";
import { CATEGORY_STYLE, STATUS_LABEL } from "../model/category-style.ts";
import type { AppState } from "../state/app-state.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { formatEventDate } from "./format.ts";

/**
 * The chronological list of the events that pass the filters — including those with no place on
 * the map. It is the non-visual alternative to the map: every event is reachable from here.
 */
export function EventList(props: { state: AppState; only?: number[] | null; label?: string }) {
  const s = props.state;
  const items = () => props.only ?? s.visibleChronological();
  let list!: HTMLOListElement;
  // Keep the selected row in view when the selection comes from the map or a link.
  createEffect(() => {
    const id = s.selected()?.id;
    if (id) list?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: "nearest" });
  });
  return (
    <section class="event-list" aria-label={props.label ?? "Events"}>
      <Show when={items().length > 0} fallback={<EmptyList state={s} />}>
        <ol ref={list} class="rows">
          <For each={items()}>
            {(idx) => {
              const e = () => s.events()[idx]!;
              const p = () => e().properties;
              return (
                <li>
                  <button
                    type="button"
                    class="row"
                    classList={{ selected: s.selectedIdx() === idx, disputed: p().status === "disputed" }}
                    aria-current={s.selectedIdx() === idx ? "true" : undefined}
                    data-event-id={e().id}
                    onClick={() => s.actions.select(e().id)}
                  >
                    <CategoryIcon category={p().category} />
                    <span class="row-main">
                      <span class="row-title">{p().title}</span>
                      <span class="row-meta">
                        {formatEventDate(p().date)} · {p().place.name}
                        {e().geometry ? "" : " · not on map"}
                      </span>
                    </span>
                    <span class={`badge status-${p().status}`} title={STATUS_LABEL[p().status]}>
                      {STATUS_LABEL[p().status]}
                    </span>
                    <span class="sr-only">, {CATEGORY_STYLE[p().category]?.label}</span>
                  </button>
                </li>
              );
            }}
          </For>
        </ol>
      </Show>
    </section>
  );
}

function EmptyList(props: { state: AppState }) {
  return (
    <div class="empty" role="status">
      <p><strong>No events match these filters.</strong></p>
      <p>Widen the date range, search for fewer words, or</p>
      <button type="button" class="link" onClick={() => props.state.actions.clearFilters()}>clear all filters</button>
    </div>
  );
}
