/**
 * Event dates as days: ISO days to epoch milliseconds and back, the span an event's date covers,
 * and the spans of a whole dataset.
 */
import { runSteps, sliced, type Steps } from "../slices.ts";
import type { SituationEvent } from "../types.ts";

export const DAY = 86_400_000;

/** Milliseconds since the epoch for an ISO day (UTC); NaN when it doesn't parse. */
export function dayMs(iso: string): number {
  let ms = dayCache.get(iso);
  if (ms === undefined) {
    ms = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
    // A dataset has a few hundred distinct days, read over and over (every span, every sort).
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(iso, ms);
  }
  return ms;
}
const dayCache = new Map<string, number>();

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The inclusive span [start, end] an event's date covers, in epoch ms (end = start for a day). */
export function eventSpan(e: SituationEvent): [number, number] {
  const start = dayMs(e.properties.date.start);
  const end = e.properties.date.end ? dayMs(e.properties.date.end) : start;
  return [start, Math.max(start, end)];
}

/** Earliest start and latest end over the events, padded to whole days. */
export function dataSpan(events: readonly SituationEvent[]): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (const e of events) {
    const [s, t] = eventSpan(e);
    if (s < lo) lo = s;
    if (t > hi) hi = t;
  }
  return Number.isFinite(lo) ? [lo, hi + DAY - 1] : [0, 0];
}

/** Every event's span (eventSpan), as two typed arrays. */
export interface Spans {
  starts: Float64Array;
  ends: Float64Array;
}

/** Every event's span, yielding every `slice` events (see slices.ts). */
export function* spanSteps(events: readonly SituationEvent[], slice = Infinity): Steps<Spans> {
  const out: Spans = {
    starts: new Float64Array(events.length),
    ends: new Float64Array(events.length),
  };
  yield* sliced(events.length, slice, (from, to) => {
    for (let i = from; i < to; i++) [out.starts[i], out.ends[i]] = eventSpan(events[i]!);
  });
  return out;
}

/** Every event's span. */
export function eventSpans(events: readonly SituationEvent[]): Spans {
  return runSteps(spanSteps(events));
}
