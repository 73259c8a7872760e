/**
 * Issue "Scale", correctness only (timings live in `npm run bench`): a 10k synthetic dataset,
 * above the clustering limit, opened with `data=`. It must become ready, count right, keep the
 * DOM bounded, and filter both the list and the map (feature-state: the map's pixels change).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { generateCollection } from "../../src/cli/synthetic/events.ts";
import { CATEGORY_STYLE } from "../../src/model/category-style.ts";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { filterEvents } from "../../src/model/query/filter.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";
import { CLUSTER_LIMIT, makeMapFeatures } from "../../src/model/markers/map-features.ts";
import { pointBuffers } from "../../src/model/markers/point-buffers.ts";
import { SCALE_DATASET } from "./global-setup.ts";
import { baseUrl, gotoReady, launch, open, type Session } from "./harness.ts";
import { clickMapCentre, count, expectClean, MAP, mapImage, READY, waitCount } from "./helpers.ts";
import { colourFraction } from "./png.ts";

const events = generateCollection(SCALE_DATASET.count, SCALE_DATASET.seed).features;
const text = buildSearchText(events);
const expected = (f: Partial<Filters>) =>
  filterEvents(events, text, { ...emptyFilters(), ...f }).length;
const PROTEST = CATEGORY_STYLE.protest.color;
const DIPLOMACY = CATEGORY_STYLE.diplomacy.color;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Records, in window.__drawnAtReady, what the map element's data-drawn says when data-ready turns
 * "true" (a mutation observer: before any later frame could draw). */
const DRAWN_AT_READY = `new MutationObserver((_, o) => {
  const m = document.querySelector('[data-testid="map"][data-ready="true"]');
  if (m) { o.disconnect(); window.__drawnAtReady = m.getAttribute("data-drawn"); }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-ready"] });`;

async function openScale(hash: string, width?: number): Promise<Session> {
  const s = await open(browser, { ...(width ? { width, height: 844 } : {}), init: DRAWN_AT_READY });
  await s.page.goto(`${new URL("/", baseUrl()).href}#data=${SCALE_DATASET.path}${hash}&v=2`);
  await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 50_000 });
  return s;
}

