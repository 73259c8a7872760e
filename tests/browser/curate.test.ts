/**
 * Curation in the browser (issue 25): curate mode is off by default, reached by the toolbar (on a
 * phone, behind More) and by `curate=1`, loaded as a chunk of its own, and never in an embed.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean, waitHash } from "./helpers.ts";

const PANEL = '[data-testid="curate"]';
/** The curate chunk's loads by the page itself (its resource timing): the service worker's
 * precache fetches every chunk in the background, which is not the page loading it. */
const curateChunk = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => e.name)
      .filter((u) => /\/assets\/CuratePanel-[^/]*\.js$/.test(u)),
  );

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("curate mode", () => {
  test("is off by default, and its code is not fetched until it is opened", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const p = s.page;
    expect(await p.locator(PANEL).count()).toBe(0);
    const toggle = p.getByRole("button", { name: "Curate", exact: true });
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expect(await curateChunk(p), "no curate chunk before it is asked for").toEqual([]);

    await toggle.click();
    await p.locator(PANEL).waitFor();
    await waitHash(p, /[#&]curate=1(&|$)/);
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(await curateChunk(p)).toHaveLength(1);
    // The list stays under the panel: curation works on the data as it is shown.
    expect(await p.locator(".event-list button.row").count()).toBeGreaterThan(0);

    await p.getByRole("button", { name: "Leave curate mode" }).click();
    await p.locator(PANEL).waitFor({ state: "detached" });
    await waitHash(p, /^(?!.*[#&]curate=)/);
    expect(await toggle.getAttribute("aria-pressed")).toBe("false");
    expectClean(s);
    await s.close();
  });

  test("opens from a link, and on a phone from the More menu", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    await p.locator(PANEL).waitFor();
    await p.getByRole("button", { name: "Leave curate mode" }).click();
    await p.locator(PANEL).waitFor({ state: "detached" });

    const curate = p.getByRole("button", { name: "Curate", exact: true });
    expect(await curate.isVisible(), "behind More on a phone").toBe(false);
    await p.getByRole("button", { name: "More", exact: true }).click();
    await curate.click();
    await p.locator(PANEL).waitFor();
    await waitHash(p, /[#&]curate=1(&|$)/);
    expectClean(s);
    await s.close();
  });

  test("is never shown in an embed, even when the link asks for it", async () => {
    const s = await open(browser);
    await gotoReady(s, "#embed=1&curate=1&v=2");
    const p = s.page;
    await p.locator(".embed-head").waitFor();
    await p.waitForTimeout(500);
    expect(await p.locator(PANEL).count()).toBe(0);
    expect(await p.getByRole("button", { name: "Curate", exact: true }).isVisible()).toBe(false);
    expect(await curateChunk(p)).toEqual([]);
    expect(await p.locator(".notices").textContent()).toContain(
      "curate: not available in an embed (dropped)",
    );
    expectClean(s);
    await s.close();
  });
});

/** Puts a draft into this browser's store as the app would: the shipped files plus one source. */
async function storeDraftWithNewSource(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const [events, sources] = await Promise.all([
      fetch("data/events.geojson").then((r) => r.json()),
      fetch("data/sources.json").then((r) => r.json()),
    ]);
    // A draft holds every source's text, not only the new ones' (model/curate/draft.ts).
    const seeds: Record<string, string> = {};
    for (const { id } of sources.sources as { id: string }[])
      seeds[id] = await fetch(`seeds/${id}.txt`).then((r) => r.text());
    const id = "099_0123456789abcdef";
    sources.sources.push({ ...sources.sources[0], id, title: "A sixth report" });
    seeds[id] = "A sixth report's text.";
    const draft = { events, sources, seeds };
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open("vsm-curate", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("drafts");
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction("drafts", "readwrite");
      tx.objectStore("drafts").put(
        { draft, savedAt: new Date().toISOString() },
        "data/events.geojson|data/sources.json",
      );
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
}

describe("drafts that are never lost", () => {
  test("a stored draft is restored on reload with its count, and discarded only when confirmed", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    const line = p.locator('[data-testid="draft-status"] [role="status"]');
    await expect.poll(() => line.textContent()).toBe("No changes yet.");

    await storeDraftWithNewSource(p);
    await p.reload();
    await p.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => line.textContent()).toBe("Draft restored (1 change)");

    await p.getByRole("button", { name: "Discard draft" }).click();
    await p.getByText("Discard 1 change? This cannot be undone.").waitFor();
    await p.getByRole("button", { name: "Keep the draft" }).click();
    expect(await line.textContent()).toBe("Draft restored (1 change)");

    await p.getByRole("button", { name: "Discard draft" }).click();
    await p.getByRole("button", { name: "Discard", exact: true }).click();
    await expect.poll(() => line.textContent()).toBe("No changes yet.");
    await p.reload();
    await p.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
    await expect.poll(() => line.textContent()).toBe("No changes yet.");
    expectClean(s);
    await s.close();
  });
});
