/**
 * The map follows the question (issue 29): the legend covers no event, a filter fits the map to
 * its results (or offers to, once the user has moved the map), a cluster at Caracas opens a list
 * to choose from, the tooltip names what is under the pointer after a zoom, and unselected radius
 * discs leave the city readable. Marker positions come from the map's probe (src/map/map-probe.ts).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import {
  covers,
  drawnMarkers,
  events,
  expectClean,
  hashParams,
  MAP,
  mapImage,
  mapZoom,
  saveShot,
  waitCount,
  waitSettled,
  type DrawnMarker,
} from "./helpers.ts";
import type { Image } from "./png.ts";

const TANKER = "fifth-tanker-seized-caribbean";
const RAID = "caracas-night-raid";
const CARACAS = [-66.9146, 10.5061] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const idxOf = (id: string) => events().findIndex((e) => e.id === id);
const box = async (page: Page, sel: string) => (await page.locator(sel).boundingBox())!;
const mapCamera = async (page: Page) => (await hashParams(page)).get("map") ?? "";

/** Markers drawn under the legend or the story launcher, or out of the map. */
async function hidden(page: Page): Promise<DrawnMarker[]> {
  // The overlays in the map's upper left: the legend, and the story's way in when it shows.
  const overlays = [await box(page, ".legend")];
  if (await page.locator(".story-launch").isVisible())
    overlays.push(await box(page, ".story-launch"));
  const map = await box(page, MAP);
  return (await drawnMarkers(page)).filter(
    (m) =>
      overlays.some((o) => covers(o, m)) ||
      m.x < map.x ||
      m.y < map.y ||
      m.x > map.x + map.width ||
      m.y > map.y + map.height,
  );
}

/** Filters to one category from the filter bar, as a user does. */
async function filterTo(page: Page, label: string): Promise<void> {
  await page.getByRole("button", { name: "Filters", exact: true }).click();
  await page.locator(".chip", { hasText: label }).first().click();
  await waitCount(page, (n, t) => n < t);
}

/** Waits for the camera (in the link) to move off `before`, then for the map to settle. */
async function waitMoved(page: Page, before: string): Promise<void> {
  await expect.poll(() => mapCamera(page), { timeout: 10_000 }).not.toBe(before);
  await waitSettled(page);
}

describe("pins and place names", () => {
  test("at Caracas and Guatire, the names are drawn beside the pins on them", async () => {
    const s = await open(browser);
    await gotoReady(s, "#map=9/10.49/-66.75&v=2");
    await waitSettled(s.page);
    const labels = await s.page.evaluate(() =>
      (
        document.querySelector('[data-testid="map"]') as HTMLElement & {
          vsmProbe: { labels(): string[] };
        }
      ).vsmProbe.labels(),
    );
    const markers = await drawnMarkers(s.page);
    const map = await box(s.page, '[data-testid="map"]');
    for (const [name, lng, lat] of [
      ["Caracas", CARACAS[0], CARACAS[1]],
      ["Guatire", -66.5424, 10.474],
    ] as const) {
      const at = await s.page.evaluate(
        ([x, y]) =>
          (
            document.querySelector('[data-testid="map"]') as HTMLElement & {
              vsmProbe: { project(lng: number, lat: number): { x: number; y: number } };
            }
          ).vsmProbe.project(x, y),
        [lng, lat] as const,
      );
      expect(at.x > map.x && at.x < map.x + map.width, `${name} in view`).toBe(true);
      // A pin or cluster is drawn on the place, and its name is drawn too: labels win placement.
      const near = markers.filter((m) => Math.hypot(m.x - at.x, m.y - at.y) < 40);
      expect(near.length, `a marker on ${name}`).toBeGreaterThan(0);
      expect(labels, `${name}'s label placed`).toContain(name);
    }
    await saveShot(s.page, "mapq-labels-caracas-guatire");
    expectClean(s);
    await s.close();
  });
});