describe(`Scale: ${SCALE_DATASET.count} synthetic events`, () => {
  test("the dataset is above the clustering limit, so the map filters by feature-state", () => {
    expect(events.filter((e) => e.geometry).length).toBeGreaterThan(CLUSTER_LIMIT);
  });

  test("loads, counts every event, keeps the DOM bounded, and a category chip filters list and map", async () => {
    const s = await openScale("");
    expect(await count(s.page)).toEqual({ shown: SCALE_DATASET.count, total: SCALE_DATASET.count });
    // Not the curated crisis data: the header names the file instead of the crisis's dates.
    expect(await s.page.locator(".topbar .sub").textContent()).toBe(
      `dataset ${SCALE_DATASET.path}`,
    );
    // Too many to cluster: our point layer draws the markers; the extents are vector tiles cut in a worker.
    expect(await s.page.getAttribute('[data-testid="map"]', "data-events")).toBe("points");
    expect(await s.page.getAttribute('[data-testid="map"]', "data-extents")).toBe("tiles");
    // The tile worker starts once the map is ready (then zooming in finds the extents cut).
    await expect
      .poll(() => s.page.workers().some((w) => /event-tiles/.test(w.url())), { timeout: 10_000 })
      .toBe(true);
    await expect
      .poll(() => s.page.locator(".notices").textContent())
      .toMatch(
        /events on the map: below zoom \d+ each is a dot, then an icon; pale ones are places known only roughly/,
      );
    await expect
      .poll(() => s.page.locator(".legend").textContent())
      .toContain("Zoomed out: one dot per event");
    expect(await s.page.locator(".legend").textContent()).not.toContain("click to expand");
    expect(await s.page.locator("button.row").count()).toBeLessThan(200);
    expect(await s.page.evaluate(() => document.getElementsByTagName("*").length)).toBeLessThan(
      3000,
    );

    const before = await mapImage(s.page, "scale-10k-all");
    const protestBefore = colourFraction(before, [PROTEST], 4),
      diplomacyBefore = colourFraction(before, [DIPLOMACY], 4);
    expect(protestBefore).toBeGreaterThan(0.00002);
    expect(diplomacyBefore).toBeGreaterThan(0.00002);

    // The timeline is a density strip: dark = events shown, pale = all.
    const pixels = (rgb: readonly [number, number, number]) =>
      s.page.evaluate(([r, g, b]) => {
        const c = document.querySelector<HTMLCanvasElement>("canvas.density")!;
        const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4)
          if (d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255) n++;
        return n;
      }, rgb);
    const darkPixels = () => pixels([0x33, 0x41, 0x55]),
      palePixels = () => pixels([0xcb, 0xd5, 0xe1]);
    const darkBefore = await darkPixels();
    expect(darkBefore).toBeGreaterThan(500);

    await s.page.locator('button[aria-controls="filters"]').click();
    await s.page.locator("#filters button.chip", { hasText: "Protest" }).first().click();
    const want = expected({ categories: ["protest"] });
    expect(want).toBeGreaterThan(500);
    await waitCount(s.page, (shown) => shown === want, 20_000);
    expect(await count(s.page)).toEqual({ shown: want, total: SCALE_DATASET.count });
    expect(await s.page.locator("button.row").count()).toBeLessThan(200);
    // One category of thirteen: the strip's dark part shrinks, and doesn't vanish.
    await expect.poll(darkPixels).toBeLessThan(darkBefore / 3);
    expect(await darkPixels()).toBeGreaterThan(0);
    // The rest of the events stay as the pale silhouette above them: together, the same pixels.
    expect(await palePixels()).toBeGreaterThan(darkBefore / 2);
    expect(Math.abs((await palePixels()) + (await darkPixels()) - darkBefore)).toBeLessThan(
      darkBefore * 0.02,
    );

    // Hidden events draw nothing: no diplomacy dot is left, the protest dots stay.
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]');
    await expect
      .poll(async () => colourFraction(await mapImage(s.page), [DIPLOMACY], 4), {
        timeout: 20_000,
        interval: 1000,
      })
      .toBeLessThan(diplomacyBefore / 10);
    const after = await mapImage(s.page, "scale-10k-protest");
    expect(colourFraction(after, [PROTEST], 4)).toBeGreaterThan(protestBefore / 2);
    expectClean(s);
    await s.close();
  });

  test("hovering a point names its event, clicking it opens it, and a filtered-out point is not there", async () => {
    // An exact place with no other marker within 40 px at zoom 13, so the pointer can only mean it.
    const b = pointBuffers(makeMapFeatures(events).markers.features);
    const far = 40 / (512 * 2 ** 13);
    const alone = [...b.idx.keys()].find((i) => {
      if (events[b.idx[i]!]!.properties.place.precision !== "exact") return false;
      for (let j = 0; j < b.count; j++)
        if (
          j !== i &&
          Math.hypot(b.xy[2 * j]! - b.xy[2 * i]!, b.xy[2 * j + 1]! - b.xy[2 * i + 1]!) < far
        )
          return false;
      return true;
    });
    expect(alone).toBeDefined();
    const e = events[b.idx[alone!]!]!;
    const [lng, lat] = (e.geometry as GeoJSON.Point).coordinates as [number, number];
    const s = await openScale(`&map=13/${lat}/${lng}`);
    await clickMapCentre(s.page);
    await expect
      .poll(() => s.page.locator(".event-tooltip").textContent())
      .toBe(e.properties.title);
    const panel = s.page.locator(`article.event-panel[data-event-id="${e.id}"]`);
    await panel.waitFor();
    expect(await panel.locator("h2#event-title").textContent()).toBe(e.properties.title);

    // Filter its category out (by link, as a shared view would): the same click finds nothing.
    const other = events.find((x) => x.properties.category !== e.properties.category)!.properties
      .category;
    const s2 = await openScale(`&map=13/${lat}/${lng}&cat=${other}`);
    await waitCount(s2.page, (shown) => shown === expected({ categories: [other] }), 20_000);
    await clickMapCentre(s2.page);
    await s2.page.waitForTimeout(500);
    expect(await s2.page.locator(".event-tooltip").count()).toBe(0);
    expect(await s2.page.locator("article.event-panel").count()).toBe(0);
    expectClean(s);
    expectClean(s2);
    await s.close();
    await s2.close();
  });

  test("a frame draws only the points near the view, and a pan draws those it brings in", async () => {
    const b = pointBuffers(makeMapFeatures(events).markers.features);
    const s = await openScale("");
    const drawn = async (page = s.page) => Number(await page.getAttribute(MAP, "data-drawn"));
    // The whole region is in view: nearly every point is drawn (a few share a pixel with a later one),
    // and already in the frame that made the map ready (the points draw from the frame after the
    // basemap's `load`, and readiness waits for that frame).
    expect(
      Number(
        await s.page.evaluate(
          () => (window as unknown as { __drawnAtReady: string }).__drawnAtReady,
        ),
      ),
    ).toBeGreaterThan(0.9 * b.count);
    expect(await drawn()).toBeGreaterThan(0.9 * b.count);
    expect(await drawn()).toBeLessThanOrEqual(b.count);
    const box = (await s.page.locator(MAP).boundingBox())!;
    await s.close();

    // At zoom 10, an exact point P with nothing within a view and a half west of it: start there,
    // a view and a half west of P, where nothing near the view is drawn, and drag P into view.
    const world = 512 * 2 ** 10,
      w = box.width / world,
      h = box.height / world;
    const empty = (x: number, y: number) => {
      for (let j = 0; j < b.count; j++) {
        const dx = b.xy[2 * j]! - x,
          dy = b.xy[2 * j + 1]! - y;
        if (dx > -2.6 * w && dx < -0.4 * w && Math.abs(dy) < 1.1 * h) return false;
      }
      return true;
    };
    const p = [...b.idx.keys()].find(
      (i) =>
        events[b.idx[i]!]!.properties.place.precision === "exact" &&
        !(b.flags[i]! & 2) &&
        empty(b.xy[2 * i]!, b.xy[2 * i + 1]!),
    );
    expect(p).toBeDefined();
    const e = events[b.idx[p!]!]!;
    const [lng, lat] = (e.geometry as GeoJSON.Point).coordinates as [number, number];
    const startLng = lng - (1.5 * box.width * 360) / world;
    const s2 = await openScale(`&map=10/${lat}/${startLng}`);
    expect(await drawn(s2.page)).toBe(0);
    const colour = CATEGORY_STYLE[e.properties.category].color;
    expect(colourFraction(await mapImage(s2.page), [colour], 4)).toBe(0);
    for (let k = 0; k < 2; k++) {
      const y = box.y + box.height / 2;
      await s2.page.mouse.move(box.x + box.width * 0.875, y);
      await s2.page.mouse.down();
      await s2.page.mouse.move(box.x + box.width * 0.125, y, { steps: 12 });
      await s2.page.waitForTimeout(300); // still before letting go: no inertia
      await s2.page.mouse.up();
    }
    await expect.poll(() => drawn(s2.page), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect
      .poll(async () => colourFraction(await mapImage(s2.page, "scale-10k-panned"), [colour], 4), {
        timeout: 10_000,
      })
      .toBeGreaterThan(0);
    expectClean(s2);
    await s2.close();
  });

  test("filter changes redraw the points in their own canvas, not the map, until the map moves; the selected marker stays over them", async () => {
    // Counts the WebGL draw calls made in the points' own canvas and in MapLibre's.
    const COUNT_DRAWS = `window.__draws = { own: 0, map: 0 };
      for (const name of ["drawElements", "drawArrays"]) {
        const f = WebGL2RenderingContext.prototype[name];
        WebGL2RenderingContext.prototype[name] = function (...a) {
          window.__draws[this.canvas.classList.contains("event-points") ? "own" : "map"]++;
          return f.apply(this, a);
        };
      }`;
    const s = await open(browser, { init: `${DRAWN_AT_READY}\n${COUNT_DRAWS}` });
    // Zoomed out below the icon zoom (4 for these 10k points): routes and areas are not drawn, so
    // a filter change has nothing to change in MapLibre's layers.
    await s.page.goto(
      `${new URL("/", baseUrl()).href}#map=3/10/-66&data=${SCALE_DATASET.path}&v=2`,
    );
    await s.page.waitForSelector(READY, { timeout: 50_000 });
    expect(await s.page.locator(".notices").textContent()).toContain("below zoom 4 each is a dot");
    const draws = () =>
      s.page.evaluate(() => ({
        ...(window as unknown as { __draws: { own: number; map: number } }).__draws,
      }));
    const ownShown = () =>
      s.page.evaluate(() => {
        const c = document.querySelector<HTMLCanvasElement>("canvas.event-points");
        return c ? getComputedStyle(c).visibility === "visible" : null;
      });
    // Until a filter changes, the points are drawn in MapLibre's canvas (their own may be drawn
    // once ahead, hidden).
    expect(await ownShown()).not.toBe(true);
    const quiet = async () => {
      let was = await draws();
      await expect
        .poll(
          async () => {
            const now = await draws(),
              same = now.map === was.map && now.own === was.own;
            was = now;
            return same;
          },
          { timeout: 10_000, interval: 500 },
        )
        .toBe(true);
      return was;
    };
    // The filters open (they may resize the map), then nothing is drawn for a while.
    await s.page.locator('button[aria-controls="filters"]').click();
    const chip = s.page.locator("#filters button.chip", { hasText: "Protest" }).first();
    await chip.waitFor();
    // A drag first: the map then stays where the user left it when the filters change (it offers
    // "Zoom to results" instead of fitting them), so the changes alone are drawn.
    const box = (await s.page.locator(MAP).boundingBox())!;
    const drag = async (dx: number) => {
      await s.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await s.page.mouse.down();
      await s.page.mouse.move(box.x + box.width / 2 + dx, box.y + box.height / 2, { steps: 4 });
      await s.page.mouse.up();
    };
    const cameraNow = () => s.page.evaluate(() => location.hash.match(/map=[^&]+/)?.[0]);
    await drag(-40);
    await quiet();
    // The link takes the dragged camera once the move has ended and its write has waited (300 ms).
    await expect.poll(cameraNow).not.toBe("map=3/10/-66");
    const camera = await cameraNow();
    const before = Number(await s.page.getAttribute(MAP, "data-drawn"));
    // The first change: one more MapLibre frame leaves the points out of its canvas, and their own,
    // which lies exactly over it and lets the pointer through, draws them.
    await chip.click();
    await waitCount(s.page, (shown, total) => shown < total);
    const first = await quiet();
    expect(first.own).toBeGreaterThan(0);
    expect(await ownShown()).toBe(true);
    expect(Number(await s.page.getAttribute(MAP, "data-drawn"))).toBeLessThan(before);
    const boxes = await s.page.evaluate(() =>
      [".maplibregl-canvas", "canvas.event-points"].map((q) => {
        const c = document.querySelector<HTMLCanvasElement>(q)!,
          r = c.getBoundingClientRect();
        return {
          x: r.x,
          y: r.y,
          w: r.width,
          h: r.height,
          px: c.width,
          py: c.height,
          pointer: getComputedStyle(c).pointerEvents,
        };
      }),
    );
    expect(boxes[1]).toEqual({ ...boxes[0], pointer: "none" });
    // The next change draws only the points.
    await chip.click();
    await waitCount(s.page, (shown, total) => shown === total);
    const second = await quiet();
    expect(second.own).toBeGreaterThan(first.own);
    expect(second.map).toBe(first.map);
    expect(Number(await s.page.getAttribute(MAP, "data-drawn"))).toBe(before);
    expect(await cameraNow()).toBe(camera);
    // A move is drawn by MapLibre, the points with it, in one canvas: their own is hidden.
    await drag(60);
    const moved = await quiet();
    expect(moved.map).toBeGreaterThan(second.map);
    expect(moved.own).toBe(second.own);
    expect(await ownShown()).toBe(false);
    expectClean(s);
    await s.close();

    // The same view of an exact point, with and without it selected, and selected after a filter
    // change (the points then in their own canvas): its halo's dark ring is drawn over the points.
    const b = pointBuffers(makeMapFeatures(events).markers.features);
    const p = [...b.idx.keys()].find(
      (i) => events[b.idx[i]!]!.properties.place.precision === "exact",
    )!;
    const e = events[b.idx[p]!]!;
    const [lng, lat] = (e.geometry as GeoJSON.Point).coordinates as [number, number];
    const other = e.properties.category === "protest" ? "Diplomacy" : "Protest";
    // Below the icon zoom (4), where a filter change draws only the points.
    const ring = async (hash: string, filter: boolean) => {
      const t = await openScale(`&map=3.5/${lat}/${lng}${hash}`);
      if (filter) {
        await t.page.locator('button[aria-controls="filters"]').click();
        await t.page.locator("#filters button.chip", { hasText: other }).first().click();
        await waitCount(t.page, (shown, total) => shown < total);
        await expect
          .poll(() =>
            t.page.evaluate(
              () =>
                document.querySelector<HTMLCanvasElement>("canvas.event-points")?.style.visibility,
            ),
          )
          .toBe("visible");
        await t.page.locator('button[aria-controls="filters"]').click();
      }
      await t.page.waitForTimeout(500);
      const img = await mapImage(
        t.page,
        `scale-10k-selected${hash ? "" : "-not"}${filter ? "-filtered" : ""}`,
      );
      // Pixels near the halo's colour (#111827) within 24 px of the centre.
      let dark = 0;
      const cx = Math.round(img.width / 2),
        cy = Math.round(img.height / 2);
      for (let y = cy - 24; y <= cy + 24; y++)
        for (let x = cx - 24; x <= cx + 24; x++) {
          const k = 4 * (y * img.width + x),
            [r, g, bl] = [img.rgba[k]!, img.rgba[k + 1]!, img.rgba[k + 2]!];
          if (Math.abs(r - 0x11) <= 12 && Math.abs(g - 0x18) <= 12 && Math.abs(bl - 0x27) <= 12)
            dark++;
        }
      expectClean(t);
      await t.close();
      return dark;
    };
    expect(await ring("", false)).toBeLessThan(20);
    expect(await ring(`&event=${e.id}`, false)).toBeGreaterThan(100);
    expect(await ring(`&event=${e.id}`, true)).toBeGreaterThan(100);
  });

  test("on a phone, the dense-mode notice sits under the toolbar and leaves Filters usable", async () => {
    const s = await openScale("", 390);
    const notice = s.page.locator(".notices .notice").first();
    await notice.waitFor();
    const bar = (await s.page.locator("header.topbar").boundingBox())!;
    const box = (await notice.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(bar.y + bar.height);
    await s.page.locator('button[aria-controls="filters"]').click();
    await s.page.locator("#filters button.chip").first().waitFor();
    expectClean(s);
    await s.close();
  });

  test("on a phone, the virtual list fills the bottom sheet with rows, before and after scrolling it", async () => {
    const s = await openScale("", 390);
    // How far the rendered rows reach, against the bottom of the sheet's visible area.
    const reach = () =>
      s.page.evaluate(() => {
        const sc = document.querySelector<HTMLElement>(".side-content")!.getBoundingClientRect();
        const rows = [...document.querySelectorAll("button.row")].map((r) =>
          r.getBoundingClientRect(),
        );
        return {
          rows: rows.length,
          firstTop: Math.min(...rows.map((r) => r.top)) - sc.top,
          lastBottom: Math.max(...rows.map((r) => r.bottom)) - sc.bottom,
        };
      });
    const top = await reach();
    expect(top.rows).toBeLessThan(200);
    expect(top.lastBottom).toBeGreaterThan(0);
    await s.page.locator(".side-content").evaluate((el) => el.scrollBy(0, 58 * 300 + 20));
    await expect.poll(async () => (await reach()).lastBottom).toBeGreaterThan(0);
    expect((await reach()).firstTop).toBeLessThan(0);
    expectClean(s);
    await s.close();
  });

  test("on a laptop, the notice sits over the map, clear of the legend and the list; month labels stay on the strip", async () => {
    const s = await openScale("");
    const notice = (await s.page.locator(".notices .notice").first().boundingBox())!;
    const side = (await s.page.locator(".side").boundingBox())!;
    const legend = (await s.page.locator(".legend").boundingBox())!;
    expect(notice.x + notice.width).toBeLessThanOrEqual(side.x);
    expect(notice.x).toBeGreaterThanOrEqual(legend.x + legend.width);
    const track = (await s.page.locator(".timeline-track").boundingBox())!;
    const labels = await s.page
      .locator(".timeline .tick")
      .evaluateAll((ts) =>
        ts.filter((t) => t.textContent).map((t) => t.getBoundingClientRect().right),
      );
    expect(labels.length).toBeGreaterThan(3);
    for (const right of labels) expect(right).toBeLessThanOrEqual(track.x + track.width + 1);
    expectClean(s);
    await s.close();
  });

  test("a deep link with a date range and statuses opens with the model's count", async () => {
    const f = { from: "2025-12-01", to: "2025-12-31", statuses: ["disputed" as const] };
    const s = await openScale(`&status=disputed&from=${f.from}&to=${f.to}`);
    const want = expected(f);
    expect(want).toBeGreaterThan(50);
    await waitCount(s.page, (shown) => shown === want, 20_000);
    expect((await count(s.page)).total).toBe(SCALE_DATASET.count);
    expectClean(s);
    await s.close();
  });

  test("another data= typed into the address bar of an open map opens that dataset", async () => {
    const s = await open(browser);
    await gotoReady(s, "#v=2");
    // Before, the view took the new key while the curated events stayed on the map.
    await s.page.evaluate(
      () => void (location.hash = "#data=data/synthetic/not-there.geojson&v=2"),
    );
    const alert = s.page.locator(".state-error[role=alert]");
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toContain("data/synthetic/not-there.geojson: was not found");
    expectClean(s, /not-there\.geojson/);
    await s.close();
  });

  test("a dataset that can't be loaded names the file, and offers the curated one", async () => {
    const s = await open(browser);
    await s.page.goto(`${new URL("/", baseUrl()).href}#data=data/synthetic/not-there.geojson&v=2`);
    const alert = s.page.locator(".state-error[role=alert]");
    await expect
      .poll(() => alert.textContent(), { timeout: 20_000 })
      .toContain("data/synthetic/not-there.geojson: was not found");
    await alert.getByRole("link", { name: "Open the curated dataset instead" }).click();
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    const c = await count(s.page);
    expect(c.total).toBe(c.shown);
    expect(c.total).toBeLessThan(100);
    expectClean(s, /not-there\.geojson/);
    await s.close();
  });
});
