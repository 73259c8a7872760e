/**
 * Curation in the browser (issue 25): curate mode is off by default, reached by the toolbar (on a
 * phone, behind More) and by `curate=1`, loaded as a chunk of its own, and never in an embed.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean, hashParams, waitHash } from "./helpers.ts";

const PANEL = '[data-testid="curate"]';
const curateChunk = (urls: string[]) =>
  urls.filter((u) => /\/assets\/CuratePanel-[^/]*\.js$/.test(u));

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
    expect(curateChunk(s.requests), "no curate chunk before it is asked for").toEqual([]);

    await toggle.click();
    await p.locator(PANEL).waitFor();
    await waitHash(p, /[#&]curate=1(&|$)/);
    expect(await toggle.getAttribute("aria-pressed")).toBe("true");
    expect(curateChunk(s.requests)).toHaveLength(1);
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
    expect((await hashParams(p)).get("curate")).toBe("1");
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
    expect(curateChunk(s.requests)).toEqual([]);
    expect(await p.locator(".notices").textContent()).toContain(
      "curate: not available in an embed (dropped)",
    );
    expectClean(s);
    await s.close();
  });
});
