/** Layout for the timeline strip: lanes so overlapping spans don't hide each other, and ticks. */
import { eventSpan } from "./dates.ts";
import type { SituationEvent } from "../types.ts";

const DAY = 86_400_000;

/** The most lanes the timeline stacks spans in (packLanes). */
export const MAX_LANES = 8;

/**
 * Greedy interval packing in chronological order: each event takes the first lane whose last
 * span ended (with a small gap) before it starts. Returns lane per event index, and lane count.
 */
export function packLanes(
  events: readonly SituationEvent[],
  order: readonly number[],
  gapMs = DAY,
  maxLanes = MAX_LANES,
): { lane: Int16Array; lanes: number } {
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
  const starts = new Float64Array(events.length),
    ends = new Float64Array(events.length);
  events.forEach((e, i) => {
    [starts[i], ends[i]] = eventSpan(e);
  });
  return timelineAxisOfSpans(starts, ends);
}

/** timelineAxis from the events' spans (the filter index's), without reading the events again. */
export function timelineAxisOfSpans(starts: Float64Array, ends: Float64Array): [number, number] {
  let lo = Infinity,
    hi = -Infinity,
    loAll = Infinity;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!,
      t = ends[i]!;
    if (!Number.isFinite(s)) continue;
    loAll = Math.min(loAll, s);
    if (t - s <= 45 * DAY) lo = Math.min(lo, s);
    hi = Math.max(hi, t);
  }
  if (!Number.isFinite(loAll)) return [0, DAY];
  return [(Number.isFinite(lo) ? lo : loAll) - 7 * DAY, hi + 4 * DAY];
}

/**
 * The density strip of a big dataset (src/ui/TimelineDensity.tsx): the pixel columns each event's
 * span covers on an axis of `width` columns from `lo` to `hi`, and each column's share of all
 * events. A span spreads its one event over the columns it covers, so vague events don't dominate.
 */
export interface DensityColumns {
  width: number;
  all: Float32Array;
  x0: Int32Array;
  x1: Int32Array;
}

export function densityColumns(
  starts: Float64Array,
  ends: Float64Array,
  lo: number,
  hi: number,
  width: number,
): DensityColumns {
  const n = starts.length,
    all = new Float32Array(width),
    x0s = new Int32Array(n),
    x1s = new Int32Array(n);
  const k = width / Math.max(1, hi - lo);
  for (let i = 0; i < n; i++) {
    const x0 = Math.max(0, Math.floor((starts[i]! - lo) * k)),
      x1 = Math.min(width - 1, Math.floor((ends[i]! - lo) * k));
    x0s[i] = x0;
    x1s[i] = x1;
    const share = 1 / (x1 - x0 + 1);
    for (let x = x0; x <= x1; x++) all[x] = all[x]! + share;
  }
  return { width, all, x0: x0s, x1: x1s };
}

/** A mask's whole 32-bit words (its bytes from the start, four at a time), when it is aligned. */
const words = (m: Uint8Array) =>
  m.byteOffset % 4 === 0 ? new Uint32Array(m.buffer, m.byteOffset, m.length >> 2) : null;

/**
 * Each column's share of the shown events, for a visible mask (1 = shown) over the events. It keeps
 * the last mask and sums: given another (masks are never modified once made, as indexSet's and filterSet's), it
 * adds and takes away only the events that changed, which on a timeline step are a few.
 */
export function makeShownDensity(cols: DensityColumns): (mask: Uint8Array) => Float64Array {
  const { x0: x0s, x1: x1s } = cols;
  const add = (out: Float64Array, i: number, sign: number) => {
    const x0 = x0s[i]!,
      x1 = x1s[i]!;
    if (x0 === x1) out[x0] = out[x0]! + sign;
    else for (let x = x0, share = sign / (x1 - x0 + 1); x <= x1; x++) out[x] = out[x]! + share;
  };
  let was: Uint8Array | null = null;
  let sum = new Float64Array(cols.width);
  return (mask) => {
    if (mask === was) return sum;
    if (was && was.length === mask.length) {
      const changed = (i: number) => was![i] !== mask[i] && add(sum, i, mask[i] === 1 ? 1 : -1);
      // Four bytes at a time where both masks allow it: a timeline step changes few events, so
      // the comparison, not the sums, is most of the work.
      const a = words(was),
        b = words(mask);
      let from = 0;
      if (a && b) {
        for (let k = 0; k < a.length; k++)
          if (a[k] !== b[k]) for (let i = 4 * k; i < 4 * k + 4; i++) changed(i);
        from = 4 * a.length;
      }
      for (let i = from; i < mask.length; i++) changed(i);
    } else {
      sum = new Float64Array(cols.width);
      for (let i = 0; i < x0s.length; i++) if (mask[i] === 1) add(sum, i, 1);
    }
    was = mask;
    return sum;
  };
}
