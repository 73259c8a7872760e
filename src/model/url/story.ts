/**
 * The `story=` and `step=` keys (docs/url-contract.md): which guided story is open, and at which
 * step, counted from 1 as people count. Read and written by state.ts and format.ts; the checks
 * here are pure. A link cannot know how many steps a story has: a step beyond the last is kept
 * here and clamped to the last step when the story is loaded (`clampStep`).
 */
import { SLUG_PATTERN } from "../types.ts";
import type { StoryRef } from "../view-state.ts";
import { type Checked, quote } from "./validate.ts";

export const MAX_STORY_ID = 80;
/** More steps than any story holds (its schema allows 50): larger numbers are noise. */
export const MAX_STEP = 999;

export const isStoryId = (s: string): boolean => s.length <= MAX_STORY_ID && SLUG_PATTERN.test(s);

export function checkStoryId(s: string): Checked<string> {
  return isStoryId(s)
    ? { ok: true, value: s }
    : { ok: false, error: `${quote(s)} is not a story id` };
}

/** A step number: a whole number from 1 to MAX_STEP, written in plain digits. */
export function checkStep(s: string): Checked<number> {
  if (!/^[1-9]\d{0,2}$/.test(s))
    return { ok: false, error: `${quote(s)} is not a step number (1, 2, 3…)` };
  return { ok: true, value: Number(s) };
}

/** The story and step read from a link; a step without a story is noted and dropped. */
export function storyRefOf(
  id: string | null,
  step: number | null,
  notes: string[],
): StoryRef | null {
  if (id === null) {
    if (step !== null) notes.push("step: needs a story");
    return null;
  }
  return { id, step: step ?? 1 };
}

/** The `key=value` pairs of a story ref, in order; step 1 is the default and not written. */
export function formatStoryRef(ref: StoryRef | null): string[] {
  if (ref === null || !isStoryId(ref.id)) return [];
  const step = Number.isInteger(ref.step) && ref.step > 1 ? Math.min(ref.step, MAX_STEP) : 1;
  return step > 1 ? [`story=${ref.id}`, `step=${step}`] : [`story=${ref.id}`];
}

/** The step a link asked for, within a story of `count` steps: from 1 to count. */
export function clampStep(step: number, count: number): number {
  if (count < 1) return 1;
  return Math.min(Math.max(1, Math.trunc(Number.isFinite(step) ? step : 1)), count);
}
