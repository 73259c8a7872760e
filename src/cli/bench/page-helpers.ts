/**
 * The bench's helpers inside the page, as a script installed before the app's (a string, so that
 * no bundler helper leaks in): timing an interaction from its event to the frames that paint it,
 * waiting for the page to settle or be ready, and reading its marks and DOM. page.ts calls them.
 */
/** Installed in every page before its scripts: the timing helpers the bench calls. */
export const PAGE_HELPERS = `
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__bench.long.push([e.startTime, e.duration]);
  }).observe({ type: "longtask", buffered: true });
} catch {}
// The first view: the first paint with content, the largest one before ready, and when the
// events' text (a list row, or a linked event's panel) was first drawn.
const __firstView = {};
try {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === "first-contentful-paint") __firstView["fcp"] = e.startTime;
  }).observe({ type: "paint", buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) __firstView["lcp"] = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
} catch {}
new MutationObserver((_, mo) => {
  if (!document.querySelector(".event-list button.row, article.event-panel")) return;
  mo.disconnect();
  requestAnimationFrame(() => { __firstView["text"] = performance.now(); });
}).observe(document, { subtree: true, childList: true });
window.__bench = {
  spans: 0,
  long: [],
  raf: () => new Promise((r) => requestAnimationFrame(() => r())),
  /** Runs act(), waits until done() (DOM observed), then two animation frames. Marks the span
   * (bench:<id>:start/end) for the trace. */
  async time(act, done, limitMs) {
    const b = window.__bench;
    const id = ++b.spans;
    performance.mark("bench:" + id + ":start");
    const t0 = performance.now();
    act();
    const syncMs = performance.now() - t0;
    let changed = done();
    if (!changed) {
      changed = await new Promise((resolve) => {
        const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); clearTimeout(t); resolve(true); } });
        mo.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
        const t = setTimeout(() => { mo.disconnect(); resolve(false); }, limitMs);
      });
    }
    await b.raf(); await b.raf();
    const ms = performance.now() - t0;
    performance.mark("bench:" + id + ":end");
    return { ms, syncMs, changed, span: id };
  },
  /** Waits until ~8 consecutive frames come at a normal pace (the map and workers are quiet). */
  async settle(maxMs) {
    const t0 = performance.now();
    let calm = 0, last = performance.now();
    while (calm < 8 && performance.now() - t0 < maxMs) {
      await window.__bench.raf();
      const now = performance.now();
      calm = now - last < 25 ? calm + 1 : 0;
      last = now;
    }
    await new Promise((r) => setTimeout(r, 350)); // past the URL writer's 300 ms throttle
  },
  count: () => document.querySelector('[data-testid="count"]')?.textContent ?? "",
  /** Resolves true once the map is ready (the "vsm:ready" mark, set with data-ready="true"), false
   * when limitMs after navigation start pass first. Observes marks: no DOM polling during load. */
  ready(limitMs, mark = "vsm:ready", selector = '[data-testid="map"]') {
    const isReady = () => performance.getEntriesByName(mark).length > 0 && document.querySelector(selector)?.dataset.ready === "true";
    return new Promise((resolve) => {
      if (isReady()) return resolve(true);
      const po = new PerformanceObserver(() => queueMicrotask(() => {
        if (isReady()) { po.disconnect(); clearTimeout(t); resolve(true); }
      }));
      po.observe({ type: "mark", buffered: true });
      const t = setTimeout(() => { po.disconnect(); resolve(isReady()); }, Math.max(0, limitMs - performance.now()));
    });
  },
  marks: () => ({
    origin: performance.timeOrigin,
    long: window.__bench.long.slice(),
    marks: {
      ...Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("vsm:")).map((m) => [m.name, m.startTime])),
      ...Object.fromEntries(Object.entries(__firstView).map(([k, v]) => ["first:" + k, v])),
    },
  }),
  dom: () => ({ nodes: document.getElementsByTagName("*").length, count: window.__bench.count() }),
  /** One interaction: "filter" (arg "chip:<n>" or "q:<text>"), "drag" (arg: a key), "play" (a
   * playback step), "choose". */
  interact(step, arg, limitMs) {
    const b = window.__bench;
    const count0 = b.count();
    const countChanged = () => b.count() !== count0;
    if (step === "choose") {
      const row = document.querySelector("button.row");
      if (!row) throw new Error("no button.row to click");
      return b.time(() => row.click(), () => !!document.querySelector("article.event-panel"), limitMs);
    }
    if (step === "drag") {
      const handle = document.querySelector('[data-handle="from"]');
      if (!handle) throw new Error("no [data-handle=from]");
      handle.focus();
      const key = () => handle.dispatchEvent(new KeyboardEvent("keydown", { key: arg, bubbles: true, cancelable: true }));
      // A day step may not change the count (no event starts that day): then only the frames.
      return b.time(key, () => true, 0).then((x) => ({ ...x, changed: countChanged() }));
    }
    if (step === "play") {
      // A playback frame: one step forward, focused as a keyboard user's would be.
      const button = document.querySelector('.playback button[aria-label="Step forward"]');
      if (!button) throw new Error("no playback Step forward button");
      button.focus();
      return b.time(() => button.click(), () => true, 0).then((x) => ({ ...x, changed: countChanged() }));
    }
    if (arg.startsWith("chip:")) {
      const chip = document.querySelectorAll("#filters fieldset.chips")[0]?.querySelectorAll("button.chip")[Number(arg.slice(5))];
      if (!chip) throw new Error("no category chip");
      return b.time(() => chip.click(), countChanged, limitMs);
    }
    const input = document.querySelector('[data-testid="search"]');
    if (!input) throw new Error("no search box");
    return b.time(() => {
      input.value = arg.slice(2);
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }, countChanged, limitMs);
  },
};
`;
