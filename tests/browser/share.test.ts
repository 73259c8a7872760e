/**
 * Issue "Sharing": an event's own page reads without a script and opens that event on the map
 * with one; Share gives the event page's URL with the rest of the view, and the embed code.
 */
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
import type { SituationEvent } from "../../src/model/types.ts";
import { event, expectClean, hashParams, waitHash } from "./helpers.ts";

const RAID = "caracas-night-raid";
const PANEL = "article.event-panel";
const MAP_CANVAS = '[data-testid="map"] canvas.maplibregl-canvas';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("an event's page", () => {
  test("without JavaScript: the whole event, every quote, and its link preview tags", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const res = await page.goto(new URL(`e/${RAID}/`, baseUrl()).href);
    expect(res?.status()).toBe(200);
    expect(page.url()).toBe(new URL(`e/${RAID}/`, baseUrl()).href);
    const e = event(RAID);
    await expect.poll(() => page.locator("h1").textContent()).toBe(e.properties.title);
    const text = (await page.locator("article").textContent())!.replace(/\s+/g, " ");
    for (const c of e.properties.citations) expect(text).toContain(c.exact.replace(/\s+/g, " "));
    expect(await page.locator('meta[property="og:image"]').getAttribute("content")).toBe(
      "preview.png",
    );
    // The preview image loads (it is a real PNG of its stated size).
    const size = await page
      .locator("img.preview")
      .evaluate((img: HTMLImageElement) =>
        img.complete ? [img.naturalWidth, img.naturalHeight] : null,
      );
    expect(size).toEqual([1200, 630]);
    await context.close();
  });

  test("with JavaScript: lands on that event on the map, keeping the link's view", async () => {
    const s = await open(browser);
    const filters = "#cat=raid&from=2026-01-01&v=2";
    await gotoReady(s, filters, `e/${RAID}/`);
    const p = s.page;
    expect(new URL(p.url()).pathname).toBe(new URL(baseUrl()).pathname);
    await expect
      .poll(() => p.locator(`${PANEL} h2`).textContent())
      .toBe(event(RAID).properties.title);
    const params = await hashParams(p);
    expect(params.get("event")).toBe(RAID);
    expect(params.get("cat")).toBe("raid");
    expect(params.get("from")).toBe("2026-01-01");
    expectClean(s);
    await s.close();
  });

  test("a renamed id's page lands on the event it now has", async () => {
    const s = await open(browser);
    await gotoReady(s, "", "e/boat-strikes-caribbean/");
    await waitHash(s.page, /[#&]event=boat-strikes-caribbean-and-pacific(&|$)/);
    await s.page.locator(PANEL).waitFor();
    expectClean(s);
    await s.close();
  });
});

test("the app's own page unfurls too: its tags and the site's preview image", async () => {
  const html = await (await fetch(baseUrl())).text();
  expect(html).toContain('<meta property="og:image" content="preview.png">');
  expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
  const png = PNG.sync.read(
    Buffer.from(await (await fetch(new URL("preview.png", baseUrl()))).arrayBuffer()),
  );
  expect([png.width, png.height]).toEqual([1200, 630]);
});

describe("Share", () => {
  test("with an event open: its page's URL and the view; then the embed code", async () => {
    const s = await open(browser);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await gotoReady(s, `#event=${RAID}&cat=raid&v=2`);
    const p = s.page;
    await p.locator(PANEL).waitFor();
    await p.getByRole("button", { name: "Share", exact: true }).click();
    await expect.poll(() => p.locator(".notices").textContent()).toContain("Link copied");
    const copied = new URL(await p.evaluate(() => navigator.clipboard.readText()));
    expect(copied.pathname).toBe(`${new URL(baseUrl()).pathname}e/${RAID}/`);
    expect(copied.hash).toMatch(/^#(map=[^&]+&)?cat=raid&v=2$/);

    await p.getByRole("button", { name: "Copy embed code" }).click();
    await expect.poll(() => p.locator(".notices").textContent()).toContain("Embed code copied");
    const code = await p.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]+#[^"]*event=caracas-night-raid&amp;[^"]*embed=1/);

    // The shared link, opened, is the same event on the map.
    await gotoReady(s, copied.hash, copied.pathname);
    expect((await hashParams(p)).get("event")).toBe(RAID);
    expectClean(s);
    await s.close();
  });
});

describe("in Spanish", () => {
  test("Share gives the event's Spanish page, which opens the map in Spanish", async () => {
    const s = await open(browser);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await gotoReady(s, `#event=${RAID}&lang=es&v=2`);
    const p = s.page;
    await p.locator(PANEL).waitFor();
    await p.getByRole("button", { name: "Compartir", exact: true }).click();
    await expect.poll(() => p.locator(".notices").textContent()).toContain("Enlace copiado");
    const copied = new URL(await p.evaluate(() => navigator.clipboard.readText()));
    expect(copied.pathname).toBe(`${new URL(baseUrl()).pathname}es/e/${RAID}/`);

    // Read without a script, it is in Spanish; the quotes are as written.
    const plain = await browser.newContext({ javaScriptEnabled: false });
    const page = await plain.newPage();
    await page.goto(copied.href);
    const es = (event(RAID) as unknown as SituationEvent).properties.i18n!.es! as { title: string };
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("h1").textContent()).toBe(es.title);
    expect(await page.locator("a.open-map").textContent()).toBe("Abrir en el mapa");
    const text = (await page.locator("article").textContent())!.replace(/\s+/g, " ");
    for (const c of event(RAID).properties.citations)
      expect(text).toContain(c.exact.replace(/\s+/g, " "));
    await plain.close();

    // With its script, it lands on the map, in Spanish.
    await gotoReady(s, copied.hash, copied.pathname);
    const params = await hashParams(p);
    expect(params.get("event")).toBe(RAID);
    expect(params.get("lang")).toBe("es");
    await expect.poll(() => p.locator(`${PANEL} h2`).textContent()).toContain(es.title);
    expectClean(s);
    await s.close();
  });
});

