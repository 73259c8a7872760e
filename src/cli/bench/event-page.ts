/**
 * An event page's first contentful paint (issue "Sharing": its text must be on screen before the
 * app and the map's scripts). The page's script replaces it with the app after its first paint,
 * so the paint entry is kept in sessionStorage, which survives that same-origin navigation.
 */
import type { Browser } from "playwright-core";
import { fmtMs, type Stat, stat } from "./stats.ts";

const KEY = "vsm-bench:event-page-fcp";
const RECORD_FCP = `
if (location.pathname.includes("/e/"))
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      if (e.name === "first-contentful-paint") sessionStorage.setItem(${JSON.stringify(KEY)}, String(e.startTime));
  }).observe({ type: "paint", buffered: true });`;

/** One cold load of `e/<id>/` per run, each in a fresh context; null where it never painted. */
export async function measureEventPage(
  browser: Browser,
  baseUrl: string,
  id: string,
  runs: number,
): Promise<Stat> {
  const fcp: (number | null)[] = [];
  for (let k = 0; k < runs; k++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.addInitScript(RECORD_FCP);
      const page = await context.newPage();
      await page.goto(new URL(`e/${id}/`, baseUrl).href);
      // Landed on the app (or stayed, without the script): the entry is written by then.
      await page.waitForURL(/#event=/, { timeout: 30_000 }).catch(() => undefined);
      const v = await page.evaluate((key) => sessionStorage.getItem(key), KEY);
      fcp.push(v === null ? null : Number(v));
    } finally {
      await context.close();
    }
  }
  return stat(fcp);
}

export function eventPageLine(id: string, s: Stat): string {
  return `event page e/${id}/ first contentful paint (median/p95, ${s.n} runs): ${fmtMs(s.median)}/${fmtMs(s.p95)} ms (target ≤ 400 ms)`;
}
