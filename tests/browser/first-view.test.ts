/**
 * The first view comes from the data, not the map (issue 28): the list, and a linked event's
 * panel with its quote, are on screen while the map library is still on its way. The library's
 * chunk is held back here to prove it; the timings themselves are the bench's (first view table).
 */
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, launch, open } from "./harness.ts";
import { expectClean } from "./helpers.ts";

const RAID = "caracas-night-raid";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A script and, recursively, every chunk it imports statically (not with `import()`). */
async function staticChunks(
  url: URL,
  seen = new Map<string, Buffer>(),
): Promise<Map<string, Buffer>> {
  if (seen.has(url.href)) return seen;
  const code = Buffer.from(await (await fetch(url)).arrayBuffer());
  seen.set(url.href, code);
  for (const m of code.toString("utf8").matchAll(/(?:from|import)\s*"(\.\/[^"]+\.js)"/g))
    await staticChunks(new URL(m[1]!, url), seen);
  return seen;
}

describe("the first view, before the map", () => {
  const views = [
    ["the list is drawn", "", ".event-list button.row .row-title"],
    [
      "a linked event's panel and its quote are drawn",
      `#event=${RAID}`,
      "article.event-panel blockquote",
    ],
  ] as const;
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ] as const)
    for (const [what, hash, text] of views)
      test(`at ${width}: ${what} while MapLibre is held back`, async () => {
        const s = await open(browser, { width, height });
        let release!: () => void;
        const held = new Promise<void>((r) => (release = r));
        let asked = false;
        await s.page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
          asked = true;
          await held;
          await route.fallback();
        });
        await s.page.goto(`${baseUrl()}${hash}`);
        const shown = s.page.locator(text).first();
        await shown.waitFor({ timeout: 15_000 });
        expect((await shown.textContent())?.trim().length).toBeGreaterThan(10);
        expect(asked, "the map library was asked for").toBe(true);
        expect(await s.page.locator('[data-testid="map"][data-ready="true"]').count()).toBe(0);
        // The map's place says it is coming ("Loading the map…").
        expect(await s.page.locator('[data-testid="map"][data-first-draw="pending"]').count()).toBe(
          1,
        );
        release();
        await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
        expectClean(s);
        await s.close();
      });

  test("when the map library cannot be had, the list still works and the map says why", async () => {
    const s = await open(browser);
    await s.page.route(/\/assets\/maplibre-[^/]*\.js$/, (route) => route.abort("failed"));
    await s.page.goto(baseUrl());
    await s.page.locator(".event-list button.row").first().waitFor({ timeout: 15_000 });
    await expect
      .poll(() => s.page.locator(".notices").textContent(), { timeout: 15_000 })
      .toContain("The map could not be loaded");
    expect(await s.page.locator('[data-testid="map"][data-first-draw]').count()).toBe(0);
    await s.page.locator(".event-list button.row").first().click();
    await s.page.locator("article.event-panel blockquote").first().waitFor();
    expectClean(s, /Failed to load resource|maplibre|dynamically imported module/i);
    await s.close();
  });

  test("the first chunk holds no map library, and is at most 60 KB gzip", async () => {
    const html = await (await fetch(baseUrl())).text();
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    expect(entry, "the page's entry script").toMatch(/assets\/index-[\w-]+\.js$/);
    // The entry and the chunks it imports statically (solid-js, and modules it shares with the
    // lazy views, which the bundler may put in chunks of their own): all are loaded before the
    // first paint, so all count.
    const chunks = await staticChunks(new URL(entry!, baseUrl()));
    expect(chunks.size).toBeGreaterThan(0);
    let gzipped = 0;
    for (const code of chunks.values()) {
      // A function only MapLibre defines: its code is in its own chunk, loaded by MapPane.
      expect(code.includes("setRTLTextPlugin")).toBe(false);
      gzipped += gzipSync(code, { level: 9 }).length;
    }
    expect(gzipped).toBeLessThanOrEqual(60 * 1024);
  });
});

describe("the map's chunks are fetched from the HTML (src/build/preload-map.ts)", () => {
  test("the page preloads MapLibre and our map code, and each named file is served", async () => {
    const html = await (await fetch(baseUrl())).text();
    const hrefs = [
      ...html.matchAll(/<link rel="modulepreload" crossorigin="" href="([^"]+)">/g),
    ].map((m) => m[1]!);
    expect(hrefs.some((h) => /assets\/maplibre-[\w-]+\.js$/.test(h))).toBe(true);
    expect(hrefs.some((h) => /assets\/map-controller-[\w-]+\.js$/.test(h))).toBe(true);
    for (const h of hrefs) {
      const res = await fetch(new URL(h, baseUrl()));
      expect(res.status, h).toBe(200);
      expect(res.headers.get("content-type"), h).toMatch(/javascript/);
    }
    // Preloaded, not run: the library is evaluated only when MapPane imports it.
    const entry = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
    const chunks = await staticChunks(new URL(entry!, baseUrl()));
    for (const h of hrefs) expect(chunks.has(new URL(h, baseUrl()).href), h).toBe(false);
  });
});

/** Counts the WebGL programs the page links, each named by its length and the paint values it
 * takes as constants (MapLibre makes one program per layer type and set of those). */
const COUNT_PROGRAMS = `(() => {
  const programs = (window.__programs = []);
  const sources = new WeakMap();
  for (const C of [WebGL2RenderingContext, WebGLRenderingContext]) {
    const P = C.prototype;
    const shaderSource = P.shaderSource;
    P.shaderSource = function (shader, text) {
      sources.set(shader, text);
      return shaderSource.call(this, shader, text);
    };
    const attachShader = P.attachShader;
    P.attachShader = function (program, shader) {
      sources.set(program, (sources.get(program) || "") + (sources.get(shader) || ""));
      return attachShader.call(this, program, shader);
    };
    const linkProgram = P.linkProgram;
    P.linkProgram = function (program) {
      const text = sources.get(program) || "";
      const uniform = [...new Set(text.match(/(?<=#define HAS_UNIFORM_u_)\\w+/g) || [])];
      programs.push(text.length + " chars, constant: " + uniform.join(","));
      return linkProgram.call(this, program);
    };
  }
})();`;

describe("the opening view's first frame (a program is compiled in software here)", () => {
  test("links at most 8 WebGL programs: layers of a type share one where they can", async () => {
    const s = await open(browser, { init: COUNT_PROGRAMS });
    await s.page.goto(baseUrl());
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    const programs = await s.page.evaluate(() => (window as { __programs?: string[] }).__programs);
    expect(programs!.length, programs!.join("\n")).toBeGreaterThan(3);
    expect(programs!.length, programs!.join("\n")).toBeLessThanOrEqual(8);
    expectClean(s);
    await s.close();
  });
});
