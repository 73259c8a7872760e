/**
 * Issue "A long working session": choosing events one after another never throws (even when the
 * view an event asks for is the view already shown), and hundreds of cycles of choose, read, back,
 * filter and a story or playback step leave the page's DOM where it was after the first few.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { runSession } from "../../src/cli/bench/session.ts";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function choose(page: Page, id: string): Promise<void> {
  await page.locator(`button.row[data-event-id="${id}"]`).click();
  await page.locator(`article.event-panel[data-event-id="${id}"]`).waitFor();
  // Past the camera's flight (a flight of ~1 s at most here), where the error was thrown.
  await page.waitForTimeout(1500);
}

async function back(page: Page): Promise<void> {
  await page.locator("article.event-panel .panel-bar button.back").click();
  await page.locator("button.row").first().waitFor();
}

describe("A long working session", () => {
  // Pairs whose second event asks for the camera the first one left: the same area (the whole
  // country), or no place at all after an event whose view is kept.
  const PAIRS = [
    ["five-americans-detained-in-venezuela", "faa-warning-venezuelan-airspace"],
    ["faa-warning-venezuelan-airspace", "prolonged-resistance-units"],
    ["maduro-arrest-reward-doubled", "boat-strikes-caribbean-and-pacific"],
  ] as const;

  test("choosing events whose views coincide throws no page error", async () => {
    const s = await open(browser);
    await gotoReady(s);
    for (const [a, b] of PAIRS) {
      await choose(s.page, a);
      await back(s.page);
      await choose(s.page, b);
      // The same event again, straight from its own view: the camera it asks for is the one shown.
      await back(s.page);
      await choose(s.page, b);
      await back(s.page);
    }
    expectClean(s);
    await s.close();
  }, 120_000);

  test("200 choose / read / back / filter cycles keep the DOM where the first ones left it", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const r = await runSession(s.page, 200);
    expect(r.pageErrors).toEqual([]);
    // A kept panel or list would add hundreds of nodes a cycle (tens of thousands by the end).
    expect(
      r.end.nodes - r.warm.nodes,
      `DOM nodes ${r.warm.nodes} after the warm-up, ${r.end.nodes} after ${r.cycles} cycles`,
    ).toBeLessThanOrEqual(200);
    expect(r.end.jsEventListeners - r.warm.jsEventListeners).toBeLessThanOrEqual(10);
    expectClean(s);
    await s.close();
    // A few minutes on an idle machine; with three engineers' tests beside it a cycle took ~7 s.
  }, 1_800_000);
});
