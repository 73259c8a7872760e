/**
 * A new version is announced, never served silently: a page controlled by the service worker
 * keeps the data it started with when a new deploy changes data/events.geojson; a notice offers
 * "Reload to update", and only that button brings the new data in (src/state/app-update.ts).
 *
 * The test serves its own copy of the built site, so it can deploy a change to it: the events
 * file, and the sw.js whose precache list names that file's new revision, as a build would.
 */
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve, sep } from "node:path";
import type { Browser } from "playwright-core";
import { type PreviewServer, preview } from "vite";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import { launch, open } from "./harness.ts";
import { events, expectClean, saveShot } from "./helpers.ts";
import { precacheEntries, waitControlled } from "./service-worker.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const READY = '[data-testid="map"][data-ready="true"]';

let browser: Browser;
let server: PreviewServer;
let site: string;
let url: string;

beforeAll(async () => {
  const from = inject("distDir");
  site = mkdtempSync(join(tmpdir(), "vsm-update-"));
  const synthetic = join(from, "data", "synthetic");
  cpSync(from, site, {
    recursive: true,
    filter: (src) => src !== synthetic && !src.startsWith(synthetic + sep),
  });
  server = await preview({
    root: ROOT,
    configFile: resolve(ROOT, "vite.config.ts"),
    build: { outDir: site },
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
    logLevel: "warn",
  });
  url = server.resolvedUrls!.local[0]!;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Deploys a changed events file: its new bytes, and a sw.js naming its new revision. */
function deployRetitled(index: number, title: string): void {
  const file = join(site, "data/events.geojson");
  const data = JSON.parse(readFileSync(file, "utf8")) as {
    features: { properties: { title: string } }[];
  };
  data.features[index]!.properties.title = title;
  const bytes = JSON.stringify(data);
  writeFileSync(file, bytes);
  const sw = join(site, "sw.js");
  const source = readFileSync(sw, "utf8");
  const old = precacheEntries(source).find((e) => e.url === "data/events.geojson")!.revision!;
  const revision = createHash("md5").update(bytes).digest("hex");
  writeFileSync(sw, source.replace(old, revision));
}

describe("a new version", () => {
  test('is announced with "Reload to update", and only that button brings it in', async () => {
    const s = await open(browser);
    await s.page.goto(url);
    await s.page.waitForSelector(READY, { timeout: 30_000 });
    await waitControlled(s.page);

    const old = events()[0]!.properties.title;
    const revised = `${old} (revised)`;
    deployRetitled(0, revised);

    // The browser finds the new worker on the next visit; it installs and waits.
    await s.page.reload();
    await s.page.waitForSelector(READY, { timeout: 30_000 });
    const notice = s.page.locator('[data-testid="notice-info"]', { hasText: "new version" });
    await notice.waitFor({ state: "visible", timeout: 30_000 });
    const button = notice.getByRole("button", { name: "Reload to update" });
    expect(await button.isVisible()).toBe(true);
    // Meanwhile the page shows the data it was opened with.
    expect(await s.page.getByText(revised, { exact: true }).count()).toBe(0);
    expect(await s.page.getByText(old, { exact: true }).count()).toBeGreaterThan(0);
    await saveShot(s.page, "update-notice");

    await Promise.all([s.page.waitForEvent("load", { timeout: 30_000 }), button.click()]);
    await s.page.waitForSelector(READY, { timeout: 30_000 });
    await s.page.getByText(revised, { exact: true }).first().waitFor();
    expect(await s.page.getByText(old, { exact: true }).count()).toBe(0);
    expect(await notice.count()).toBe(0);
    expect(
      await s.page.evaluate(async () => {
        const r = await navigator.serviceWorker.getRegistration();
        return { waiting: r?.waiting ?? null, controlled: !!navigator.serviceWorker.controller };
      }),
    ).toEqual({ waiting: null, controlled: true });
    expectClean(s);
    await s.close();
  });
});
