/**
 * A long working session, as a newsroom reader has one: choose an event from the list, read a
 * passage in its source, go back to the event and then to the list, toggle a category filter, and
 * then, turn about, follow the story a step, step playback a week, or open curate mode and close
 * it, over and over. The bench reports what such a session leaves in memory, and a browser test
 * asserts that the page's DOM does not grow with it. Both drive the page through this module, so
 * they measure the same thing.
 */
import type { CDPSession, Page } from "playwright-core";
import { type HeapParts, snapshotParts } from "./heap-parts.ts";

/** Chromium's own counts, after a forced collection: what the page still holds, live or not. */
export interface MemoryCounts {
  /** DOM nodes, in the document or detached but still referenced. */
  nodes: number;
  jsEventListeners: number;
  /** The JS heap in use, in bytes. */
  heapBytes: number;
}

export interface SessionReport {
  cycles: number;
  /** How many cycles the warm-up was (warmupCycles). */
  warmup: number;
  /** After the warm-up cycles, which fill caches (lazy chunks, compiled code, the reader). */
  warm: MemoryCounts;
  /** At the end; its heap is the median of the last three samples (see runSession). */
  end: MemoryCounts;
  /** The heap in use after each tenth of the cycles past the warm-up, in bytes. */
  heapSamples: number[];
  /** The heap split by a snapshot after the warm-up and at the end: the page's objects apart
   * from the engine's compiled code (heap-parts.ts). */
  parts: { warm: HeapParts; end: HeapParts };
  /** Page errors seen during the session (none is expected). */
  pageErrors: string[];
}

/** The rows a session walks: the first `n` of the list, in its order. */
const ROWS = 8;

/**
 * A tenth of the session, at least 10 cycles. The JIT keeps compiling (and flushing) code for
 * tens of cycles after the caches are full, and compiled code is counted in the heap: a heap
 * snapshot diff between cycles shows code objects and DevTools' own network records, not the
 * page's objects, in what a 10-cycle warm-up leaves to "grow" (docs/performance.md).
 */
export function warmupCycles(cycles: number): number {
  return Math.min(cycles, Math.max(10, Math.round(cycles / 10)));
}

export async function memoryCounts(cdp: CDPSession): Promise<MemoryCounts> {
  // Twice: the first collection can leave what only a finaliser of the first one released.
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.send("HeapProfiler.collectGarbage");
  const dom = await cdp.send("Memory.getDOMCounters");
  const heap = await cdp.send("Runtime.getHeapUsage");
  return { nodes: dom.nodes, jsEventListeners: dom.jsEventListeners, heapBytes: heap.usedSize };
}

/** One cycle on the event `id`: choose it in the list, open its first passage in the source and
 * come back, back to the list, a category filter on and off, then the cycle's turn (TURNS). */
export async function sessionCycle(page: Page, id: string, k = 0): Promise<void> {
  await page.locator(`button.row[data-event-id="${id}"]`).click();
  const panel = page.locator(`article.event-panel[data-event-id="${id}"]`);
  await panel.waitFor();
  await panel.getByRole("button", { name: "Read in source" }).first().click();
  await page.locator("article.reader").waitFor();
  await page.locator("article.reader .panel-bar button.back").click();
  await panel.waitFor();
  await panel.locator(".panel-bar button.back").click();
  await page.locator(`button.row[data-event-id="${id}"]`).waitFor();
  const chip = page.locator(".filters fieldset.chips button.chip").first();
  await chip.click();
  await chip.click();
  await page.locator(`button.row[data-event-id="${id}"]`).waitFor();
  await TURNS[k % TURNS.length]!(page);
  await page.locator(`button.row[data-event-id="${id}"]`).waitFor();
}

/** The story: opened from its button, a step on, and closed (which ends its filters too). */
async function storyTurn(page: Page): Promise<void> {
  await page.locator("button.story-launch").click();
  const panel = page.locator('[data-testid="story-panel"]');
  await panel.locator(".story-text").waitFor();
  await panel.locator(".story-nav button.primary").click();
  await panel.locator(".story-progress").filter({ hasText: /\b2\b/ }).waitFor();
  await panel.locator("button.story-close").click();
  await panel.waitFor({ state: "detached" });
}

/** Playback: a step forward (its first frame narrows the dates), then the filters cleared. */
async function playbackTurn(page: Page): Promise<void> {
  const forward = page.locator(".playback button.playback-btn").nth(2);
  await forward.click();
  const chips = page.locator('.counter [data-testid="active-filters"]');
  await chips.waitFor();
  await page.locator(".counter > button.link").click();
  await chips.waitFor({ state: "detached" });
}

/** Curate mode: opened from the toolbar until its draft is read, and closed (no edit). */
async function curateTurn(page: Page): Promise<void> {
  const toggle = page.locator("button.curate-toggle");
  await toggle.click();
  const panel = page.locator('[data-testid="curate"]');
  await panel.locator('[data-testid="draft-status"]').waitFor();
  await toggle.click();
  await panel.waitFor({ state: "detached" });
}

