/**
 * One cold load of the app in a fresh browser context, and what we measure in it: time to ready
 * and the performance marks, bytes before ready, heap and DOM size, then the main-thread cost of
 * a filter change, timeline-drag steps and choosing an event. Interactions are synthetic events
 * timed inside the page with performance.now(): from the event to the DOM update, then to the
 * end of the second animation frame after it (so the frame that paints the change is included).
 */
import type { Browser, CDPSession, Page } from "playwright-core";
import { byteTotals, trackRequests, type ByteTotals } from "./bytes.ts";
import { PAGE_HELPERS } from "./page-helpers.ts";
import {
  longestTasks,
  mainThreadTimes,
  TRACE_CATEGORIES,
  type LoadTasks,
  type TraceEvent,
} from "./trace.ts";

export class BenchTimeout extends Error {}

export interface Interaction {
  /** Event → end of the second animation frame after the DOM changed (the figure we report). */
  ms: number;
  /** Event → handler returned (synchronous JS). */
  syncMs: number;
  /** Renderer main-thread busy time over the same span (CDP Performance TaskDuration delta). */
  taskMs: number | null;
  /** The same span's main-thread time from a trace, minus the waits for the software GPU to draw
   * (see bench-trace.ts): what the page's own code costs the main thread. */
  mainMs: number | null;
  /** Those waits, in ms. */
  gpuWaitMs: number | null;
  changed: boolean;
}

export interface AppRun {
  readyMs: number;
  /** The longest main-thread task between navigation and ready (a PerformanceObserver of long
   * tasks, ≥ 50 ms): how long the tab froze at worst while loading. 0 when none was that long. */
  longestTaskMs: number;
  /** With RunOptions.traceLoad: the load's longest task from a trace, with and without its waits
   * for the software GPU (bench-trace.ts). null otherwise. */
  loadTasks: LoadTasks | null;
  marks: Record<string, number>;
  bytes: ByteTotals;
  heapBytes: number | null;
  domNodes: number;
  events: number;
  filter: Interaction[];
  drag: Interaction[];
  /** Playback frames: steps forward of the timeline's playback (a week window). */
  play: Interaction[];
  choose: Interaction | null;
  consoleErrors: string[];
}

export async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>(
    (_, fail) =>
      (timer = setTimeout(
        () => fail(new BenchTimeout(`${what}: no answer within ${ms / 1000} s`)),
        ms,
      )),
  );
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** Calls window.__bench.<fn>(...args) in the page (a string, so no bundler helpers leak in). */
function call<T>(page: Page, fn: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    `window.__bench.${fn}(${args.map((a) => JSON.stringify(a)).join(", ")})`,
  ) as Promise<T>;
}

type Step = "filter" | "drag" | "play" | "choose";

type Measured = Omit<Interaction, "mainMs" | "gpuWaitMs"> & { span: number };

async function interact(
  page: Page,
  cdp: CDPSession,
  step: Step,
  arg: string,
  limitMs: number,
): Promise<Measured> {
  const busy = async () => {
    const { metrics } = (await cdp.send("Performance.getMetrics")) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === "TaskDuration")?.value ?? NaN;
  };
  const before = await busy().catch(() => NaN);
  const r = await withTimeout(
    call<Omit<Measured, "taskMs">>(page, "interact", step, arg, limitMs),
    limitMs + 5000,
    `${step} ${arg}`,
  );
  const after = await busy().catch(() => NaN);
  const taskMs = Number.isFinite(after - before) ? (after - before) * 1000 : null;
  return { ...r, taskMs };
}

const settle = (page: Page, maxMs: number) =>
  withTimeout(call<void>(page, "settle", maxMs), maxMs + 10_000, "settle");

export interface RunOptions {
  baseUrl: string;
  hash: string;
  distDir: string;
  timeoutMs: number;
  dragSteps: number;
  traceLoad?: boolean;
}

const readTrace = (buf: Buffer): TraceEvent[] => {
  const json = JSON.parse(buf.toString("utf8")) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
};

/** Adds each interaction's trace figures (null when the trace lacks its marks). */
function withMainThread(trace: readonly TraceEvent[], xs: Measured[]): Interaction[] {
  const times = mainThreadTimes(
    trace,
    xs.map((x) => [`bench:${x.span}:start`, `bench:${x.span}:end`]),
  );
  return xs.map(({ span: _span, ...x }, k) => ({
    ...x,
    mainMs: times[k]?.mainMs ?? null,
    gpuWaitMs: times[k]?.gpuWaitMs ?? null,
  }));
}

