/** The timeline's date range: its handles, dragging them or the band, their keys, and the zoom
 * to the range. */
import { useI18n } from "./i18n.ts";
import { createEffect, createSignal } from "solid-js";
import { isoDay } from "../model/query/dates.ts";
import {
  fromFraction,
  snapDay,
  zoomScale,
  type TimelineDomain,
  type TimelineScale,
} from "../model/query/timeline.ts";
import type { AppState } from "../state/app-state.ts";

const DAY = 86_400_000;

/** The strip's scale: the whole domain, or (zoomed) the range chosen when the zoom was asked for.
 * The zoomed window stays put while the handles move in it, and goes when the range is cleared. */
export function createZoom(
  s: AppState,
  domain: () => TimelineDomain,
  from: () => number | null,
  to: () => number | null,
) {
  const [win, setWin] = createSignal<TimelineScale | null>(null);
  const ranged = () => from() !== null || to() !== null;
  createEffect(() => {
    if (!ranged() || !s.data()) setWin(null);
  });
  return {
    scale: (): TimelineScale => win() ?? domain(),
    zoomed: () => win() !== null,
    ranged,
    toggle: () => setWin(win() ? null : zoomScale(from(), to(), domain())),
  };
}

/** The range's pointer and keyboard handlers: dragging a handle or the band, and a handle's keys.
 * Each sets the date filters, snapped to days (an end at the domain's edge is no bound). */
export function rangeControls(
  s: AppState,
  domain: () => TimelineDomain,
  scale: () => TimelineScale,
  from: () => number,
  to: () => number,
  strip: () => HTMLElement,
) {
  const msAt = (clientX: number) => {
    const r = strip().getBoundingClientRect();
    return fromFraction(scale(), (clientX - r.left) / Math.max(1, r.width));
  };
  const setRange = (a: number, b: number) => {
    const { lo, hi } = domain();
    // Within the strip as drawn, which a zoom may have taken beyond the data's dates.
    const min = Math.min(lo, scale().lo),
      max = Math.max(hi, scale().hi);
    const f = snapDay(Math.min(a, b), min, max),
      t = snapDay(Math.max(a, b), min, max);
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
        const { lo, hi } = domain();
        const shift = Math.min(hi - t0, Math.max(lo - f0, at - start));
        setRange(f0 + shift, t0 + shift);
      }
    };
    const up = () => {
      window.removeEventListener("pointermove", move);
      window.removeEventListener("pointerup", up);
      window.removeEventListener("pointercancel", up);
    };
    window.addEventListener("pointermove", move);
    window.addEventListener("pointerup", up);
    window.addEventListener("pointercancel", up);
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
    const { lo, hi } = domain();
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

/** One end of the range: a slider for the keyboard, dragged with the pointer. Its box is wider
 * than the bar drawn in it (a finger's width on a phone), centred on the bar. */
export function Handle(props: {
  which: "from" | "to";
  label: string;
  min: number;
  max: number;
  now: number;
  /** What a screen reader says for `now`. */
  text: string;
  /** Where it is drawn, in % of the strip (held on the strip when the value is off it). */
  left: number;
  /** The value lies beyond that edge of the strip: the bar shows an arrow. */
  beyond: "left" | "right" | null;
  onPointerDown: (e: PointerEvent) => void;
  onKeyDown: (e: KeyboardEvent) => void;
}) {
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: Solid's tabindex="0" makes it focusable.
    <div
      class="handle"
      classList={{ [`beyond-${props.beyond}`]: props.beyond !== null }}
      role="slider"
      tabindex="0"
      aria-label={props.label}
      aria-valuemin={Math.min(props.min, props.now)}
      aria-valuemax={Math.max(props.max, props.now)}
      aria-valuenow={props.now}
      aria-valuetext={props.text}
      style={{ left: `${props.left}%` }}
      onPointerDown={props.onPointerDown}
      onKeyDown={props.onKeyDown}
      data-handle={props.which}
    />
  );
}

/** Zooms the strip to the chosen range, and back to every date. */
export function ZoomButton(props: { zoomed: boolean; ranged: boolean; onClick: () => void }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      class="btn timeline-zoom"
      aria-pressed={props.zoomed}
      disabled={!props.ranged && !props.zoomed}
      title={props.ranged ? undefined : t("timeline.chooseRange")}
      onClick={() => props.onClick()}
    >
      {props.zoomed ? t("timeline.showAll") : t("timeline.zoom")}
    </button>
  );
}
