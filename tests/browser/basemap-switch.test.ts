/**
 * Issue 29, item 5: the basemap switcher. Each choice (offline, streets, satellite — the online
 * ones served from 127.0.0.1, see style-server.ts) is drawn, written into the link and
 * remembered, and switching keeps the camera, the events and the selection. A link's invalid
 * basemap is ignored as text, and a failing online basemap falls back to the embedded map with a
 * notice naming it.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { gotoReady, launch, open, type Session } from "./harness.ts";
import {
  centreOn,
  expectClean,
  focused,
  expectVisibleFocus,
  hashParams,
  MAP,
  mapImage,
  saveShot,
  tabUntil,
} from "./helpers.ts";
import { colourFraction, type Image } from "./png.ts";
import {
  basemapsInit,
  closedPort,
  viaPreview,
  SATELLITE_COLOUR,
  startStyleServer,
  STREETS_LAND,
  STREETS_SEA,
  type StyleServer,
} from "./style-server.ts";

const EMBEDDED = ["#cfe0ea", "#f3efe6", "#fbf8f1"];
/** The selection's halo and outline (event-layers.ts), drawn over any basemap. */
const SELECTED = ["#111827"];
/** An event east of Caracas, clear of the city's wide event areas, and the camera on it at
 * zoom 12: most of the view is basemap, and the selection is at its centre. */
const EVENT = "el-rodeo-families-waiting";
const VIEW = `${centreOn(EVENT, 12)}&event=${EVENT}&v=2`;
const SATELLITE_CREDIT =
  "Sentinel-2 cloudless - https://s2maps.eu by EOX IT Services GmbH (Contains modified Copernicus Sentinel data 2016 & 2017)";

