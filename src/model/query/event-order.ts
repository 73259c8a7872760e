/**
 * The list's order: events by date (then title, for small datasets), and the shown events' rows
 * in that order.
 */
import { DAY, eventSpan, eventSpans, type Spans } from "./dates.ts";
import type { IndexSet } from "./index-set.ts";
import { foldLatin1, NOT_LATIN1 } from "../text/fold.ts";
import type { SituationEvent } from "../types.ts";

/**
 * The shown events from the `from`-th to before the `to`-th of them, in `order`: the rows a list
 * scrolled there shows. Reads the order only as far as `to` (the top of a list scrolled to its
 * start reads a few dozen entries), so a timeline step does not list every shown event to draw
 * the few dozen in view.
 */
export function shownInOrder(
  order: readonly number[],
  shown: IndexSet,
  from = 0,
  to = Infinity,
): readonly number[] {
  const end = Math.min(to, shown.size);
  if (from >= end) return [];
  // Nothing filtered out: the order itself, uncopied when all of it is asked for.
  if (shown.size === order.length)
    return from === 0 && end === order.length ? order : order.slice(from, end);
  const out: number[] = [];
  const mask = shown.mask;
  let seen = 0;
  for (let k = 0; k < order.length && seen < end; k++) {
    const i = order[k]!;
    if (mask ? mask[i] !== 1 : !shown.has(i)) continue;
    if (seen++ >= from) out.push(i);
  }
  return out;
}

/** Where event `idx` is among the shown events in `order` (its row in the list); −1 if not shown. */
export function shownPosition(order: readonly number[], shown: IndexSet, idx: number): number {
  if (!shown.has(idx)) return -1;
  let seen = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (i === idx) return seen;
    if (shown.has(i)) seen++;
  }
  return -1;
}

/** Up to this many events, events on the same dates are listed by title; above it (big datasets:
 * the same threshold as the point layer's) in dataset order. */
export const TITLE_ORDER_UP_TO = 5000;

/** Event indexes in chronological order: start, then end, then title (ignoring case and accents),
 * then dataset order. Above TITLE_ORDER_UP_TO events without the titles: sorting that many titles would
 * cost a big page's loading a noticeable share, to order events that share a day in one arbitrary
 * way rather than another (the dataset's). Computed once per dataset; `spans` are the filter index's, when at
 * hand.
 *
 * At a few thousand events most comparisons would reach the titles (they share a few hundred
 * days), so instead of a comparator over three keys: one sort of the dates (start day and length
 * in days packed into one number, see sortByDates), then each run of events on
 * the same dates is sorted by title — short runs, so fewer title comparisons than one sort of all
 * titles. */
export function chronologicalOrder(events: readonly SituationEvent[], spans?: Spans): number[] {
  const n = events.length;
  if (n >= 2 ** 21) return comparatorOrder(events); // indexes would not fit their 21 bits
  const { starts, ends } = spans && spans.starts.length === n ? spans : eventSpans(events);
  const { dates, order: sorted } = sortByDates(starts, ends);
  const order = plain(sorted);
  if (n > TITLE_ORDER_UP_TO) return order;
  // Every title folded up front, into a dense array: a comparator that only reads it is faster
  // than one that folds on first use.
  const titles = new Array<string>(n);
  for (let i = 0; i < n; i++) titles[i] = sortTitle(events[i]!.properties.title);
  const byTitle = (a: number, b: number) => {
    const ta = titles[a]!,
      tb = titles[b]!;
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  };
  for (let from = 0; from < n; ) {
    const at = dates[order[from]!]!;
    let to = from + 1;
    while (to < n && dates[order[to]!] === at) to++;
    if (to - from > 1) {
      const run = order.slice(from, to).sort(byTitle);
      for (let k = 0; k < run.length; k++) order[from + k] = run[k]!;
    }
    from = to;
  }
  return order;
}