describe("the legend never covers an event", () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const)
    test(`at ${width}×${height}, as shipped (collapsed)`, async () => {
      const s = await open(browser, { width, height });
      await gotoReady(s);
      await waitSettled(s.page);
      expect(await s.page.locator(".legend-toggle").getAttribute("aria-expanded")).toBe("false");
      const markers = await drawnMarkers(s.page);
      // A phone's map is 280 px tall: its opening region draws as two clusters or more.
      expect(markers.length, "markers drawn at the default view").toBeGreaterThanOrEqual(2);
      // Most mapped events are in the region the map opens on (the rest are in the Pacific).
      expect(markers.reduce((n, m) => n + m.count, 0)).toBeGreaterThan(15);
      expect(await hidden(s.page)).toEqual([]);
      await saveShot(s.page, `mapq-legend-${width}`);
      expectClean(s);
      await s.close();
    });

  test("opened on a phone, it stays inside the map, clear of the timeline, and scrolls", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s);
    await s.page.locator(".legend-toggle").click();
    const body = s.page.locator(".legend-body");
    await body.waitFor();
    const legend = await box(s.page, ".legend");
    const map = await box(s.page, '[data-testid="map"]');
    const timeline = await box(s.page, ".timeline");
    expect(legend.y + legend.height).toBeLessThanOrEqual(map.y + map.height);
    expect(legend.y + legend.height).toBeLessThanOrEqual(timeline.y);
    // Its keys do not fit a phone's map: they scroll, and the last one can be reached.
    expect(await body.evaluate((b) => b.scrollHeight > b.clientHeight)).toBe(true);
    await body.evaluate((b) => b.scrollTo(0, b.scrollHeight));
    const last = s.page.locator(".legend-status li").last();
    const key = (await last.boundingBox())!;
    expect(key.y + key.height).toBeLessThanOrEqual(legend.y + legend.height);
    await saveShot(s.page, "mapq-legend-open-390");
    expectClean(s);
    await s.close();
  });

  test("on a phone, the opening view does not depend on when the text's font comes", async () => {
    const zoomAfter = async (fontDelay: number) => {
      const s = await open(browser, { width: 390, height: 844 });
      // The legend's button is narrower in Noto Sans than in the fallback font it is first drawn in.
      await s.page.route("**/*.woff2", async (route) => {
        await new Promise((r) => setTimeout(r, fontDelay));
        await route.fallback();
      });
      await gotoReady(s);
      await waitSettled(s.page);
      const zoom = await mapZoom(s.page);
      expect((await hashParams(s.page)).has("map")).toBe(false);
      expectClean(s);
      await s.close();
      return zoom;
    };
    const prompt = await zoomAfter(0);
    expect(await zoomAfter(1500)).toBeCloseTo(prompt, 3);
  });

  test("opened on a laptop, the map makes room for it", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const before = await mapCamera(s.page);
    await s.page.locator(".legend-toggle").click();
    await waitMoved(s.page, before);
    const legend = await box(s.page, ".legend");
    expect(legend.width, "the legend is open").toBeGreaterThan(200);
    expect(await hidden(s.page)).toEqual([]);
    expectClean(s);
    await s.close();
  });
});