export async function measureApp(browser: Browser, o: RunOptions): Promise<AppRun> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  /** Whether the browser is tracing: a failed run must stop it (see `finally`). */
  const tracing = { on: false };
  try {
    await context.addInitScript(PAGE_HELPERS);
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
    page.on("pageerror", (e) => consoleErrors.push(String(e)));
    const requests = trackRequests(page, new URL(o.baseUrl).origin);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");

    if (o.traceLoad) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      tracing.on = true;
    }
    await loadUntilReady(page, o, consoleErrors);
    const t = await withTimeout(
      call<{ origin: number; marks: Record<string, number>; long: [number, number][] }>(
        page,
        "marks",
      ),
      30_000,
      "marks",
    );
    const readyMs = t.marks["vsm:ready"] ?? NaN;
    const longestTaskMs = t.long
      .filter(([start]) => start < readyMs)
      .reduce((m, [, d]) => Math.max(m, d), 0);
    let loadTasks: LoadTasks | null = null;
    if (o.traceLoad) {
      loadTasks = longestTasks(
        readTrace(await withTimeout(browser.stopTracing(), 120_000, "stopping the load trace")),
        "vsm:ready",
      );
      tracing.on = false;
    }
    const step = Math.min(15_000, o.timeoutMs);
    await settle(page, step);
    const settled = await heapAndDom(page, cdp, step);
    const { filter, drag, play, chosen, trace } = await interactions(
      browser,
      { page, cdp, step, dragSteps: o.dragSteps, consoleErrors },
      tracing,
    );
    const [choose = null] = chosen ? withMainThread(trace, [chosen]) : [];

    const bytes = byteTotals(await requests.resolve(t.origin), readyMs, o.distDir);
    return {
      readyMs,
      longestTaskMs,
      loadTasks,
      marks: t.marks,
      bytes,
      ...settled,
      filter: withMainThread(trace, filter),
      drag: withMainThread(trace, drag),
      play: withMainThread(trace, play),
      choose,
      consoleErrors,
    };
  } finally {
    // A failed run must not leave the browser tracing: the next run could not start its trace.
    if (tracing.on)
      await withTimeout(browser.stopTracing(), 60_000, "stopping the trace").catch(() => undefined);
    await withTimeout(context.close(), 30_000, "closing the context").catch(() => undefined);
  }
}

/** Opens the app and waits until it says it is ready; BenchTimeout (with the first page error)
 * when it is not within the run's time. */
async function loadUntilReady(page: Page, o: RunOptions, consoleErrors: string[]): Promise<void> {
  await withTimeout(
    page.goto(new URL("/", o.baseUrl).href + o.hash, {
      waitUntil: "commit",
      timeout: o.timeoutMs,
    }),
    o.timeoutMs,
    "navigation",
  );
  const ready = await withTimeout(
    call<boolean>(page, "ready", o.timeoutMs),
    o.timeoutMs + 5000,
    "ready",
  );
  if (!ready) {
    const why = consoleErrors.length
      ? `; first page error: ${consoleErrors[0]!.slice(0, 200)}`
      : "";
    throw new BenchTimeout(`not ready within ${o.timeoutMs / 1000} s${why}`);
  }
}

/** The heap after a collection, the DOM's size, and how many events the page says it has. */
async function heapAndDom(
  page: Page,
  cdp: CDPSession,
  step: number,
): Promise<Pick<AppRun, "heapBytes" | "domNodes" | "events">> {
  await cdp.send("HeapProfiler.collectGarbage").catch(() => undefined);
  const heap = (await cdp.send("Runtime.getHeapUsage").catch(() => null)) as {
    usedSize: number;
  } | null;
  const dom = await withTimeout(
    call<{ nodes: number; count: string }>(page, "dom"),
    step,
    "DOM count",
  );
  const events = Number(/of\s+([\d,]+)/.exec(dom.count)?.[1]?.replace(/,/g, "") ?? NaN);
  return { heapBytes: heap?.usedSize ?? null, domNodes: dom.nodes, events };
}

/** The page being measured, and what the interactions need of the run. */
interface Session {
  page: Page;
  cdp: CDPSession;
  step: number;
  dragSteps: number;
  consoleErrors: string[];
}

/** The interactions, under one trace (for their main-thread time without the GPU waits): filter
 * changes, a timeline drag, and choosing an event (null when that failed, noted as a console
 * error). */
async function interactions(
  browser: Browser,
  { page, cdp, step, dragSteps, consoleErrors }: Session,
  tracing: { on: boolean },
): Promise<{
  filter: Measured[];
  drag: Measured[];
  play: Measured[];
  chosen: Measured | null;
  trace: TraceEvent[];
}> {
  // Filter changes: open the Filters panel as a user would, then a category chip on and off, and
  // typing a search word and clearing it.
  await withTimeout(
    page.evaluate(`document.querySelector('button[aria-controls="filters"]')?.click()`),
    step,
    "open filters",
  );
  await settle(page, step);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  tracing.on = true;
  const filter: Measured[] = [];
  for (const arg of ["chip:0", "chip:0", "q:caracas", "q:"]) {
    filter.push(await interact(page, cdp, "filter", arg, step));
    await settle(page, step);
  }

  // Timeline drag: a PageUp first (from the axis start, ArrowRight alone snaps back to "no
  // start date", so the handle never moves), then dragSteps ArrowRight steps back to back, as
  // a pointer drag would come.
  await interact(page, cdp, "drag", "PageUp", step);
  const drag: Measured[] = [];
  for (let k = 0; k < dragSteps; k++)
    drag.push(await interact(page, cdp, "drag", "ArrowRight", step));
  await interact(page, cdp, "drag", "Home", step);
  await settle(page, step);

  // Playback frames, as many as drag steps: each a week window set in one go.
  const play: Measured[] = [];
  for (let k = 0; k < dragSteps; k++) play.push(await interact(page, cdp, "play", "", step));
  await settle(page, step);

  const chosen = await interact(page, cdp, "choose", "", step).catch((e: Error) => {
    consoleErrors.push(`bench: choose failed: ${e.message}`);
    return null;
  });
  const trace = await withTimeout(browser.stopTracing(), 60_000, "stopping the trace").then(
    (buf) => {
      tracing.on = false;
      return readTrace(buf);
    },
  );
  return { filter, drag, play, chosen, trace };
}
