/**
 * docs/nginx.conf, tested (issue 28, item 7): nginx serves the built site with the pages' own
 * policy as a header, hashed assets cached for good and the rest revalidated, the precompressed
 * scripts as they are, the basemap archive by byte ranges, and the app works through it.
 */
import { readFileSync, readdirSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { inject } from "vitest";
import type { Browser } from "playwright-core";
import { contentSecurityPolicy } from "../../src/build/csp.ts";
import { SATELLITE_TILES, STREETS_STYLE } from "../../src/model/basemap.ts";
import { launch, open } from "./harness.ts";
import { count, expectClean } from "./helpers.ts";
import { startNginx, type Nginx } from "./nginx.ts";

const dist = () => inject("distDir");
let nginx: Nginx;
let browser: Browser;
beforeAll(async () => {
  nginx = await startNginx(dist());
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
});

/** A raw GET: the status, headers and bytes as sent (no decompression). */
function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>(
    (ok, fail) => {
      const req = request(new URL(path, nginx.url), { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          ok({
            status: res.statusCode!,
            headers: res.headers as Record<string, string>,
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.on("error", fail).end();
    },
  );
}

const policy = contentSecurityPolicy({ onlineUrls: [STREETS_STYLE, SATELLITE_TILES] }, "header");

describe("docs/nginx.conf", () => {
  test("the page: the build's policy as a header, revalidated on every visit", async () => {
    const r = await get("/");
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^text\/html/);
    expect(r.headers["content-security-policy"]).toBe(policy);
    expect(r.headers["cache-control"]).toBe("no-cache");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
  });

  test("a hashed script: its .gz as it is, cached for a year, with the policy too", async () => {
    const name = readdirSync(join(dist(), "assets")).find((f) => /^index-[\w-]+\.js$/.test(f))!;
    const r = await get(`/assets/${name}`, { "accept-encoding": "gzip" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(r.body.equals(readFileSync(join(dist(), "assets", `${name}.gz`)))).toBe(true);
    expect(r.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(r.headers["content-security-policy"]).toBe(policy);
  });

  test("the basemap archive: byte ranges (206), never compressed, revalidated", async () => {
    const r = await get("/data/basemap/basemap.pmtiles", {
      range: "bytes=0-126",
      "accept-encoding": "gzip",
    });
    expect(r.status).toBe(206);
    expect(r.headers["content-range"]).toMatch(/^bytes 0-126\/\d+$/);
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(r.body.length).toBe(127);
    expect(r.body.subarray(0, 7).toString()).toBe("PMTiles");
    expect(r.headers["cache-control"]).toBe("no-cache");
  });

  test("the data: compressed on the fly, typed, revalidated", async () => {
    const r = await get("/data/events.geojson", { "accept-encoding": "gzip" });
    expect(r.status).toBe(200);
    expect(r.headers["content-type"]).toMatch(/^application\/geo\+json/);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["cache-control"]).toBe("no-cache");
    const seed = readdirSync(join(dist(), "seeds")).find((f) => f.endsWith(".txt"))!;
    const t = await get(`/seeds/${seed}`);
    expect(t.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(t.body.equals(readFileSync(join(dist(), "seeds", seed)))).toBe(true);
  });

  test("the app through it: ready with every event, and no policy violation", async () => {
    const s = await open(browser);
    await s.page.goto(`${nginx.url}#event=caracas-night-raid`);
    await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    await s.page.locator("article.event-panel blockquote").first().waitFor();
    const events = JSON.parse(readFileSync(join(dist(), "data", "events.geojson"), "utf8"));
    expect((await count(s.page)).total).toBe(events.features.length);
    expectClean(s);
    await s.close(); // throws on any securitypolicyviolation
  });
});