describe("the map follows the filters", () => {
  test("a category filter fits the map to its results, clear of the legend", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const before = await mapCamera(s.page);
    await filterTo(s.page, "Maritime seizure");
    await waitMoved(s.page, before);
    const markers = await drawnMarkers(s.page);
    expect(markers.map((m) => m.idx)).toEqual([idxOf(TANKER)]);
    expect(await hidden(s.page)).toEqual([]);
    expect(await s.page.getByRole("button", { name: "Zoom to results" }).count()).toBe(0);
    await saveShot(s.page, "mapq-maritime-fitted");
    expectClean(s);
    await s.close();
  });

  test("a link with filters and no camera opens on its results, and stays without one", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s, "#cat=maritime-seizure");
    await waitSettled(s.page);
    expect((await drawnMarkers(s.page)).map((m) => m.idx)).toEqual([idxOf(TANKER)]);
    expect(await hidden(s.page)).toEqual([]);
    // The tanker's area is the Caribbean: fitted, the map is zoomed out of the opening region.
    expect(await mapZoom(s.page)).toBeLessThan(3.1);
    expect((await hashParams(s.page)).has("map")).toBe(false);
    expectClean(s);
    await s.close();
  });

  test("after the user moves the map, a filter offers 'Zoom to results' instead", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const map = await box(s.page, MAP);
    const [x, y] = [map.x + map.width / 2, map.y + map.height / 2];
    await s.page.mouse.move(x, y);
    await s.page.mouse.down();
    await s.page.mouse.move(x + 260, y + 160, { steps: 10 });
    await s.page.mouse.up();
    await waitSettled(s.page);
    await expect.poll(() => mapCamera(s.page)).not.toBe("");
    const moved = await mapCamera(s.page);
    await filterTo(s.page, "Maritime seizure");
    const offer = s.page.getByRole("button", { name: "Zoom to results" });
    await offer.waitFor();
    await waitSettled(s.page);
    expect(await mapCamera(s.page), "the map stays where the user put it").toBe(moved);
    await saveShot(s.page, "mapq-zoom-to-results-offered");
    await offer.click();
    await waitMoved(s.page, moved);
    expect((await drawnMarkers(s.page)).map((m) => m.idx)).toEqual([idxOf(TANKER)]);
    expect(await hidden(s.page)).toEqual([]);
    expect(await offer.count()).toBe(0);
    expectClean(s);
    await s.close();
  });
});

/** The cluster nearest Caracas, on the page. */
async function caracasCluster(page: Page): Promise<DrawnMarker | undefined> {
  const at = await page.evaluate(
    ([lng, lat]) =>
      (
        document.querySelector('[data-testid="map"]') as HTMLElement & {
          vsmProbe: { project(lng: number, lat: number): { x: number; y: number } };
        }
      ).vsmProbe.project(lng!, lat!),
    CARACAS,
  );
  const d = (m: DrawnMarker) => Math.hypot(m.x - at.x, m.y - at.y);
  return (await drawnMarkers(page))
    .filter((m) => m.idx === null && d(m) < 60)
    .sort((a, b) => d(a) - d(b))[0];
}

describe("overlaps", () => {
  for (const [width, height, most] of [
    [1280, 800, 2],
    [390, 844, 3],
  ] as const)
    test(`at ${width}: a cluster at Caracas lists its events; choosing one opens it`, async () => {
      const s = await open(browser, { width, height });
      await gotoReady(s);
      const list = s.page.locator(".event-list-popup");
      let clicks = 0;
      while ((await list.count()) === 0) {
        expect(clicks, `clicks to reach the Caracas events`).toBeLessThan(most);
        const c = await caracasCluster(s.page);
        expect(c, "a cluster at Caracas").toBeTruthy();
        const camera = await mapCamera(s.page);
        if (width < 500) await s.page.touchscreen.tap(c!.x, c!.y);
        else await s.page.mouse.click(c!.x, c!.y);
        clicks++;
        // The click either zooms (the link's camera changes) or opens the list.
        await expect
          .poll(async () => (await list.count()) > 0 || (await mapCamera(s.page)) !== camera, {
            timeout: 10_000,
          })
          .toBe(true);
        await waitSettled(s.page);
      }
      // Every event at the Caracas pin, and no event farther than the city (clusterAction).
      const within = (km: number) =>
        events()
          .filter((e) => {
            if (e.geometry?.type !== "Point") return false;
            const [lng, lat] = e.geometry.coordinates as [number, number];
            return Math.hypot((lng - CARACAS[0]) * 109.4, (lat - CARACAS[1]) * 111.3) <= km;
          })
          .map((e) => e.properties.title);
      expect(within(0).length).toBe(5);
      const titles = await list.locator("button").allTextContents();
      for (const t of within(0)) expect(titles).toContain(t);
      for (const t of titles) expect(within(10)).toContain(t);
      await saveShot(s.page, `mapq-caracas-list-${width}`);
      const raid = events()[idxOf(RAID)]!.properties.title;
      await list.getByRole("button", { name: raid, exact: true }).click();
      await s.page.locator(`article.event-panel[data-event-id="${RAID}"]`).waitFor();
      expect((await hashParams(s.page)).get("event")).toBe(RAID);
      expect(await list.count(), "the list closes once one is chosen").toBe(0);
      expectClean(s);
      await s.close();
    });

  test("the tooltip names what is under the pointer after a zoom", async () => {
    const s = await open(browser);
    await gotoReady(s);
    await waitSettled(s.page);
    const c = (await caracasCluster(s.page))!;
    await s.page.mouse.move(c.x, c.y);
    const tip = s.page.locator(".event-tooltip");
    await expect.poll(() => tip.textContent()).toBe(`${c.count} events — click to expand`);
    const zoom = () => mapZoom(s.page);
    const z0 = await zoom();
    // Zoom in around the pointer until the cluster under it has split.
    while ((await zoom()) < z0 + 4) {
      await s.page.mouse.wheel(0, -500);
      await s.page.waitForTimeout(120);
    }
    await waitSettled(s.page);
    await s.page.waitForTimeout(200);
    // What is drawn under the pointer now: the marker whose circle holds it, if any.
    const under = (await drawnMarkers(s.page)).find((m) => Math.hypot(m.x - c.x, m.y - c.y) < m.r);
    expect(under?.count, "the zoom regrouped what is under the pointer").not.toBe(c.count);
    const want = !under
      ? null
      : under.idx === null
        ? `${under.count} events — click to expand`
        : events()[under.idx]!.properties.title;
    await expect
      .poll(async () => ((await tip.count()) ? await tip.textContent() : null))
      .toBe(want);
    expectClean(s);
    await s.close();
  });
});