let browser: Browser;
let server: StyleServer;
let failing: StyleServer;
beforeAll(async () => {
  browser = await launch();
  server = await startStyleServer();
  failing = await startStyleServer({ fail: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await failing?.close();
});

/** Waits until the map shows `kind` as the drawn basemap (not while a switch is under way). */
async function shown(page: Page, kind: string): Promise<void> {
  await page.waitForSelector(`${MAP}[data-basemap="${kind}"]:not([data-switching])`, {
    timeout: 20_000,
  });
}

/** The map's pixels, and those of a box around its centre, where VIEW puts the selected event. */
async function pixels(page: Page, name: string): Promise<{ all: Image; centre: Image }> {
  const img = await mapImage(page, name);
  const w = 80;
  const x0 = Math.round(img.width / 2 - w / 2);
  const y0 = Math.round(img.height / 2 - w / 2);
  const rgba = new Uint8Array(w * w * 4);
  for (let y = 0; y < w; y++)
    rgba.set(
      img.rgba.subarray(((y0 + y) * img.width + x0) * 4, ((y0 + y) * img.width + x0 + w) * 4),
      y * w * 4,
    );
  return { all: img, centre: { width: w, height: w, rgba } };
}

async function choose(page: Page, label: string): Promise<void> {
  await page.getByRole("radio", { name: label }).check();
}

async function cameraAndEvent(page: Page): Promise<[string | undefined, string | undefined]> {
  const h = await hashParams(page);
  return [h.get("map"), h.get("event")];
}

describe("Basemap switcher", () => {
  test("each basemap is drawn in turn, in the link, with the camera, events and selection kept", async () => {
    const s = await open(browser, { init: basemapsInit(server) });
    await gotoReady(s, VIEW);
    const map = s.page.locator(MAP);
    expect(await map.getAttribute("data-basemap")).toBe("embedded");
    expect(await s.page.getByRole("radio", { name: "Offline" }).isChecked()).toBe(true);
    await saveShot(s.page, "basemap-switcher-1280");
    const before = await cameraAndEvent(s.page);
    expect(before[1]).toBe(EVENT);

    await choose(s.page, "Streets");
    await shown(s.page, "streets");
    await expect.poll(async () => (await hashParams(s.page)).get("basemap")).toBe("streets");
    const streets = await pixels(s.page, "basemap-streets-map");
    expect(colourFraction(streets.all, [STREETS_LAND, STREETS_SEA]), "streets").toBeGreaterThan(
      0.5,
    );
    expect(colourFraction(streets.all, EMBEDDED), "embedded colours").toBeLessThan(0.01);
    expect(colourFraction(streets.centre, SELECTED), "the selection, drawn again").toBeGreaterThan(
      0.01,
    );
    expect(server.hits).toContain("/streets.json");
    await saveShot(s.page, "basemap-streets-1280");

    await choose(s.page, "Satellite");
    await shown(s.page, "satellite");
    await expect.poll(async () => (await hashParams(s.page)).get("basemap")).toBe("satellite");
    const sat = await pixels(s.page, "basemap-satellite-map");
    expect(colourFraction(sat.all, [SATELLITE_COLOUR]), "imagery").toBeGreaterThan(0.5);
    expect(colourFraction(sat.centre, SELECTED), "the selection, drawn again").toBeGreaterThan(
      0.01,
    );
    expect(server.hits.some((h) => /^\/satellite\/\d+\/\d+\/\d+\.png$/.test(h))).toBe(true);
    // The imagery's credit, word for word, and shown (not folded away).
    const credit = s.page.locator(".maplibregl-ctrl-attrib-inner");
    expect(await credit.textContent()).toContain(SATELLITE_CREDIT);
    expect(await credit.isVisible()).toBe(true);
    await saveShot(s.page, "basemap-satellite-1280");

    await choose(s.page, "Offline");
    await shown(s.page, "embedded");
    await expect.poll(async () => (await hashParams(s.page)).has("basemap")).toBe(false);
    const back = await pixels(s.page, "basemap-embedded-map");
    expect(colourFraction(back.all, EMBEDDED), "embedded colours again").toBeGreaterThan(0.5);
    expect(colourFraction(back.centre, SELECTED)).toBeGreaterThan(0.01);

    // Neither the camera nor the selection moved through three switches.
    expect(await cameraAndEvent(s.page)).toEqual(before);
    expect(await s.page.locator(`.event-panel[data-event-id="${EVENT}"]`).isVisible()).toBe(true);
    expect(await map.getAttribute("data-events")).toBe("clustered");
    expectClean(s);
    await s.close();
  });

  test("the choice is remembered for a link without basemap=, and a link's own wins", async () => {
    const s = await open(browser, { init: basemapsInit(server) });
    await gotoReady(s, "#map=6/9/-66&v=2");
    await choose(s.page, "Satellite");
    await shown(s.page, "satellite");
    expect(await s.page.evaluate(() => localStorage.getItem("vsm.basemap"))).toBe("satellite");

    await gotoReady(s, "#map=6/9/-66&v=2");
    await shown(s.page, "satellite");
    expect(await s.page.getByRole("radio", { name: "Satellite" }).isChecked()).toBe(true);

    await gotoReady(s, "#map=6/9/-66&basemap=streets&v=2");
    await shown(s.page, "streets");
    // A link's choice is shown, not remembered.
    expect(await s.page.evaluate(() => localStorage.getItem("vsm.basemap"))).toBe("satellite");
    expectClean(s);
    await s.close();
  });

  test("keyboard: Tab reaches the group, arrows choose, the focus is drawn", async () => {
    const s = await open(browser, { init: basemapsInit(server) });
    await gotoReady(s, "#map=6/9/-66&v=2");
    const f = await tabUntil(s.page, (x) => x.cls === "bm-radio");
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe(
      "basemap",
    );
    expect(f.focusVisible).toBe(true);
    // The outline is the label's (the radio itself is transparent over it).
    const outline = await s.page.evaluate(
      () => getComputedStyle(document.activeElement!.parentElement!).outlineStyle,
    );
    expect(outline).not.toBe("none");
    await s.page.keyboard.press("ArrowRight");
    await shown(s.page, "streets");
    expect(await s.page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(
      "streets",
    );
    expectVisibleFocus({ ...(await focused(s.page)), outline: "solid 3px" });
    expectClean(s);
    await s.close();
  });

  test("phone, 390 px: 44 px touch targets, clear of the legend and the credit; a tap switches", async () => {
    const s = await open(browser, { width: 390, height: 844, init: basemapsInit(server) });
    // Zoom 10: on a phone's small map, zoom 12 is all inside the event's own area.
    await gotoReady(s, `${centreOn(EVENT, 10)}&event=${EVENT}&v=2`);
    const boxes = await s.page
      .locator(".bm-option")
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes).toHaveLength(3);
    for (const b of boxes) expect(b.height).toBeGreaterThanOrEqual(44);
    const mapBox = (await s.page.locator(MAP).boundingBox())!;
    const overlaps = (sel: string) =>
      s.page.locator(sel).evaluate((el, bs) => {
        const r = el.getBoundingClientRect();
        return bs.some(
          (b) => b.left < r.right && r.left < b.right && b.top < r.bottom && r.top < b.bottom,
        );
      }, boxes);
    expect(await overlaps(".legend"), "legend").toBe(false);
    expect(await overlaps(".maplibregl-ctrl-attrib"), "credit").toBe(false);
    for (const b of boxes) expect(b.bottom).toBeLessThanOrEqual(mapBox.y + mapBox.height);
    await saveShot(s.page, "basemap-switcher-390");
    await s.page.getByRole("radio", { name: "Satellite" }).tap();
    await shown(s.page, "satellite");
    const sat = await pixels(s.page, "basemap-satellite-390-map");
    expect(colourFraction(sat.all, [SATELLITE_COLOUR])).toBeGreaterThan(0.5);
    expect(colourFraction(sat.centre, SELECTED)).toBeGreaterThan(0.01);
    await saveShot(s.page, "basemap-satellite-390");
    expectClean(s);
    await s.close();
  });

  test("embed: no switcher (the iframe's link picks), basemap= still applies", async () => {
    const s = await open(browser, { init: basemapsInit(server) });
    await gotoReady(s, "#map=6/9/-66&embed=1&basemap=satellite&v=2");
    await shown(s.page, "satellite");
    expect(await s.page.locator('[data-testid="basemap-switcher"]').count()).toBe(0);
    expectClean(s);
    await s.close();
  });
});

describe("Basemap switcher: bad links and failing services", () => {
  test("an invalid basemap= is ignored, named as text in a notice, never rendered", async () => {
    const s = await open(browser, { init: basemapsInit(server) });
    const evil = "<img src=x onerror=alert(1)>";
    await gotoReady(s, `#map=6/9/-66&basemap=${encodeURIComponent(evil)}&v=2`);
    expect(await s.page.locator(MAP).getAttribute("data-basemap")).toBe("embedded");
    const notice = s.page.locator('[data-testid="notice-info"]', { hasText: "basemap" });
    await notice.waitFor({ state: "visible" });
    expect(await notice.textContent()).toContain(evil);
    expect(await s.page.locator("img[src=x]").count()).toBe(0);
    expect(await s.page.getByRole("radio", { name: "Offline" }).isChecked()).toBe(true);
    expectClean(s);
    await s.close();
  });

  const cases: [string, (port: number) => { init: string; url: string }][] = [
    ["streets, HTTP 500", () => ({ init: basemapsInit(failing), url: failing.streetsUrl })],
    [
      "streets, nothing listening",
      (port) => {
        const url = `${viaPreview(port)}/streets.json`;
        return { init: basemapsInit({ ...server, streetsUrl: url }), url };
      },
    ],
    ["satellite, HTTP 500", () => ({ init: basemapsInit(failing), url: failing.satelliteTiles })],
  ];
  test.each(cases)(
    "%s: the embedded map with a notice, events and selection kept",
    async (name, make) => {
      const { init, url } = make(await closedPort());
      const choice = name.startsWith("streets") ? "Streets" : "Satellite";
      const s: Session = await open(browser, { init });
      await gotoReady(s, VIEW);
      const before = await cameraAndEvent(s.page);
      await choose(s.page, choice);
      await shown(s.page, "fallback");
      const notice = s.page.locator('[data-testid="notice-info"]', { hasText: url });
      await notice.waitFor({ state: "visible" });
      expect(await notice.textContent()).toMatch(/showing the embedded offline basemap/);
      // The switcher shows the choice as not drawn (struck through), not as the map on screen.
      const option = s.page.locator(".bm-option", { hasText: choice });
      expect(await option.evaluate((el) => getComputedStyle(el).textDecorationLine)).toBe(
        "line-through",
      );
      const img = await pixels(s.page, `basemap-fallback-${choice.toLowerCase()}`);
      expect(colourFraction(img.all, EMBEDDED), "embedded colours").toBeGreaterThan(0.5);
      expect(colourFraction(img.centre, SELECTED), "the selection").toBeGreaterThan(0.01);
      expect(await cameraAndEvent(s.page)).toEqual(before);
      // The only console error allowed is the browser's own report of the failed fetch.
      expectClean(s, /Failed to load resource/);
      await s.close();
    },
  );
});
