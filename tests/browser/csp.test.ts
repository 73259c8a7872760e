/**
 * The built site carries its Content-Security-Policy (src/build/csp.ts) as a meta tag and, from
 * the preview server, as a header; and no main view needs more than it allows. Every other browser
 * test fails on a violation too (harness.ts); this one walks the main views on purpose, and shows
 * that a violation is seen at all.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
import { clickMapCentre, expectClean } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const VIEWS: [string, string][] = [
  ["home", ""],
  ["event open", "#event=el-rodeo-families-waiting&v=2"],
  ["source reader", "#source=002_bf7bde4e343e88ef&passage=4327-4385&v=2"],
  ["embed", "#embed=1&v=2"],
  ["story", "#story=carrier-to-raid&step=3&v=2"],
  ["curate mode", "#curate=1&v=2"],
  ["curate: drawing an area", "#curate=1&event=caracas-night-raid&v=2"],
  ["Spanish: home", "#lang=es&v=2"],
  ["Spanish: event open", "#event=el-rodeo-families-waiting&lang=es&v=2"],
  ["Spanish: story", "#story=carrier-to-raid&step=3&lang=es&v=2"],
  ["Spanish: curate mode", "#curate=1&lang=es&v=2"],
];

describe("Content-Security-Policy", () => {
  test("the page and the preview server state the policy", async () => {
    const res = await fetch(baseUrl());
    const header = res.headers.get("content-security-policy") ?? "";
    expect(header).toMatch(/(^|; )default-src 'self'(;|$)/);
    expect(header).toMatch(/(^|; )script-src 'self'(;|$)/);
    expect(header).toMatch(/(^|; )object-src 'none'(;|$)/);
    expect(header).toMatch(/(^|; )frame-ancestors \*(;|$)/);
    const html = await res.text();
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src/);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  for (const width of [1280, 390]) {
    test(`no view needs more than the policy allows (${width} px)`, async () => {
      const s = await open(browser, { width, height: width > 500 ? 800 : 844 });
      for (const [name, hash] of VIEWS) {
        await gotoReady(s, hash);
        if (name === "home") {
          await s.page.locator('button[aria-controls="filters"]').click();
          await s.page.locator("#filters").waitFor({ state: "visible" });
        }
        // The panel validates the draft in the page: Ajv's eval would be a violation here.
        if (name === "curate mode") await s.page.locator("#problems-heading").waitFor();
        // terra-draw (its own chunk) adds its sources and layers while the curator draws.
        if (name === "curate: drawing an area") {
          await s.page.getByRole("button", { name: "Draw an area" }).click();
          await s.page.locator('[data-testid="map"][data-drawing="Polygon"]').waitFor();
          await clickMapCentre(s.page);
        }
        await s.page.waitForTimeout(500);
        expect(s.cspViolations, name).toEqual([]);
      }
      expectClean(s);
      await s.close();
    });
  }

  test("the build's own pages need no more than the policy allows, and carry it", async () => {
    const s = await open(browser);
    // The event page as read before its script opens the app (that script is answered empty).
    await s.page.route("**/open-event-*.js", (r) =>
      r.fulfill({ body: "", contentType: "text/javascript" }),
    );
    for (const path of [
      "e/caracas-night-raid/",
      "s/002_bf7bde4e343e88ef/",
      "es/e/caracas-night-raid/",
      "es/s/002_bf7bde4e343e88ef/",
    ]) {
      const html = await (await fetch(new URL(path, baseUrl()))).text();
      expect(html, path).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src/);
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
      await s.page.goto(new URL(path, baseUrl()).href);
      await s.page.locator("main h1").waitFor();
      await s.page.waitForLoadState("load");
      expect(s.cspViolations, path).toEqual([]);
    }
    expectClean(s);
    await s.close();
  });

  test("an injected inline script is blocked, and reported", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const ran = await s.page.evaluate(() => {
      const script = document.createElement("script");
      script.textContent = "window.__injected = true";
      document.head.append(script);
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
    await expect.poll(() => s.cspViolations).toContainEqual(expect.stringMatching(/^script-src/));
    s.cspViolations.length = 0;
    await s.close();
  });
});
