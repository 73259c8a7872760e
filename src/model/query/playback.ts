/**
 * Playback windows: which slice of time a playback frame shows, and which events it shows.
 * An event is tested by its whole span (eventSpan), so a range stays visible for all of it and a
 * week- or month-precise event is never reduced to its first day.
 */
import { DAY } from "./dates.ts";

/** A moving window one day, week or month wide, or everything up to the cursor. */
export type PlaybackMode = "day" | "week" | "month" | "cumulative";

export const PLAYBACK_MODES: readonly PlaybackMode[] = ["day", "week", "month", "cumulative"];

/** The first day after `ms`'s window step: +1 day, +7 days, or the same day of the next month. */
export function nextCursor(ms: number, mode: PlaybackMode): number {
  if (mode === "month") {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  }
  return ms + (mode === "week" ? 7 : 1) * DAY;
}

/** The previous step's cursor (the inverse of nextCursor on the cursors it produces). */
export function previousCursor(ms: number, mode: PlaybackMode): number {
  if (mode === "month") {
    const d = new Date(ms);
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 1, 1);
  }
  return ms - (mode === "week" ? 7 : 1) * DAY;
}

/**
 * The inclusive window [lo, hi] in epoch ms a frame shows, given the window's first day.
 * Cumulative windows start at `from` (the data's first day), so they grow frame by frame.
 */
export function playbackWindow(cursor: number, mode: PlaybackMode, from: number): [number, number] {
  const step = mode === "cumulative" ? cursor + DAY : nextCursor(cursor, mode);
  return [mode === "cumulative" ? from : cursor, step - 1];
}

/** Every frame's first day from the data's first day to its last, in order. */
export function playbackCursors(span: [number, number], mode: PlaybackMode): number[] {
  const start = firstCursor(span[0], mode);
  const out: number[] = [];
  for (let c = start; c <= span[1]; c = nextCursor(c, mode)) out.push(c);
  return out;
}

/** A month window starts on the 1st, so each frame is a calendar month; others on the day. */
function firstCursor(ms: number, mode: PlaybackMode): number {
  if (mode !== "month") return ms - (((ms % DAY) + DAY) % DAY);
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The indices of events whose span meets the window (spans as from eventSpans). */
export function inWindow(
  spans: { starts: Float64Array; ends: Float64Array },
  window: [number, number],
): number[] {
  const [lo, hi] = window;
  const out: number[] = [];
  const { starts, ends } = spans;
  for (let i = 0; i < starts.length; i++) {
    // A span ends on the first millisecond of its last day; the whole day belongs to it.
    if (starts[i]! <= hi && ends[i]! + DAY - 1 >= lo) out.push(i);
  }
  return out;
}
