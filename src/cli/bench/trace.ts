/**
 * Main-thread time of an interaction, from a Chrome trace: the renderer main thread's busy time
 * between two performance marks, minus the time it sat waiting for the GPU process to finish
 * drawing. Pure (no browser): unit-tested on synthetic traces in tests/cli.
 *
 * Why subtract the wait: headless Chromium here has no GPU. WebGL runs on SwiftShader in the GPU
 * process, and with software compositing the renderer's main thread reads every WebGL frame back
 * (GLES2::ReadPixels), blocked until SwiftShader has drawn it, whatever the page's code does
 * (docs/performance.md says how long a frame takes). On a machine with a GPU that
 * drawing happens off the main thread. The figure without the wait is the page's own main-thread
 * work (our handlers, Solid, layout, MapLibre's render loop in JS); the bench reports both.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  ts: number; // µs
  dur?: number; // µs
  pid: number;
  tid: number;
  cat?: string;
}

/** A top-level task on a thread. */
const TASKS = new Set(["ThreadControllerImpl::RunTask", "RunTask"]);
/** Blocking waits for the GPU process (the command buffer's sync points). */
const GPU_WAITS = new Set([
  "CommandBufferProxyImpl::WaitForGetOffset",
  "CommandBufferProxyImpl::WaitForToken",
]);

type Span = [number, number];

/** Merges overlapping spans (nested tasks count once). */
function union(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0]);
  const out: Span[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const clip = (spans: Span[], [lo, hi]: Span): Span[] =>
  spans.flatMap(([s, e]) =>
    e <= lo || s >= hi ? [] : [[Math.max(s, lo), Math.min(e, hi)] as Span],
  );
const total = (spans: Span[]) => spans.reduce((a, [s, e]) => a + (e - s), 0);

/** Total length of `a` minus what `b` covers of it. */
function minus(a: Span[], b: Span[]): number {
  let covered = 0;
  for (const x of a) covered += total(clip(b, x));
  return total(a) - covered;
}

export interface MainThreadTime {
  /** Busy, in ms, excluding GPU waits. */
  mainMs: number;
  /** Of which nothing; for context: the GPU waits inside the window, in ms. */
  gpuWaitMs: number;
}

/**
 * For each `[startMark, endMark]` pair of performance.mark names, the main-thread time between the
 * two marks. The main thread is the thread that recorded the marks. null when a mark is missing.
 */
export function mainThreadTimes(
  events: readonly TraceEvent[],
  windows: readonly [string, string][],
): (MainThreadTime | null)[] {
  const marks = new Map<string, TraceEvent>();
  for (const e of events)
    if (
      e.cat?.includes("blink.user_timing") &&
      (e.ph === "R" || e.ph === "I" || e.ph === "i" || e.ph === "n")
    )
      marks.set(e.name, e);
  const spansOf = (pid: number, tid: number, names: Set<string>) =>
    union(
      events
        .filter(
          (e) =>
            e.ph === "X" &&
            e.pid === pid &&
            e.tid === tid &&
            names.has(e.name) &&
            e.dur !== undefined,
        )
        .map((e) => [e.ts, e.ts + e.dur!] as Span),
    );
  const cache = new Map<string, { tasks: Span[]; waits: Span[] }>();
  return windows.map(([a, b]) => {
    const start = marks.get(a),
      end = marks.get(b);
    if (!start || !end || end.ts < start.ts) return null;
    const key = `${start.pid}:${start.tid}`;
    let t = cache.get(key);
    if (!t)
      cache.set(
        key,
        (t = {
          tasks: spansOf(start.pid, start.tid, TASKS),
          waits: spansOf(start.pid, start.tid, GPU_WAITS),
        }),
      );
    const window: Span = [start.ts, end.ts];
    const busy = clip(t.tasks, window);
    const waits = clip(t.waits, window);
    return { mainMs: minus(busy, waits) / 1000, gpuWaitMs: total(waits) / 1000 };
  });
}

export interface LoadTasks {
  /** The longest top-level task before the mark, in ms, as a long-task observer sees it. */
  longestMs: number;
  /** The longest task counting only its own work: its duration minus its waits for the GPU. */
  longestOwnMs: number;
}

/**
 * The longest main-thread task before `untilMark` (on the thread that recorded it), with and
 * without its waits for the software GPU: of a traced load, how long the tab froze at worst, and
 * how much of that was the page's own work. null when the mark is missing.
 */
export function longestTasks(events: readonly TraceEvent[], untilMark: string): LoadTasks | null {
  const mark = events.find((e) => e.name === untilMark && e.cat?.includes("blink.user_timing"));
  if (!mark) return null;
  const on = (names: Set<string>, before = Infinity) =>
    union(
      events
        .filter(
          (e) =>
            e.ph === "X" &&
            e.pid === mark.pid &&
            e.tid === mark.tid &&
            names.has(e.name) &&
            e.dur !== undefined &&
            e.ts < before,
        )
        .map((e) => [e.ts, e.ts + e.dur!] as Span),
    );
  // Tasks that started before the mark, with all their waits (the task that marks ready goes on
  // to wait for its frame after the mark).
  const waits = on(GPU_WAITS);
  let longest = 0,
    own = 0;
  for (const task of on(TASKS, mark.ts)) {
    longest = Math.max(longest, task[1] - task[0]);
    own = Math.max(own, minus([task], waits));
  }
  return { longestMs: longest / 1000, longestOwnMs: own / 1000 };
}

/** The trace categories these figures need. */
export const TRACE_CATEGORIES = ["devtools.timeline", "toplevel", "gpu", "blink.user_timing"];
