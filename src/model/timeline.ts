/** Layout for the timeline strip: lanes so overlapping spans don't hide each other, and ticks. */
import { eventSpan } from "./filter.ts";
import type { SituationEvent } from "./types.ts";

const DAY = 86_400_000;

/**
 * Greedy interval packing in chronological order: each event takes the first lane whose last
 * span ended (with a small gap) before it starts. Returns lane per event index, and lane count.
 */
export function packLanes(events: readonly SituationEvent[], order: readonly number[], gapMs = DAY, maxLanes = 8): { lane: Int16Array; lanes: number } {
  const lane = new Int16Array(events.length);
  const ends: number[] = [];
  for (const i of order) {
    const [s, t] = eventSpan(events[i]!);
    let k = ends.findIndex((end) => end + gapMs <= s);
    if (k === -1) {
      k = ends.length < maxLanes ? ends.length : ends.indexOf(Math.min(...ends));
      if (k === ends.length) ends.push(t);
    }
    ends[k] = Math.max(ends[k] ?? t, t);
    lane[i] = k;
  }
  return { lane, lanes: Math.max(1, ends.length) };
}

/** First day of each month within [lo, hi], for axis ticks. */
export function monthTicks(lo: number, hi: number): number[] {
  if (!(hi > lo)) return [];
  const d = new Date(lo);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const out: number[] = [];
  while (t <= hi && out.length < 48) {
    out.push(t);
    const n = new Date(t);
    t = Date.UTC(n.getUTCFullYear(), n.getUTCMonth() + 1, 1);
  }
  return out;
}

/**
 * Label every `stride`-th tick so labels `labelPx` wide don't run into each other on a strip
 * `widthPx` wide (a year of months on a phone); 1 = every tick. Unknown width (0): every tick.
 */
export function tickStride(ticks: number, widthPx: number, labelPx = 64): number {
  if (ticks <= 1 || !(widthPx > 0)) return 1;
  return Math.max(1, Math.ceil((ticks * labelPx) / widthPx));
}

/** Clamp and snap an epoch-ms to a whole UTC day. */
export function snapDay(ms: number, lo: number, hi: number): number {
  const v = Math.min(hi, Math.max(lo, ms));
  return Math.floor(v / DAY) * DAY;
}

/**
 * The axis the timeline shows: from a week before the earliest short-lived event (≤ 45 days) to
 * a few days after the last end. A vague event that "started" long before (a reward of unknown
 * date, strikes "since September") is drawn clipped at the left edge instead of squeezing the
 * crisis into a sliver of the strip.
 */
export function timelineAxis(events: readonly SituationEvent[]): [number, number] {
  const starts = new Float64Array(events.length), ends = new Float64Array(events.length);
  events.forEach((e, i) => ([starts[i], ends[i]] = eventSpan(e)));
  return timelineAxisOfSpans(starts, ends);
}

/** timelineAxis from the events' spans (the filter index's), without reading the events again. */
export function timelineAxisOfSpans(starts: Float64Array, ends: Float64Array): [number, number] {
  let lo = Infinity, hi = -Infinity, loAll = Infinity;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!, t = ends[i]!;
    if (!Number.isFinite(s)) continue;
    loAll = Math.min(loAll, s);
    if (t - s <= 45 * DAY) lo = Math.min(lo, s);
    hi = Math.max(hi, t);
  }
  if (!Number.isFinite(loAll)) return [0, DAY];
  return [(Number.isFinite(lo) ? lo : loAll) - 7 * DAY, hi + 4 * DAY];
}