/** Chronological by start, then end, then dataset order — no titles: for datasets too big to
 * compare titles on the main thread (a linear sort of the dates instead of seconds of comparisons). */
export function chronologicalOrderByDate(starts: Float64Array, ends: Float64Array): number[] {
  if (starts.length >= 2 ** 21) throw new Error("chronologicalOrderByDate: more than 2^21 events");
  return plain(sortByDates(starts, ends).order);
}

/** A typed array's numbers in a plain array (what the list's order is). */
function plain(xs: Uint32Array): number[] {
  const out = new Array<number>(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = xs[k]!;
  return out;
}

/** A title as the order compares it: lower case, accents dropped. */
function sortTitle(title: string): string {
  const t = title.toLowerCase();
  if (!/[^\x00-\x7f]/.test(t)) return t;
  // Latin-1 alone (most accented titles: Bogotá, Cúcuta): each character from a table made by the
  // same normalisation, which is per character there (no combining marks below U+0300).
  if (!NOT_LATIN1.test(t)) return foldLatin1(t);
  return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/**
 * The events by date, then dataset order: each event's start day and length in days packed into
 * one number (`dates`: days from 1696 to 2413, 18 bits; lengths up to 22 years, 13 bits), and the
 * event indexes sorted by it (`order`).
 *
 * Sorted in two stable counting passes of 16 and 15 bits, which keep dataset order among equal
 * dates: linear time, where a comparison sort would hold the main thread in one long task at 1M
 * events.
 */
function sortByDates(
  starts: Float64Array,
  ends: Float64Array,
): { dates: Uint32Array; order: Uint32Array } {
  const n = starts.length,
    dates = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const start = starts[i]!,
      end = ends[i]!;
    const day = Number.isFinite(start)
      ? Math.min(2 ** 18 - 1, Math.max(0, Math.floor(start / DAY) + 100_000))
      : 0;
    const days = Number.isFinite(end - start)
      ? Math.min(2 ** 13 - 1, Math.max(0, Math.round((end - start) / DAY)))
      : 0;
    dates[i] = day * 2 ** 13 + days;
  }
  const byLow = new Uint32Array(n),
    order = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  for (let i = 0; i < n; i++) counts[dates[i]! & 0xffff]!++;
  startsOfBuckets(counts);
  for (let i = 0; i < n; i++) byLow[counts[dates[i]! & 0xffff]!++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[dates[i]! >>> 16]!++;
  startsOfBuckets(counts);
  for (let k = 0; k < n; k++) {
    const i = byLow[k]!;
    order[counts[dates[i]! >>> 16]!++] = i;
  }
  return { dates, order };
}

/** Counts per bucket → where each bucket starts (an exclusive prefix sum, in place). */
function startsOfBuckets(counts: Uint32Array): void {
  let at = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    counts[b] = at;
    at += c;
  }
}

/** The same order by a plain comparator (for more events than the packed key holds: no titles). */
function comparatorOrder(events: readonly SituationEvent[]): number[] {
  const spans = events.map(eventSpan);
  return events
    .map((_, i) => i)
    .sort((a, b) => spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1] || a - b);
}

/**
 * The list newest first: `order` (chronological) from its end, a run of events on the same dates
 * at a time, each run kept in its own order (by title), so that newest-first is the same list
 * read the other way by date, not by title. `spans` are the events' (the filter index's).
 */
export function newestFirst(order: readonly number[], spans: Spans): number[] {
  const { starts, ends } = spans;
  const same = (i: number, j: number) => starts[i] === starts[j] && ends[i] === ends[j];
  const out = new Array<number>(order.length);
  let k = 0;
  for (let to = order.length; to > 0; ) {
    let from = to - 1;
    while (from > 0 && same(order[from - 1]!, order[to - 1]!)) from--;
    for (let j = from; j < to; j++) out[k++] = order[j]!;
    to = from;
  }
  return out;
}