describe("Save as image and Print", () => {
  test("the saved PNG is the map's size plus its words, and not blank", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${RAID}&cat=raid&v=2`);
    const p = s.page;
    await p.locator(PANEL).waitFor();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Image", exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^venezuela-map-\d{4}-\d{2}-\d{2}\.png$/);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    const map = await p.locator(MAP_CANVAS).evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(png.width).toBe(map[0]);
    // The title and scope above the map, the event, legend and credits below it.
    expect(png.height).toBeGreaterThan(map[1]! + 100);
    // Not blank: the map's band has land, sea, labels and the event in many colours.
    const colours = new Set<number>();
    const top = Math.round(png.height * 0.2) * png.width * 4;
    const bottom = Math.round(png.height * 0.6) * png.width * 4;
    for (let k = top; k < bottom; k += 4 * 37) colours.add(png.data.readUInt32BE(k));
    expect(colours.size).toBeGreaterThan(50);
    expectClean(s);
    await s.close();
  });

  test("on a phone, More offers the image, which saves the view", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s, `#event=${RAID}&v=2`);
    const p = s.page;
    const image = p.getByRole("button", { name: "Image", exact: true });
    expect(await image.isVisible()).toBe(false);
    await p.getByRole("button", { name: "More", exact: true }).tap();
    const box = await image.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    const [download] = await Promise.all([p.waitForEvent("download"), image.tap()]);
    const png = PNG.sync.read(readFileSync((await download.path())!));
    expect(png.width).toBeGreaterThan(300);
    expect(await image.isVisible()).toBe(false);
    expectClean(s);
    await s.close();
  });

  test("Print puts a still of the map beside the event's text, then prints", async () => {
    const s = await open(browser, {
      init: "window.print = () => { window.__printed = (window.__printed || 0) + 1; };",
    });
    await gotoReady(s, `#event=${RAID}&v=2`);
    const p = s.page;
    await p.getByRole("button", { name: "Print", exact: true }).click();
    await p.waitForFunction(() => (window as { __printed?: number }).__printed === 1);
    const still = await p
      .locator("img.print-map")
      .evaluate((img: HTMLImageElement) => [img.naturalWidth, img.naturalHeight]);
    const map = await p.locator(MAP_CANVAS).evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(still).toEqual(map);
    // On paper: the still and the panel side by side, the live canvas and the toolbar left out.
    await p.emulateMedia({ media: "print" });
    const box = (sel: string) => p.locator(sel).boundingBox();
    const [img, panel] = [await box("img.print-map"), await box(PANEL)];
    expect(img!.x + img!.width).toBeLessThanOrEqual(panel!.x);
    expect(await p.locator(".maplibregl-canvas-container").isVisible()).toBe(false);
    expect(await p.locator(".topbar .actions").isVisible()).toBe(false);
    expectClean(s);
    await s.close();
  });
});
