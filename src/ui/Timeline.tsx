import { For, Show, createMemo, createSignal, onCleanup, onMount } from "solid-js";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { dayMs, eventSpan, isoDay } from "../model/query/dates.ts";
import {
  MAX_LANES,
  monthTicks,
  packLanes,
  snapDay,
  tickStride,
  timelineAxisOfSpans,
} from "../model/query/timeline.ts";
import type { AppState } from "../state/app-state.ts";
import { formatDay } from "./format.ts";
import { TimelineDensity } from "./TimelineDensity.tsx";

/** Above this many events the strip shows a density canvas instead of one mark per event. */
export const DENSITY_THRESHOLD = 1500;
/** The density strip's height, in lanes of the dot timeline. */
const DENSITY_LANES = 4;

const DAY = 86_400_000;
const monthName = new Intl.DateTimeFormat("en-GB", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/**
 * Every event on a time axis — a dot for a day, a bar for a week, month or range — with a
 * draggable range (two handles, or drag the band) that filters the map and the list.
 */
export function Timeline(props: { state: AppState }) {
  const s = props.state;
  const axis = createMemo(() => {
    const ix = s.filterIndex();
    return timelineAxisOfSpans(ix.starts, ix.ends);
  });
  const pct = (ms: number) => {
    const [lo, hi] = axis();
    return hi > lo ? ((ms - lo) / (hi - lo)) * 100 : 0;
  };
  const layout = createLayout(s);
  const from = () => (s.view.filters.from ? dayMs(s.view.filters.from) : axis()[0]);
  const to = () => (s.view.filters.to ? dayMs(s.view.filters.to) : axis()[1]);
  let track!: HTMLDivElement;
  const ticks = createTicks(
    axis,
    trackWidth(() => track),
  );
  const { drag, keys } = rangeControls(s, axis, from, to, () => track);
  const label = (ms: number) => formatDay(isoDay(ms));

  return (
    <section class="timeline" aria-label="Timeline">
      <div class="timeline-track" ref={track} style={{ "--lanes": layout().lanes }}>
        <For each={ticks()}>
          {(tick) => (
            <span class="tick" style={{ left: `${pct(tick.t)}%` }} aria-hidden="true">
              {tick.label}
            </span>
          )}
        </For>
        <Show when={s.events().length > DENSITY_THRESHOLD}>
          <div class="marks" aria-hidden="true">
            <TimelineDensity state={s} axis={axis} />
          </div>
        </Show>
        <Show when={s.events().length <= DENSITY_THRESHOLD}>
          <EventMarks state={s} axis={axis} pct={pct} lane={() => layout().lane} />
        </Show>
        <div class="shade" style={{ left: "0", width: `${pct(from())}%` }} aria-hidden="true" />
        <div class="shade" style={{ left: `${pct(to())}%`, right: "0" }} aria-hidden="true" />
        <div
          class="band"
          style={{ left: `${pct(from())}%`, width: `${pct(to()) - pct(from())}%` }}
          onPointerDown={drag("band")}
          aria-hidden="true"
        />
        <Handle
          which="from"
          label="Start of date range"
          min={axis()[0]}
          max={to()}
          now={from()}
          text={s.data() ? label(from()) : "loading"}
          left={pct(from())}
          onPointerDown={drag("from")}
          onKeyDown={keys("from")}
        />
        <Handle
          which="to"
          label="End of date range"
          min={from()}
          max={axis()[1]}
          now={to()}
          text={s.data() ? label(to()) : "loading"}
          left={pct(to())}
          onPointerDown={drag("to")}
          onKeyDown={keys("to")}
        />
      </div>
      <p class="timeline-range" aria-live="polite">
        {rangeText(s, () => `${label(from())} – ${label(to())}`)}
      </p>
    </section>
  );
}

/** The range in words. Before the events are in, the axis is empty (day 0 of 1970): it says what
 * is happening instead. */
function rangeText(s: AppState, range: () => string): string {
  return s.data() ? range() : s.loadError() ? "No dates" : "Loading dates…";
}

/** Each event's lane, and how many lanes the strip is tall. While loading, the strip is as tall as
 * it will be (a compact file says its count first), so the map above it is not resized, and drawn
 * again, when the events come in. */
function createLayout(s: AppState) {
  return createMemo(() => {
    const n = s.data() ? s.events().length : (s.announced() ?? 0);
    if (n > DENSITY_THRESHOLD) return { lane: new Int16Array(0), lanes: DENSITY_LANES };
    return s.data()
      ? packLanes(s.events(), s.order())
      : { lane: new Int16Array(0), lanes: MAX_LANES };
  });
}

/** The track's width, kept up to date, so month labels thin out instead of overlapping on a
 * narrow screen (0 until mounted). */
function trackWidth(track: () => HTMLDivElement): () => number {
  const [width, setWidth] = createSignal(0);
  onMount(() => {
    setWidth(track().clientWidth);
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver(() => setWidth(track().clientWidth));
    ro.observe(track());
    onCleanup(() => ro.disconnect());
  });
  return width;
}

/** The month ticks, labelled as often as the width allows. */
function createTicks(axis: () => [number, number], width: () => number) {
  return createMemo(() => {
    const all = monthTicks(axis()[0], axis()[1]);
    const stride = tickStride(all.length, width());
    const [lo, hi] = axis();
    // A label too close to the right end would run off the strip, under the handle.
    const fits = (t: number) => !(width() > 0) || ((hi - t) / Math.max(1, hi - lo)) * width() >= 56;
    return all.map((t, k) => ({
      t,
      label: k % stride === 0 && fits(t) ? monthName.format(t) : "",
    }));
  });
}

/** The range's pointer and keyboard handlers: dragging a handle or the band, and a handle's keys.
 * Each sets the date filters, snapped to days (an end at the axis's edge is no bound). */
function rangeControls(
  s: AppState,
  axis: () => [number, number],
  from: () => number,
  to: () => number,
  track: () => HTMLDivElement,
) {
  const msAt = (clientX: number) => {
    const r = track().getBoundingClientRect();
    const [lo, hi] = axis();
    return lo + ((clientX - r.left) / Math.max(1, r.width)) * (hi - lo);
  };
  const setRange = (a: number, b: number) => {
    const [lo, hi] = axis();
    const f = snapDay(Math.min(a, b), lo, hi),
      t = snapDay(Math.max(a, b), lo, hi);
    s.actions.setFilters({ from: f <= lo ? null : isoDay(f), to: t >= hi ? null : isoDay(t) });
  };
  const drag = (which: "from" | "to" | "band") => (e: PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture?.(e.pointerId);
    const start = msAt(e.clientX),
      f0 = from(),
      t0 = to();
    const move = (ev: PointerEvent) => {
      const at = msAt(ev.clientX);
      if (which === "from") setRange(Math.min(at, t0 - DAY), t0);
      else if (which === "to") setRange(f0, Math.max(at, f0 + DAY));
      else {
        const d = at - start,
          [lo, hi] = axis();
        const shift = Math.min(hi - t0, Math.max(lo - f0, d));
        setRange(f0 + shift, t0 + shift);
      }
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
  };
  const keys = (which: "from" | "to") => (e: KeyboardEvent) => {
    const step = {
      ArrowLeft: -DAY,
      ArrowDown: -DAY,
      ArrowRight: DAY,
      ArrowUp: DAY,
      PageDown: -7 * DAY,
      PageUp: 7 * DAY,
    }[e.key];
    const [lo, hi] = axis();
    let f = from(),
      t = to();
    if (step !== undefined)
      which === "from" ? (f = Math.min(f + step, t - DAY)) : (t = Math.max(t + step, f + DAY));
    else if (e.key === "Home") which === "from" ? (f = lo) : (t = f + DAY);
    else if (e.key === "End") which === "from" ? (f = t - DAY) : (t = hi);
    else return;
    e.preventDefault();
    setRange(f, t);
  };
  return { drag, keys };
}

/** One mark per event (up to DENSITY_THRESHOLD of them), in its lane. */
function EventMarks(props: {
  state: AppState;
  axis: () => [number, number];
  pct: (ms: number) => number;
  lane: () => Int16Array;
}) {
  const s = props.state;
  const { axis, pct } = props;
  return (
    <div class="marks" aria-hidden="true">
      <For each={s.order()}>
        {(i) => {
          const e = s.events()[i]!;
          const [a, b] = eventSpan(e);
          const point = b - a < DAY;
          const clipped = a < axis()[0];
          // A pointer shortcut only: the event list is the keyboard way to the same event.
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: see above.
            // biome-ignore lint/a11y/useKeyWithClickEvents: see above.
            <span
              class={point ? "mark-dot" : "mark-span"}
              classList={{
                off: !s.visibleSet().has(i),
                selected: s.selectedIdx() === i,
                clipped,
              }}
              style={{
                left: `${pct(Math.max(a, axis()[0]))}%`,
                width: point
                  ? undefined
                  : `max(4px, ${pct(b + DAY) - pct(Math.max(a, axis()[0]))}%)`,
                top: `${6 + props.lane()[i]! * 9}px`,
                background: CATEGORY_STYLE[e.properties.category]?.color,
              }}
              title={`${e.properties.title} — ${e.properties.date.precision}`}
              onClick={() => s.actions.select(e.id)}
            />
          );
        }}
      </For>
    </div>
  );
}

/** One end of the range: a slider for the keyboard, dragged with the pointer. */
function Handle(props: {
  which: "from" | "to";
  label: string;
  min: number;
  max: number;
  now: number;
  /** What a screen reader says for `now`. */
  text: string;
  /** Where it is, in % of the track. */
  left: number;
  onPointerDown: (e: PointerEvent) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: Solid's tabindex="0" makes it focusable.
    <div
      class="handle"
      role="slider"
      tabindex="0"
      aria-label={props.label}
      aria-valuemin={props.min}
      aria-valuemax={props.max}
      aria-valuenow={props.now}
      aria-valuetext={props.text}
      style={{ left: `${props.left}%` }}
      onPointerDown={props.onPointerDown}
      onKeyDown={props.onKeyDown}
      data-handle={props.which}
    />
  );
}
