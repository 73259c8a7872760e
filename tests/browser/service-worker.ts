/**
 * Helpers for the service worker tests: waiting until the worker controls the page, and the
 * precache list as the built sw.js carries it.
 */
import type { Page } from "playwright-core";

/** Waits until an activated service worker controls the page; returns its script URL. */
export async function waitControlled(page: Page, timeout = 60_000): Promise<string> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  return page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);
}

export interface PrecacheEntry {
  url: string;
  revision: string | null;
}

/** The precache list Workbox wrote into a built sw.js. */
export function precacheEntries(swSource: string): PrecacheEntry[] {
  const m = /(\[\{"revision":[^\]]*\])/.exec(swSource);
  if (!m) throw new Error("no precache list in sw.js");
  return JSON.parse(m[1]!) as PrecacheEntry[];
}
