/**
 * Work that a very big dataset's loading does a slice at a time, so that the page keeps answering,
 * and everything else does at once. Each such step is written once, as a generator that yields
 * between its slices (`sliced` makes one from a loop body), and run either way: `runSteps` at
 * once, `runStepsPaused` awaiting a pause at each yield.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs `each` over [0, n) a slice of `slice` at a time, yielding between slices. */
export function* sliced(
  n: number,
  slice: number,
  each: (from: number, to: number) => void,
): Generator<void, void, void> {
  for (let from = 0; from < n; from += slice) {
    if (from > 0) yield;
    each(from, Math.min(n, from + slice));
  }
}

/** Runs the steps to the end at once. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** Runs the steps, awaiting `pause()` at each yield. */
export async function runStepsPaused<T>(steps: Steps<T>, pause: () => Promise<void>): Promise<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/**
 * A pause that breaks the task only once `budgetMs` have passed since the last break (and
 * otherwise goes on at once): small slices, cut by time rather than by count. A slice's cost is
 * not its count's: at 1M events the collector marks the heap in steps paid for by whoever
 * allocates, so a slice cut by count can hold the page many times longer than its work
 * (docs/performance-log.md).
 */
export function paced(
  pause: () => Promise<void>,
  budgetMs: number,
  now: () => number = () => performance.now(),
): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await pause();
    since = now();
  };
}

/** What a task break may use: the global scope, or a stand-in for it in the tests. */
export interface TaskBreakHost {
  scheduler?: { yield?: () => Promise<unknown> };
  MessageChannel?: typeof MessageChannel;
}

/**
 * A task break: resolves in a new task, after the page has had the chance to draw and answer
 * input. `scheduler.yield()` where the browser has it, which exists for this and resumes ahead of
 * tasks queued meanwhile. Otherwise a message the page posts to itself, not setTimeout(0): browsers
 * hold a timeout back ≥ 4 ms once nested five deep, and a very big load takes hundreds of breaks.
 * setTimeout only where neither exists.
 */
export function taskBreak(host: TaskBreakHost = globalThis as TaskBreakHost): () => Promise<void> {
  const scheduler = host.scheduler;
  // Called on the scheduler itself: browsers reject yield() with any other `this`.
  if (scheduler && typeof scheduler.yield === "function")
    return () => scheduler.yield!().then(() => {});
  if (typeof host.MessageChannel !== "function")
    return () => new Promise<void>((go) => setTimeout(go, 0));
  const channel = new host.MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  // Node (the tests, the CLI): a listening port would keep the process alive.
  (channel.port1 as { unref?: () => void }).unref?.();
  return () =>
    new Promise<void>((go) => {
      waiting.push(go);
      channel.port2.postMessage(null);
    });
}