/** What a cycle does after the filter, one turn each in order. */
const TURNS: ReadonlyArray<(page: Page) => Promise<void>> = [storyTurn, playbackTurn, curateTurn];

/**
 * Runs `cycles` cycles (warm-up included) over the first rows of the list on a page that is
 * already ready, and counts memory after the warm-up and at the end.
 */
export async function runSession(
  page: Page,
  cycles: number,
  onProgress?: (done: number) => void,
): Promise<SessionReport> {
  const pageErrors: string[] = [];
  const onError = (e: Error) => pageErrors.push(String(e));
  page.on("pageerror", onError);
  const cdp = await page.context().newCDPSession(page);
  try {
    const ids = await page
      .locator("button.row")
      .evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.eventId ?? ""));
    const walk = ids.slice(0, ROWS);
    if (walk.length === 0) throw new Error("the list has no rows to walk");
    // The filter bar is closed by default; the reader opens it once, as one would.
    if (!(await page.locator(".filters").isVisible())) {
      await page.getByRole("button", { name: "Filters", exact: true }).click();
      await page.locator(".filters fieldset.chips button.chip").first().waitFor();
    }
    const warmup = warmupCycles(cycles);
    const every = Math.max(1, Math.round((cycles - warmup) / 10));
    let warm: MemoryCounts | null = null;
    let warmParts: HeapParts | null = null;
    let last: MemoryCounts | null = null;
    const heapSamples: number[] = [];
    for (let k = 0; k < cycles; k++) {
      await sessionCycle(page, walk[k % walk.length]!, k);
      const done = k + 1;
      if (done === warmup) {
        warm = await memoryCounts(cdp);
        warmParts = await snapshotParts(cdp);
      } else if (done > warmup && ((done - warmup) % every === 0 || done === cycles)) {
        last = await memoryCounts(cdp);
        heapSamples.push(last.heapBytes);
      }
      onProgress?.(done);
    }
    warm ??= await memoryCounts(cdp);
    warmParts ??= await snapshotParts(cdp);
    last ??= warm;
    const heapBytes = settledHeap(heapSamples) ?? last.heapBytes;
    const parts = { warm: warmParts, end: await snapshotParts(cdp) };
    return { cycles, warmup, warm, end: { ...last, heapBytes }, heapSamples, parts, pageErrors };
  } finally {
    page.off("pageerror", onError);
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * The heap at the end of a session: the median of the last three samples. The collector and the
 * JIT make a single count swing by a few per cent either way, so one swing is not read as growth.
 */
export function settledHeap(samples: readonly number[]): number | null {
  const tail = samples.slice(-3).sort((a, b) => a - b);
  return tail.length > 0 ? tail[Math.floor(tail.length / 2)]! : null;
}

/** Heap growth from the warm-up to the end, as a fraction of the warm heap. */
export function heapGrowth(r: SessionReport): number {
  return r.warm.heapBytes > 0 ? (r.end.heapBytes - r.warm.heapBytes) / r.warm.heapBytes : 0;
}

/** Growth of the page's own objects (the heap without compiled code), as a fraction. */
export function objectGrowth(r: SessionReport): number {
  const { warm, end } = r.parts;
  return warm.objects > 0 ? (end.objects - warm.objects) / warm.objects : 0;
}

/** The bench's lines for a session (the target is printed beside the figure, never asserted). */
export function formatSession(r: SessionReport): string {
  const mb = (b: number) => `${(b / 1024 / 1024).toFixed(1)} MB`;
  const signed = (n: number) => (n >= 0 ? `+${n}` : String(n));
  const growth = heapGrowth(r);
  const pct = (f: number) => `${signed(Math.round(f * 1000) / 10)} %`;
  const objects = objectGrowth(r);
  const { warm: w, end: e } = r.parts;
  return [
    `Long session (shipped data): ${r.cycles} cycles of choose → read in source → back → back → filter on/off → story step, playback step or curate mode; counts after a forced GC`,
    `  DOM nodes  ${r.warm.nodes} after ${r.warmup} cycles → ${r.end.nodes} at the end (${signed(r.end.nodes - r.warm.nodes)})`,
    `  listeners  ${r.warm.jsEventListeners} → ${r.end.jsEventListeners}`,
    `  JS heap    ${mb(r.warm.heapBytes)} → ${mb(r.end.heapBytes)}, median of the last 3 samples (${pct(growth)}; target < 10 %) ${growth < 0.1 ? "✓ met" : "✗ missed"}`,
    `  of which   the page's objects ${mb(w.objects)} → ${mb(e.objects)} (${pct(objects)}; target < 10 %) ${objects < 0.1 ? "✓ met" : "✗ missed"}; compiled code ${mb(w.code)} → ${mb(e.code)}; the browser's own (DOM, Blink, DevTools) ${mb(w.native)} → ${mb(e.native)}`,
    `  samples    ${r.heapSamples.map((b) => (b / 1024 / 1024).toFixed(1)).join(" ")} MB`,
    `  page errors ${r.pageErrors.length}${r.pageErrors[0] ? `: ${r.pageErrors[0].slice(0, 120)}` : ""}`,
  ].join("\n");
}
