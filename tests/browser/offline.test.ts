/**
 * Installable and offline: load once, go offline, reload, and the map is ready with every event
 * and passage, drawn on the embedded basemap, from the service worker's precache
 * (src/sw/sw.ts, src/build/pwa.ts). And the precache holds what it says, within its budget.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Response } from "playwright-core";
import { PRECACHE_BUDGET } from "../../src/build/pwa.ts";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
import { count, event, events, expectClean, mapImage, seedText } from "./helpers.ts";
import { colourFraction } from "./png.ts";
import { precacheEntries, waitControlled } from "./service-worker.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const LAND = ["#f3efe6", "#fbf8f1"];
const RODEO = "el-rodeo-families-waiting";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const md5 = (file: string) => createHash("md5").update(readFileSync(file)).digest("hex");

describe("offline", () => {
  test("load once, go offline, reload: every event, a passage and the basemap, from the precache", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${RODEO}`);
    expect(await waitControlled(s.page)).toBe(new URL("sw.js", baseUrl()).href);

    await s.context.setOffline(true);
    const responses: Response[] = [];
    const failed: string[] = [];
    s.page.on("response", (r) => void responses.push(r));
    s.page.on("requestfailed", (r) => void failed.push(r.url()));
    await s.page.reload();
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });

    expect(await count(s.page)).toEqual({ shown: events().length, total: events().length });
    expect(await s.page.locator("article.event-panel").count()).toBe(1);

    // The event's panel, then its first passage in the reader: the source text, offline.
    const first = event(RODEO).properties.citations[0]!;
    await s.page
      .locator("article.event-panel li.citation")
      .first()
      .getByRole("button", { name: "Read in source" })
      .click();
    const reader = s.page.locator(`article.reader[data-source-id="${first.source}"]`);
    await reader.waitFor();
    await expect.poll(() => reader.locator("mark.cited.chosen").count()).toBeGreaterThan(0);
    const chosen = reader.locator("mark.cited.chosen").first();
    await chosen.waitFor({ state: "visible" });
    expect((await reader.locator("mark.cited.chosen").allTextContents()).join("")).toContain(
      first.exact,
    );
    const opening = seedText(first.source).trim().split("\n")[0]!.slice(0, 40);
    expect(await reader.textContent()).toContain(opening);

    // The basemap drew: land, from byte ranges of the precached archive.
    const img = await mapImage(s.page, "offline-reloaded");
    expect(colourFraction(img, LAND), "land colour").toBeGreaterThan(0.1);
    const archive = responses.filter((r) => r.url().endsWith("/data/basemap/basemap.pmtiles"));
    expect(archive.length, "basemap reads").toBeGreaterThan(1);
    for (const r of archive) {
      expect(r.status()).toBe(206);
      expect(r.fromServiceWorker()).toBe(true);
    }
    const local = responses.filter((r) => r.url().startsWith(new URL(baseUrl()).origin));
    expect(local.filter((r) => !r.fromServiceWorker()).map((r) => r.url())).toEqual([]);
    expect(failed, "requests that failed offline").toEqual([]);
    expectClean(s);
    await s.close();
  });

  test("the embed opens offline too", async () => {
    const s = await open(browser);
    await gotoReady(s, "#embed=1&v=2");
    await waitControlled(s.page);
    await s.context.setOffline(true);
    await s.page.reload();
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    expect((await count(s.page)).total).toBe(events().length);
    expectClean(s);
    await s.close();
  });
});

describe("the precache", () => {
  test("the app, the shipped data, sources, stories and basemap, each versioned, within budget", async () => {
    const sw = await (await fetch(new URL("sw.js", baseUrl()))).text();
    const entries = precacheEntries(sw);
    const urls = entries.map((e) => e.url);
    // The data files carry their content's hash: a changed file is a new entry.
    const revision = (url: string) => entries.find((e) => e.url === url)?.revision;
    expect(revision("data/events.geojson")).toBe(md5(resolve(ROOT, "data/events.geojson")));
    expect(revision("data/sources.json")).toBe(md5(resolve(ROOT, "data/sources.json")));
    expect(revision("data/basemap/basemap.pmtiles")).toBe(
      md5(resolve(ROOT, "data/basemap/basemap.pmtiles")),
    );
    for (const story of readdirSync(resolve(ROOT, "data/stories")))
      expect(revision(`data/stories/${story}`), story).toBe(
        md5(resolve(ROOT, "data/stories", story)),
      );
    for (const seed of readdirSync(resolve(ROOT, "seeds")).filter((f) => f.endsWith(".txt")))
      expect(revision(`seeds/${seed}`), seed).toBe(md5(resolve(ROOT, "seeds", seed)));
    // Built files have a hash in their name instead.
    const assets = urls.filter((u) => u.startsWith("assets/"));
    expect(assets.some((u) => /^assets\/index-[\w-]+\.js$/.test(u))).toBe(true);
    expect(assets.some((u) => /^assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(u))).toBe(true);
    expect(assets.some((u) => u.endsWith(".woff2"))).toBe(true);
    expect(urls).toEqual(expect.arrayContaining(["index.html", "manifest.webmanifest"]));
    // Never a generated dataset, a compressed copy, or the docs.
    expect(urls.filter((u) => /synthetic|\.vsm|\.gz$|\.md$/.test(u))).toEqual([]);

    let bytes = 0;
    for (const url of urls) {
      const res = await fetch(new URL(url, baseUrl()), {
        headers: { "accept-encoding": "identity" },
      });
      expect(res.status, url).toBe(200);
      bytes += (await res.arrayBuffer()).byteLength;
    }
    expect(bytes, "precache bytes").toBeLessThanOrEqual(PRECACHE_BUDGET);
    expect(bytes, "the basemap alone").toBeGreaterThan(
      readFileSync(resolve(ROOT, "data/basemap/basemap.pmtiles")).length,
    );
  });

  test("the web app manifest: installable, with its icons", async () => {
    const html = await (await fetch(baseUrl())).text();
    expect(html.match(/<link rel="manifest" href="\.\/manifest\.webmanifest">/g)).toHaveLength(1);
    expect(html).toMatch(/<meta name="theme-color" content="#ffffff"/);
    const res = await fetch(new URL("manifest.webmanifest", baseUrl()));
    const m = (await res.json()) as Record<string, unknown> & {
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(m).toMatchObject({ start_url: ".", scope: ".", display: "standalone" });
    expect(m.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
    for (const i of m.icons)
      expect((await fetch(new URL(i.src, baseUrl()))).status, i.src).toBe(200);
  });
});