/** The median colour (as r+g+b) of the map's pixels between two distances from its centre, in
 * its lower half (land, south of Caracas): labels and dots there are outliers a median ignores. */
function ringMedian(img: Image, from: number, to: number): [number, number, number] {
  const cx = img.width / 2,
    cy = img.height / 2;
  const rs: number[] = [],
    gs: number[] = [],
    bs: number[] = [];
  for (let y = Math.ceil(cy); y < img.height; y++)
    for (let x = 0; x < img.width; x++) {
      const d = Math.hypot(x - cx, y - cy);
      if (d < from || d > to) continue;
      const i = (y * img.width + x) * 4;
      rs.push(img.rgba[i]!);
      gs.push(img.rgba[i + 1]!);
      bs.push(img.rgba[i + 2]!);
    }
  const med = (a: number[]) => a.sort((p, q) => p - q)[a.length >> 1]!;
  return [med(rs), med(gs), med(bs)];
}
const diff = (a: number[], b: number[]) => a.reduce((n, v, i) => n + Math.abs(v - b[i]!), 0);

describe("radius shapes", () => {
  test("stacked unselected discs leave Caracas readable; the selected one is filled", async () => {
    // Zoom 10: each 12 km disc at Caracas is about 160 px across its radius.
    const at = `#map=10/${CARACAS[1]}/${CARACAS[0]}`;
    const s = await open(browser);
    await gotoReady(s, at);
    await waitSettled(s.page);
    const plain = await mapImage(s.page, "mapq-caracas-discs");
    const inside = ringMedian(plain, 100, 130),
      outside = ringMedian(plain, 190, 230);
    // Five discs stacked on the city: together they tint it by a few levels at most.
    expect(diff(inside, outside), `${inside} inside vs ${outside} outside`).toBeLessThan(40);

    await gotoReady(s, `${at}&event=${RAID}`);
    await waitSettled(s.page);
    const picked = await mapImage(s.page, "mapq-caracas-selected");
    const selIn = ringMedian(picked, 100, 130),
      selOut = ringMedian(picked, 190, 230);
    expect(diff(selIn, selOut), `${selIn} inside vs ${selOut} outside`).toBeGreaterThan(60);
    expectClean(s);
    await s.close();
  });
});
