/**
 * The events in day order, so that a timeline step finds the few events whose pass may change by
 * binary search instead of testing every event (refilterDates in filter.ts).
 */
import { DAY } from "./dates.ts";

/**
 * Each event's day and index packed into one exact number (day · 2^21 + index), sorted (dayKeys):
 * the events by day of `byStart` and of `byEnd`. A date that is not a finite number has day 0.
 */
export interface DateOrder {
  byStart: Float64Array;
  byEnd: Float64Array;
}

export const INDEX_BITS = 2 ** 21;
const LAST_DAY = 2 ** 31 - 1;
/** Days from ~1000 BCE on, each a whole number ≥ 1 (0: not a date). */
export const dayKey = (ms: number) =>
  ms === Infinity
    ? LAST_DAY
    : Number.isFinite(ms)
      ? Math.min(LAST_DAY, Math.max(1, Math.floor(ms / DAY) + 1_000_000))
      : 0;

/** The sorted keys, by a counting sort over the days (within a day by index, which is the keys'
 * own order): one pass instead of a sort. A native sort when the days
 * are too far apart for counting (a stray date centuries off). */
export function dayKeys(values: Float64Array): Float64Array {
  const n = values.length,
    days = new Uint32Array(n),
    keys = new Float64Array(n);
  let lo = LAST_DAY,
    hi = 0;
  for (let i = 0; i < n; i++) {
    const d = (days[i] = dayKey(values[i]!));
    if (d > 0 && d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (hi === 0) lo = 1; // no dates at all
  const slots = hi - lo + 2; // slot 0: not a date (day 0); slot d − lo + 1: day d
  if (slots > 4 * n + 1024) {
    for (let i = 0; i < n; i++) keys[i] = days[i]! * INDEX_BITS + i;
    return keys.sort();
  }
  const slot = (d: number) => (d === 0 ? 0 : d - lo + 1);
  const at = new Uint32Array(slots + 1);
  for (let i = 0; i < n; i++) at[slot(days[i]!) + 1]!++;
  for (let k = 1; k <= slots; k++) at[k]! += at[k - 1]!;
  for (let i = 0; i < n; i++) keys[at[slot(days[i]!)]!++] = days[i]! * INDEX_BITS + i;
  return keys;
}

/** The first position in sorted `keys` whose value is at least `key`. */
export function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0,
    hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions [a, b) in sorted `keys` of the events whose day lies between the days of two bounds
 * (both included). */
export function dateBand(keys: Float64Array, x: number, y: number): [number, number] {
  return [
    lowerBound(keys, dayKey(Math.min(x, y)) * INDEX_BITS),
    lowerBound(keys, (dayKey(Math.max(x, y)) + 1) * INDEX_BITS),
  ];
}
