import { For, Show, createEffect, createMemo, createSignal, onCleanup, onMount } from "solid-js";
import { shownInOrder, shownPosition } from "../model/query/event-order.ts";
import { evidenceOf } from "../model/evidence/origins.ts";
import { statusWords } from "../model/evidence/status-words.ts";
import type { AppState } from "../state/app-state.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { useEventDate } from "./format.ts";
import { localized } from "../model/i18n/localized.ts";
import { useI18n } from "./i18n.ts";
import { ListSort } from "./ListSort.tsx";

/** Above this many rows the list renders only what is in view, so the DOM stays bounded. */
export const VIRTUAL_THRESHOLD = 200;
const ROW_PX = 58;
const OVERSCAN = 8;

/**
 * The list of the events that pass the filters, oldest or newest first — including those with no place on
 * the map. It is the non-visual alternative to the map: every event is reachable from here.
 */
export function EventList(props: { state: AppState; only?: number[] | null; label?: string }) {
  const { t } = useI18n();
  const s = props.state;
  /** How many rows: the chooser's events, or every shown event. */
  const count = () => (props.only ? props.only.length : s.visibleSet().size);
  const virtual = () => count() > VIRTUAL_THRESHOLD;
  /** The rows from the `from`-th to before the `to`-th, in order. */
  const rows = (from: number, to: number) =>
    props.only ? props.only.slice(from, to) : shownInOrder(s.listOrder(), s.visibleSet(), from, to);
  let list!: HTMLOListElement;
  let scroller: HTMLElement | null = null;
  const [view, setView] = createSignal({ top: 0, height: 800 });

  /** Where the list starts in the scroller's content. Not `offsetTop`: that is measured from the
   * nearest positioned ancestor, the page here, so on a phone (the list in a bottom sheet ~540 px
   * down) the rows in view would be taken for rows far above, and only the first few drawn. */
  const listTop = () =>
    list.getBoundingClientRect().top - scroller!.getBoundingClientRect().top + scroller!.scrollTop;

  onMount(() => {
    scroller = list?.closest<HTMLElement>(".side-content") ?? null;
    if (!scroller) return;
    const update = () =>
      setView({ top: scroller!.scrollTop - listTop(), height: scroller!.clientHeight });
    update();
    scroller.addEventListener("scroll", update, { passive: true });
    const ro = new ResizeObserver(update);
    ro.observe(scroller);
    onCleanup(() => {
      scroller?.removeEventListener("scroll", update);
      ro.disconnect();
    });
  });

  const windowed = createMemo(() => {
    if (!virtual()) return { first: 0, rows: rows(0, Infinity) };
    const { top, height } = view();
    const first = Math.max(0, Math.floor(top / ROW_PX) - OVERSCAN);
    const last = Math.min(count(), Math.ceil((top + height) / ROW_PX) + OVERSCAN);
    return { first, rows: rows(first, last) };
  });

  // Keep the selected row in view when the selection comes from the map or a link.
  createEffect(() => {
    const id = s.selected()?.id;
    if (!id) return;
    const row = list?.querySelector<HTMLElement>(`[data-event-id="${CSS.escape(id)}"]`);
    if (row) return row.scrollIntoView({ block: "nearest" });
    const at = props.only
      ? props.only.indexOf(s.selectedIdx())
      : shownPosition(s.listOrder(), s.visibleSet(), s.selectedIdx());
    if (virtual() && at >= 0 && scroller)
      scroller.scrollTop = listTop() + at * ROW_PX - scroller.clientHeight / 2;
  });

  return (
    <section class="event-list" aria-label={props.label ?? t("event.list")}>
      <Show when={!props.only && count() > 1}>
        <ListSort state={s} />
      </Show>
      <Show when={count() > 0} fallback={<EmptyList state={s} />}>
        <ol
          ref={list}
          class="rows"
          classList={{ virtual: virtual() }}
          style={virtual() ? { height: `${count() * ROW_PX}px`, position: "relative" } : undefined}
        >
          <For each={windowed().rows}>
            {(idx, k) => (
              <EventRow
                state={s}
                idx={idx}
                pos={windowed().first + k()}
                virtual={virtual()}
                count={count()}
              />
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}

/** One event's row: its icon, title, date and place, and its status in words. Absolutely placed
 * at its position `pos` when the list is virtual (of `count` rows). */
function EventRow(props: {
  state: AppState;
  idx: number;
  pos: number;
  virtual: boolean;
  count: number;
}) {
  const s = props.state;
  const idx = props.idx;
  const { t, lang } = useI18n();
  const eventDate = useEventDate();
  const e = () => s.events()[idx]!;
  const p = () => e().properties;
  const title = () => localized(p().title, p().i18n, "title", lang());
  // Counted by origin for the rows in view only (the list is windowed for big datasets).
  const words = () => {
    const index = s.data()?.index;
    return index
      ? statusWords(
          p().status,
          evidenceOf(index, e()),
          (origin) => index.lineage.nameOf(origin, lang()),
          t("status"),
        )
      : null;
  };
  return (
    <li
      aria-setsize={props.virtual ? props.count : undefined}
      aria-posinset={props.virtual ? props.pos + 1 : undefined}
      style={
        props.virtual
          ? {
              position: "absolute",
              top: `${props.pos * ROW_PX}px`,
              left: "0",
              right: "0",
              height: `${ROW_PX}px`,
            }
          : undefined
      }
    >
      <button
        type="button"
        class="row"
        classList={{
          selected: s.selectedIdx() === idx,
          disputed: p().status === "disputed",
          expected: !!p().expected,
        }}
        aria-current={s.selectedIdx() === idx ? "true" : undefined}
        data-event-id={e().id}
        onClick={() => s.actions.select(e().id)}
      >
        <CategoryIcon category={p().category} expected={p().expected} />
        <span class="row-main">
          <span class="row-title" lang={title().lang}>
            {title().text}
          </span>
          <span class="row-meta">
            <Show when={p().expected}>
              <span class="expected-tag">{t("event.expectedShort")}</span> ·{" "}
            </Show>
            {eventDate(p().date)} · {p().place.name}
            {e().geometry ? "" : t("event.notOnMap")}
          </span>
        </span>
        <span class={`badge status-${p().status}`} title={words()?.sentence}>
          <span aria-hidden="true">
            {words() ? `${words()!.label} · ${words()!.tag}` : p().status}
          </span>
          <span class="sr-only">{words()?.sentence}</span>
        </span>
        <span class="sr-only">, {t("categories")[p().category]}</span>
      </button>
    </li>
  );
}

function EmptyList(props: { state: AppState }) {
  const { t } = useI18n();
  return (
    <div class="empty" role="status">
      <p>
        <strong>{t("event.noMatch")}</strong>
      </p>
      <p>{t("event.widen")}</p>
      <button type="button" class="link" onClick={() => props.state.actions.clearFilters()}>
        {t("event.clearAll")}
      </button>
    </div>
  );
}
