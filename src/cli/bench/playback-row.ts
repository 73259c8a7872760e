/**
 * The playback frame's row: one "Step forward" of the timeline's playback controls, timed as a
 * drag step is (page-helpers.ts), since a frame is a date range set in one go as a drag step's
 * is. Its budget is the drag step's: at 100k, ≤ 16 ms of main-thread time, GPU waits excluded.
 */
import type { SizeResult } from "./report.ts";
import { fmtMs, stat, type BudgetCheck, type Stat } from "./stats.ts";

export interface PlaybackRow {
  label: string;
  count: number;
  /** Event → two frames drawn (software WebGL here). */
  ms: Stat;
  /** Main-thread time from the trace, without the waits for the software GPU. */
  mainMs: Stat;
  gpuWaitMs: Stat;
}

const LIMIT_MS = 16;

export function playbackRows(results: readonly SizeResult[]): PlaybackRow[] {
  return results
    .filter((r) => r.runs.length > 0)
    .map((r) => {
      const xs = r.runs.flatMap((x) => x.play);
      return {
        label: r.label,
        count: r.count,
        ms: stat(xs.map((x) => x.ms)),
        mainMs: stat(xs.map((x) => x.mainMs)),
        gpuWaitMs: stat(xs.map((x) => x.gpuWaitMs)),
      };
    });
}

export function playbackLines(rows: readonly PlaybackRow[]): string[] {
  const mp = (s: Stat) => (s.n === 0 ? "–" : `${fmtMs(s.median)}/${fmtMs(s.p95)}`);
  return [
    "playback frame (a step forward, a week window; median/p95, ms):",
    ...rows.map(
      (r) =>
        `  ${r.label.padEnd(8)} with frames ${mp(r.ms)}  main ${mp(r.mainMs)}  gpu wait ${mp(r.gpuWaitMs)}`,
    ),
  ];
}

export function playbackBudgets(rows: readonly PlaybackRow[]): BudgetCheck[] {
  return rows
    .filter((r) => r.count === 100_000)
    .map((r) => ({
      label: `100k playback frame ≤ ${LIMIT_MS} ms median (main thread, GPU waits excluded)`,
      sizeLabel: r.label,
      value: r.mainMs.median,
      limit: LIMIT_MS,
      unit: "ms",
      ok: r.mainMs.median === null ? null : r.mainMs.median <= LIMIT_MS,
    }));
}
