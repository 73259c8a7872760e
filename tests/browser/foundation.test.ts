/**
 * Issue "Foundation": the page becomes ready on its own offline basemap, really draws it (checked
 * in pixels), never leaves localhost, can use an online style (or falls back visibly), and a
 * broken basemap file or tile gives a named error, never a blank page.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import { count, expectClean, MAP, mapImage } from "./helpers.ts";
import { colourFraction, darkFraction, type Image } from "./png.ts";
import {
  closedPort,
  viaPreview,
  ONLINE_LAND,
  ONLINE_SEA,
  onlineStyleInit,
  startStyleServer,
  type StyleServer,
} from "./style-server.ts";
import { tileByteRange } from "./basemap-file.ts";

const SEA = ["#cfe0ea"];
const LAND = ["#f3efe6", "#fbf8f1"];
const BARE = ["#dfe7ec"]; // the sea-coloured background used when the basemap is missing
const stats = (img: Image) => ({
  sea: colourFraction(img, SEA),
  land: colourFraction(img, LAND),
  dark: darkFraction(img),
  magenta: colourFraction(img, [ONLINE_LAND]),
  cyan: colourFraction(img, [ONLINE_SEA]),
  bare: colourFraction(img, BARE),
});
const NO_EVENTS = "q=no-such-words-anywhere"; // hides every event, so the pixels are basemap only

let browser: Browser;
let online: StyleServer;
let failing: StyleServer;
beforeAll(async () => {
  browser = await launch();
  online = await startStyleServer();
  failing = await startStyleServer({ fail: true });
});
afterAll(async () => {
  await browser?.close();
  await online?.close();
  await failing?.close();
});

describe("Foundation: the offline basemap", () => {
  test("becomes ready on the embedded basemap, and the title says where you are", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const map = s.page.locator(MAP);
    expect(await map.getAttribute("data-ready")).toBe("true");
    expect(await map.getAttribute("data-basemap")).toBe("embedded");
    expect(await map.getAttribute("data-events")).toBe("clustered");
    expect(await s.page.title()).toMatch(/Venezuela situation map/);
    await expect.poll(() => s.page.locator("h1").textContent()).toMatch(/Venezuela situation map/);
    expect(await s.page.locator(".topbar .sub").textContent()).toBe("US–Venezuela crisis, 2025–26");
    expect((await count(s.page)).total).toBeGreaterThan(0);
    expectClean(s);
    await s.close();
  });

  test("draws the map once everything for the view is in, not in partial frames before", async () => {
    // Each WebGL draw call's time, and the frame the map is ready in: no draw before the basemap's
    // load (its tiles and the events' sources in), and the ready frame drew the events.
    // And the map says "Loading the map…" (data-first-draw) from when its WebGL context is made
    // until it is first drawn.
    const init = `(() => {
      const P = WebGL2RenderingContext.prototype, first = { at: null, pendingAtContext: null, pendingAtDraw: null };
      window.__firstDraw = first;
      const attr = () => document.querySelector('[data-testid="map"]')?.getAttribute("data-first-draw") ?? null;
      const gc = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...a) {
        if (type === "webgl2" && first.pendingAtContext === null) first.pendingAtContext = attr();
        return gc.call(this, type, ...a);
      };
      for (const f of ["drawArrays", "drawElements"]) {
        const o = P[f];
        P[f] = function (...a) { if (first.at === null) { first.at = performance.now(); first.pendingAtDraw = attr(); } return o.apply(this, a); };
      }
    })()`;
    const s = await open(browser, { init });
    await gotoReady(s);
    const first = await s.page.evaluate(
      () =>
        (
          window as unknown as {
            __firstDraw: { pendingAtContext: string | null; pendingAtDraw: string | null };
          }
        ).__firstDraw,
    );
    expect(first.pendingAtContext, "loading notice while the map waits").toBe("pending");
    expect(first.pendingAtDraw, "no loading notice once it draws").toBeNull();
    expect(await s.page.locator(MAP).getAttribute("data-first-draw")).toBeNull();
    const t = await s.page.evaluate(() => ({
      firstDraw: (window as unknown as { __firstDraw: { at: number | null } }).__firstDraw.at,
      mapLoad: performance.getEntriesByName("vsm:map-load")[0]?.startTime ?? null,
      idle: performance.getEntriesByName("vsm:idle")[0]?.startTime ?? null,
      ready: performance.getEntriesByName("vsm:ready")[0]?.startTime ?? null,
    }));
    expect(t.mapLoad, "the basemap's load was marked").not.toBeNull();
    expect(t.firstDraw, "the map drew").not.toBeNull();
    expect(t.firstDraw!, "first draw call after the basemap's load").toBeGreaterThanOrEqual(
      t.mapLoad!,
    );
    // Ready comes after MapLibre went idle with the events drawn, once that frame was composited.
    expect(t.idle!).toBeGreaterThan(t.firstDraw!);
    expect(t.ready!).toBeGreaterThan(t.idle!);
    expectClean(s);
    await s.close();
  });

  test("really draws land, sea and labels at the opening view", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const withEvents = stats(await mapImage(s.page, "foundation-default-map"));
    expect(withEvents.sea, "sea colour").toBeGreaterThan(0.05);
    expect(withEvents.land, "land colour").toBeGreaterThan(0.25);
    expect(withEvents.dark, "dark label/marker pixels").toBeGreaterThan(0.001);
    expectClean(s);
    await s.close();
    const b = await open(browser);
    await gotoReady(b, `#${NO_EVENTS}`);
    expect((await count(b.page)).shown).toBe(0);
    const bare = stats(await mapImage(b.page, "foundation-basemap-only"));
    expect(bare.sea, "sea colour, basemap only").toBeGreaterThan(0.2);
    expect(bare.land, "land colour, basemap only").toBeGreaterThan(0.3);
    // With every event hidden, the dark pixels can only be place labels (and their dots).
    expect(bare.dark, "label text pixels").toBeGreaterThan(0.0008);
    expectClean(b);
    await b.close();
  });

  test("still draws land, sea and labels at zoom 11 over Caracas", async () => {
    const s = await open(browser);
    await gotoReady(s, `#map=11/10.5/-66.9&${NO_EVENTS}`);
    expect(await s.page.evaluate(() => location.hash)).toMatch(/^#map=11\/10\.5\/-66\.9&/);
    const z11 = stats(await mapImage(s.page, "foundation-caracas-z11"));
    expect(z11.land, "land colour").toBeGreaterThan(0.5);
    expect(z11.sea, "sea colour (the coast north of La Guaira)").toBeGreaterThan(0.001);
    expect(z11.dark, "label text pixels").toBeGreaterThan(0.0003);
    expectClean(s);
    await s.close();
  });

  test("no request leaves localhost: tiles and fonts come from the site itself", async () => {
    const s = await open(browser);
    await gotoReady(s, "#map=11/10.5/-66.9");
    expect(s.offsite).toEqual([]);
    const origin = new URL(s.page.url()).origin;
    const local = s.requests.filter((u) => u.startsWith(origin));
    expect(
      local.some((u) => /\/data\/basemap\/basemap\.pmtiles$/.test(u)),
      "the basemap archive",
    ).toBe(true);
    expect(
      local.some((u) => /\.woff2$/.test(u)),
      "a .woff2 font",
    ).toBe(true);
    expect(
      local.some((u) => /\/data\/events\.geojson$/.test(u)),
      "events",
    ).toBe(true);
    expectClean(s);
    await s.close();
  });
});

describe("Foundation: online basemap style", () => {
  test("a configured online style is used and drawn", async () => {
    const s = await open(browser, { init: onlineStyleInit(online.styleUrl) });
    await gotoReady(s);
    expect(await s.page.locator(MAP).getAttribute("data-basemap")).toBe("online");
    const img = stats(await mapImage(s.page, "foundation-online-style"));
    expect(img.magenta, "online land colour").toBeGreaterThan(0.2);
    expect(img.cyan, "online sea colour").toBeGreaterThan(0.03);
    expect(img.land + img.sea, "embedded colours").toBeLessThan(0.01);
    expect(online.hits).toContain("/style.json");
    expect(
      online.hits.some((h) => /^\/tiles\/\d+\/\d+\/\d+\.pbf$/.test(h)),
      "online tiles requested",
    ).toBe(true);
    await expect.poll(() => s.page.locator('[data-testid^="notice"]').count()).toBe(0);
    expectClean(s);
    await s.close();
  });

  for (const kind of ["HTTP 500", "closed port"] as const) {
    test(`a failing style URL (${kind}) falls back to the embedded basemap with a notice`, async () => {
      const url =
        kind === "HTTP 500" ? failing.styleUrl : `${viaPreview(await closedPort())}/style.json`;
      const s = await open(browser, { init: onlineStyleInit(url) });
      await gotoReady(s);
      expect(await s.page.locator(MAP).getAttribute("data-basemap")).toBe("fallback");
      const notice = s.page.locator('[data-testid="notice-info"]', { hasText: url });
      await notice.waitFor({ state: "visible" });
      const img = stats(await mapImage(s.page, `foundation-fallback-${kind.replace(" ", "-")}`));
      expect(img.sea).toBeGreaterThan(0.05);
      expect(img.land).toBeGreaterThan(0.25);
      // The only console error allowed is the browser's own report of the failed fetch.
      expectClean(s, /Failed to load resource/);
      await notice.getByRole("button", { name: "Dismiss notice" }).click();
      await notice.waitFor({ state: "detached" });
      await s.close();
    });
  }
});

describe("Foundation: bad input is named, never a blank page", () => {
  test("a missing basemap archive: error notice naming the file, events still on the map", async () => {
    const s = await open(browser);
    await s.page.route("**/data/basemap/basemap.pmtiles", (r) =>
      r.fulfill({ status: 404, body: "not here" }),
    );
    await gotoReady(s);
    expect(await s.page.locator(MAP).getAttribute("data-basemap")).toBe("error");
    const notice = s.page.locator('[data-testid="notice-error"]', {
      hasText: "data/basemap/basemap.pmtiles",
    });
    await notice.waitFor({ state: "visible" });
    expect(s.consoleErrors.some((m) => m.includes("data/basemap/basemap.pmtiles"))).toBe(true);
    const { shown, total } = await count(s.page);
    expect(shown).toBe(total);
    expect(await s.page.locator("button.row[data-event-id]").count()).toBe(total);
    const img = stats(await mapImage(s.page, "foundation-no-archive"));
    expect(img.bare, "bare background").toBeGreaterThan(0.3);
    expect(img.bare, "markers and areas drawn over it").toBeLessThan(0.98);
    expect(img.dark, "cluster markers").toBeGreaterThan(0.001);
    expect(s.pageErrors).toEqual([]);
    expect(s.offsite).toEqual([]);
    await s.close();
  });

  test("a corrupt tile: error notice naming the tile, the rest of the basemap drawn", async () => {
    const s = await open(browser);
    const tile = "data/basemap/basemap.pmtiles/4/5/7"; // the zoom-4 tile holding Caracas, in the archive
    const { start, end, size } = await tileByteRange(4, 5, 7);
    let served = 0;
    // Its bytes in the archive are replaced with garbage of the same length; every other range passes.
    await s.page.route("**/data/basemap/basemap.pmtiles", (r) => {
      if (r.request().headers().range !== `bytes=${start}-${end}`) return r.continue();
      served++;
      const garbage = Buffer.alloc(
        end - start + 1,
        "this is not a vector tile \u0000\u00ff garbage ",
        "latin1",
      );
      return r.fulfill({
        status: 206,
        headers: {
          "Content-Range": `bytes ${start}-${end}/${size}`,
          "Content-Type": "application/vnd.pmtiles",
        },
        body: garbage,
      });
    });
    await gotoReady(s);
    expect(served).toBeGreaterThan(0);
    const notice = s.page.locator('[data-testid="notice-error"]', { hasText: "Basemap" });
    await notice.waitFor({ state: "visible" });
    expect(await notice.textContent()).toContain(tile);
    const img = stats(await mapImage(s.page, "foundation-corrupt-tile"));
    expect(img.sea + img.land, "basemap still drawn elsewhere").toBeGreaterThan(0.2);
    expect((await count(s.page)).shown).toBeGreaterThan(0);
    expect(s.pageErrors).toEqual([]);
    expect(s.offsite).toEqual([]);
    await s.close();
  });
});
