/**
 * The baseline: the simplest map in the spirit of Leaflet — one absolutely positioned <div> per
 * event over a blank container, placed with plain Web-Mercator maths, and a filter that toggles
 * `display`. Self-contained (no libraries), written into dist/ by the bench, measured the same
 * way as the app: navigation → all markers rendered (two frames after they are appended), and
 * a filter change → two frames after the markers were toggled.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { CATEGORY_STYLE } from "../../model/category-style.ts";
import { BenchTimeout, withTimeout } from "./page.ts";
import { PAGE_HELPERS } from "./page-helpers.ts";

export const BASELINE_FILE = "bench-baseline.html";

const COLORS = Object.fromEntries(Object.entries(CATEGORY_STYLE).map(([c, s]) => [c, s.color]));

export const BASELINE_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Baseline: DOM markers</title><link rel="icon" href="data:,">
<style>
html, body { margin: 0; height: 100%; font: 13px system-ui, sans-serif; }
#map { position: absolute; inset: 0 0 24px 0; overflow: hidden; background: #e8eef3; }
#count { position: absolute; left: 0; right: 0; bottom: 0; height: 24px; padding: 4px 8px; box-sizing: border-box; }
.m { position: absolute; width: 10px; height: 10px; margin: -6px 0 0 -6px; border-radius: 50%; border: 1px solid #fff; }
</style></head>
<body><div id="map"></div><div id="count" data-testid="count"></div>
<script>
const COLORS = ${JSON.stringify(COLORS)};
const BOUNDS = [-75.5, 0.5, -58.5, 16.5]; // the app's initial view
const map = document.getElementById("map"), count = document.getElementById("count");
const src = new URLSearchParams(location.search).get("data") || "data/events.geojson";
const merc = (lon, lat) => {
  const s = Math.sin((lat * Math.PI) / 180);
  return [(lon + 180) / 360, 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)];
};
const W = map.clientWidth, H = map.clientHeight;
const [x0, y1] = merc(BOUNDS[0], BOUNDS[1]), [x1, y0] = merc(BOUNDS[2], BOUNDS[3]);
const scale = Math.min(W / (x1 - x0), H / (y1 - y0));
const ox = (W - (x1 - x0) * scale) / 2, oy = (H - (y1 - y0) * scale) / 2;
const firstPosition = (c) => (typeof c[0] === "number" ? c : firstPosition(c[0]));
fetch(src).then((r) => r.json()).then((fc) => {
  performance.mark("baseline:data");
  const frag = document.createDocumentFragment();
  const markers = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || !g.coordinates) continue;
    const [lon, lat] = firstPosition(g.coordinates);
    const [x, y] = merc(lon, lat);
    const d = document.createElement("div");
    d.className = "m";
    d.style.left = (ox + (x - x0) * scale).toFixed(1) + "px";
    d.style.top = (oy + (y - y0) * scale).toFixed(1) + "px";
    d.style.background = COLORS[f.properties.category] || "#333";
    d.title = f.properties.title;
    frag.appendChild(d);
    markers.push([d, f.properties.category]);
  }
  map.appendChild(frag);
  count.textContent = markers.length + " of " + markers.length + " markers";
  window.__filter = (category) => {
    let n = 0;
    for (const [d, c] of markers) {
      const show = !category || c === category;
      d.style.display = show ? "" : "none";
      if (show) n++;
    }
    count.textContent = n + " of " + markers.length + " markers";
  };
  requestAnimationFrame(() => requestAnimationFrame(() => {
    performance.mark("baseline:ready");
    map.dataset.ready = "true";
  }));
});
</script></body></html>
`;

export function writeBaseline(distDir: string): void {
  writeFileSync(join(distDir, BASELINE_FILE), BASELINE_HTML);
}

export interface BaselineRun {
  readyMs: number;
  filterMs: number[];
}

export async function measureBaseline(
  browser: Browser,
  baseUrl: string,
  dataPath: string,
  timeoutMs: number,
): Promise<BaselineRun> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    await context.addInitScript(PAGE_HELPERS);
    const page = await context.newPage();
    await page.goto(
      new URL(`/${BASELINE_FILE}?data=${encodeURIComponent(dataPath)}`, baseUrl).href,
      { waitUntil: "commit", timeout: timeoutMs },
    );
    const ready = await withTimeout(
      page.evaluate(`window.__bench.ready(${timeoutMs}, "baseline:ready", "#map")`),
      timeoutMs + 5000,
      "baseline ready",
    );
    if (!ready) throw new BenchTimeout(`baseline not ready within ${timeoutMs / 1000} s`);
    const readyMs = (await page.evaluate(
      `performance.getEntriesByName("baseline:ready")[0].startTime`,
    )) as number;
    await withTimeout(page.evaluate("window.__bench.settle(5000)"), 20_000, "baseline settle");
    const filterMs: number[] = [];
    for (const category of ["protest", null, "detention", null]) {
      const expr = `(() => { const b = window.__bench, c0 = b.count(); return b.time(() => window.__filter(${JSON.stringify(category)}), () => b.count() !== c0, 5000); })()`;
      const r = (await withTimeout(page.evaluate(expr), 20_000, "baseline filter")) as {
        ms: number;
      };
      filterMs.push(r.ms);
      await withTimeout(page.evaluate("window.__bench.settle(5000)"), 20_000, "baseline settle");
    }
    return { readyMs, filterMs };
  } finally {
    await withTimeout(context.close(), 30_000, "closing the context").catch(() => undefined);
  }
}
