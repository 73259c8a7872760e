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

/** Clamp and snap an epoch-ms to a whole UTC day. */
export function snapDay(ms: number, lo: number, hi: number): number {
  const v = Math.min(hi, Math.max(lo, ms));
  return Math.floor(v / DAY) * DAY;
}

/** Events longer than this are vague ranges ("since September"): they don't set the focus. */
const SHORT_SPAN = 45 * DAY;
/** The share of the strip's width the compressed lead-in takes, when there is one. */
export const LEAD_SHARE = 0.2;

/**
 * How dates map onto the strip, as fractions of its width (0 = left edge, 1 = right edge):
 * linear from `knee` to `hi`, which takes the last 1 − `kneeAt` of the width; the time from `lo` to
 * `knee` is drawn compressed into the first `kneeAt` (0: no compressed part, `knee` = `lo`).
 */
export interface TimelineScale {
  lo: number;
  hi: number;
  knee: number;
  kneeAt: number;
}

/** The whole timeline: its scale, and the first start and last end of the events, unpadded. */
export interface TimelineDomain extends TimelineScale {
  first: number;
  last: number;
}

export const linearScale = (lo: number, hi: number): TimelineScale => ({
  lo,
  hi,
  knee: lo,
  kneeAt: 0,
});

/** Where `ms` is on the strip, as a fraction of its width: below 0 or above 1 when off it. */
export function toFraction(sc: TimelineScale, ms: number): number {
  if (sc.kneeAt > 0 && ms < sc.knee)
    return ((ms - sc.lo) / Math.max(1, sc.knee - sc.lo)) * sc.kneeAt;
  return sc.kneeAt + ((ms - sc.knee) / Math.max(1, sc.hi - sc.knee)) * (1 - sc.kneeAt);
}

/** The date at fraction `f` of the strip's width (toFraction's inverse). */
export function fromFraction(sc: TimelineScale, f: number): number {
  if (sc.kneeAt > 0 && f < sc.kneeAt) return sc.lo + (f / sc.kneeAt) * (sc.knee - sc.lo);
  return sc.knee + ((f - sc.kneeAt) / (1 - sc.kneeAt)) * (sc.hi - sc.knee);
}

/** A fraction held on the strip: a bound outside it is drawn at the edge it lies beyond. */
export const onStrip = (f: number) => (Number.isFinite(f) ? Math.min(1, Math.max(0, f)) : 0);

/**
 * The timeline's domain: every event's span, from a few days before the first start to a few days
 * after the last end, so any date of the data can be chosen. When the earliest events are vague
 * ranges that began long before the rest (strikes "since September", a reward of unknown date),
 * the time before a week ahead of the first short-lived event is compressed into the first
 * LEAD_SHARE of the strip, so that the months where most events lie keep most of its width.
 */
export function timelineDomain(events: readonly SituationEvent[]): TimelineDomain {
  const starts = new Float64Array(events.length),
    ends = new Float64Array(events.length);
  events.forEach((e, i) => {
    [starts[i], ends[i]] = eventSpan(e);
  });
  return timelineDomainOfSpans(starts, ends);
}

/** timelineDomain from the events' spans (the filter index's), without reading the events again. */
export function timelineDomainOfSpans(starts: Float64Array, ends: Float64Array): TimelineDomain {
  let first = Infinity,
    last = -Infinity,
    firstShort = Infinity;
  for (let i = 0; i < starts.length; i++) {
    const s = starts[i]!,
      t = Number.isFinite(ends[i]!) ? ends[i]! : s;
    if (!Number.isFinite(s)) continue;
    if (s < first) first = s;
    if (t > last) last = t;
    if (t - s <= SHORT_SPAN && s < firstShort) firstShort = s;
  }
  if (!Number.isFinite(first)) return { ...linearScale(0, DAY), first: 0, last: 0 };
  const lo = first - 3 * DAY,
    hi = last + 4 * DAY;
  const knee = (Number.isFinite(firstShort) ? firstShort : first) - 7 * DAY;
  // Compressed only when a linear strip would give the lead-in more than its share.
  const scale =
    knee - lo > LEAD_SHARE * (hi - lo) ? { lo, hi, knee, kneeAt: LEAD_SHARE } : linearScale(lo, hi);
  return { ...scale, first, last };
}

/** The domain's two ends, [lo, hi]. */
export function timelineAxis(events: readonly SituationEvent[]): [number, number] {
  const d = timelineDomain(events);
  return [d.lo, d.hi];
}

/**
 * The strip zoomed to a date range: linear, a little wider than the range so that its handles (at
 * the start of each bound's day, as a day's dot is drawn) sit inside the strip. An open bound is
 * the data's first or last day.
 */
export function zoomScale(
  from: number | null,
  to: number | null,
  domain: TimelineDomain,
): TimelineScale {
  const a = from ?? domain.first,
    b = Math.max(to ?? domain.last, a + DAY);
  const pad = Math.max(DAY, 0.04 * (b - a));
  return linearScale(a - pad, b + pad);
}

/** An axis tick: a month's first day, or (on a strip zoomed to a few weeks) a Monday. */
export interface AxisTick {
  t: number;
  /** Where it is, as a fraction of the strip's width. */
  at: number;
  kind: "month" | "week";
  /** Whether it gets a label (labels `labelPx` wide never run into each other or off the end). */
  labelled: boolean;
}

/** The ticks of a strip `widthPx` wide; unknown width (0): every tick labelled. */
export function axisTicks(sc: TimelineScale, widthPx: number, labelPx = 64): AxisTick[] {
  const weeks = sc.hi - sc.lo <= 62 * DAY;
  const ts = weeks ? mondays(sc.lo, sc.hi) : monthTicks(sc.lo, sc.hi);
  let lastX = -Infinity;
  return ts.map((t) => {
    const at = toFraction(sc, t);
    const x = at * widthPx;
    const labelled = !(widthPx > 0) || (x - lastX >= labelPx && widthPx - x >= 56);
    if (labelled) lastX = x;
    return { t, at, kind: weeks ? "week" : "month", labelled };
  });
}

/** Every Monday within [lo, hi]. */
function mondays(lo: number, hi: number): number[] {
  const day = Math.ceil(lo / DAY) * DAY;
  // 1 Jan 1970 was a Thursday: Mondays are 4 days on, modulo 7.
  const first = day + ((((4 - Math.floor(day / DAY)) % 7) + 7) % 7) * DAY;
  const out: number[] = [];
  for (let t = first; t <= hi && out.length < 20; t += 7 * DAY) out.push(t);
  return out;
}

/**
 * The density strip of a big dataset (src/ui/TimelineDensity.tsx): the pixel columns each event's
 * span covers on a strip of `width` columns (`scale` as the strip's), and each column's share of all
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
  scale: TimelineScale,
  width: number,
): DensityColumns {
  const n = starts.length,
    all = new Float32Array(width),
    x0s = new Int32Array(n),
    x1s = new Int32Array(n);
  const col = (ms: number) => Math.floor(toFraction(scale, ms) * width);
  for (let i = 0; i < n; i++) {
    const c0 = col(starts[i]!),
      c1 = col(ends[i]!);
    // Off the strip (one zoomed to a range): in no column, rather than piled up at an edge.
    if (c1 < 0 || c0 >= width || !(c0 <= c1)) {
      x0s[i] = x1s[i] = -1;
      continue;
    }
    const x0 = Math.max(0, c0),
      x1 = Math.min(width - 1, c1);
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
    if (x0 < 0) return;
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
