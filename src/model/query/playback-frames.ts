/**
 * Where playback stands and where a step takes it, read from the date range alone: the app keeps
 * no cursor of its own, so a link, Back, or a drag of the handles always leaves playback on a
 * frame it can name (the one holding the range's start; cumulative: its end).
 */
import { DAY } from "./dates.ts";
import { playbackCursors, playbackWindow, type PlaybackMode } from "./playback.ts";

export interface Frames {
  mode: PlaybackMode;
  /** Each frame's first day (epoch ms), in order. */
  cursors: number[];
  /** The first frame's first day: where a cumulative window starts. */
  first: number;
}

/** Every frame of `mode` over the data's span [first day, last day] (epoch ms). */
export function playbackFrames(span: [number, number], mode: PlaybackMode): Frames {
  const cursors = playbackCursors(span, mode);
  return { mode, cursors, first: cursors[0] ?? span[0] };
}

/** Frame k as inclusive days: [its first day, its last day], both at 00:00 UTC, as the date
 * filter's `from`/`to` read them. */
export function frameDays(frames: Frames, k: number): [number, number] {
  const [lo, hi] = playbackWindow(frames.cursors[k]!, frames.mode, frames.first);
  return [lo, hi + 1 - DAY];
}

/**
 * The frame a range stands on, and whether the range is exactly that frame. An open bound, or a
 * range before the first frame, stands on frame 0; one after the last, on the last.
 */
export function frameAt(
  frames: Frames,
  from: number | null,
  to: number | null,
): { index: number; exact: boolean } {
  const n = frames.cursors.length;
  const key = frames.mode === "cumulative" ? to : from;
  if (n === 0 || key === null) return { index: 0, exact: false };
  let index = 0;
  // The last frame starting on or before the key (frames are few: a day per frame at most).
  while (index + 1 < n && frames.cursors[index + 1]! <= key) index++;
  const [a, b] = frameDays(frames, index);
  const exact = (from ?? frames.first) === a && to === b;
  return { index, exact };
}

/** The frame a step of `dir` (+1 or -1) shows: from an exact frame, its neighbour; from any
 * other range, the frame it stands on. Held at the first and the last frame. */
export function stepFrame(frames: Frames, from: number | null, to: number | null, dir: 1 | -1) {
  const { index, exact } = frameAt(frames, from, to);
  const next = exact ? index + dir : index;
  return Math.max(0, Math.min(frames.cursors.length - 1, next));
}
