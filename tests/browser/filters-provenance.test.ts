/**
 * Issue 29 (filters, provenance, embed), on the built site: the active filters as chips at 1280
 * and 390 wide, removing one updating the link and the count; the reader's chosen passage distinct
 * from the other marks, and Escape returning focus to the card it was opened from; an embed at
 * 640×480 whose cluster opens a list, and whose event card keeps the map's credits uncovered.
 * Screenshots land in /tmp/shots (not asserted).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Locator } from "playwright-core";
import { gotoReady, launch, open, type Session } from "./harness.ts";
import { events, expectClean, hashParams, saveShot, waitCount, waitHash } from "./helpers.ts";

const LINK = "#cat=checkpoint,raid&from=2026-01-01&q=caracas&v=2";
const TANKER = "fifth-tanker-seized-caribbean";
const CARACAS = "#map=9/10.5061/-66.9146";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Whether two boxes overlap. */
async function overlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (!x || !y) throw new Error("no box");
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

describe("Active filters as chips", () => {
  test.each([
    [1280, 800],
    [390, 844],
  ])(
    "a link's filters show as chips at %i wide; removing one updates link and count",
    async (width, height) => {
      const s = await open(browser, { width, height });
      await gotoReady(s, LINK);
      const chips = s.page.getByRole("list", { name: "Active filters" });
      const names = await chips
        .getByRole("button")
        .evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label")));
      expect(names).toEqual([
        "Remove filter: category Checkpoint / patrol",
        "Remove filter: category Raid",
        "Remove filter: dates from 1 Jan 2026",
        "Remove filter: search “caracas”",
      ]);
      // Visible, inside the window, beside the count, and drawn over none of the toolbar's
      // other parts (at 1280 px they once ran over "Clear filters").
      const others = [
        s.page.getByTestId("count"),
        s.page.getByRole("button", { name: "Clear filters" }),
        s.page.locator(".topbar h1"),
        s.page.locator(".topbar .actions"),
      ];
      for (const b of await chips.getByRole("button").all()) {
        expect(await b.isVisible()).toBe(true);
        const box = (await b.boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(width);
        for (const o of others)
          expect(await overlap(b, o), (await b.textContent()) ?? "").toBe(false);
      }
      const before = await waitCount(s.page, () => true);
      await saveShot(s.page, `filters-chips-${width}`);

      await chips.getByRole("button", { name: "Remove filter: category Raid" }).click();
      const hash = await waitHash(s.page, /cat=checkpoint&/);
      expect((await hashParams(s.page)).get("from")).toBe("2026-01-01");
      expect(hash).toContain("q=caracas");
      const after = await waitCount(s.page, (n) => n !== before.shown);
      expect(after.shown).toBeLessThan(before.shown);
      expect(await chips.getByRole("button").count()).toBe(3);

      await chips.getByRole("button", { name: "Remove filter: dates from 1 Jan 2026" }).click();
      await waitHash(s.page, /^(?!.*from=).*cat=checkpoint/);
      expectClean(s);
      await s.close();
    },
  );
});

describe("Faceted counts", () => {
  /** Each chip's name and count, in one filter group. */
  const chipCounts = (s: Session, group: string) =>
    s.page
      .getByRole("group", { name: group })
      .locator(".chip")
      .evaluateAll((cs) =>
        cs.map((c): [string, number] => [
          (c.querySelector(".chip-name") ?? c).textContent!.replace(/\s*\d+$/, "").trim(),
          Number(c.querySelector(".n:last-child")!.textContent),
        ]),
      );

  test("each group counts under the other filters, not its own", async () => {
    const s = await open(browser);
    await gotoReady(s, "#cat=checkpoint&v=2");
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    // The filter bar is a lazy chunk: wait for its last group's chips before reading any.
    await s.page.getByRole("group", { name: "Source" }).locator(".chip").first().waitFor();
    const all = events();
    const checkpoints = all.filter((e) => e.properties.category === "checkpoint");
    // Categories ignore the category choice: every category keeps its whole count.
    const cats = new Map(await chipCounts(s, "Category"));
    expect(cats.get("Checkpoint / patrol")).toBe(checkpoints.length);
    expect(cats.get("Statement")).toBe(
      all.filter((e) => e.properties.category === "statement").length,
    );
    // Sources count only checkpoint events: each event once per source it cites.
    const cites = (id: string) =>
      checkpoints.filter((e) => e.properties.citations.some((c) => c.source.startsWith(id))).length;
    const sources = await chipCounts(s, "Source");
    expect(sources.length).toBeGreaterThan(0);
    for (const [name, n] of sources) expect(n, String(name)).toBe(cites(String(name).slice(0, 3)));
    expectClean(s);
    await s.close();
  });
});

describe("The reader points at the passage you came from", () => {
  test("the chosen passage stands out; Escape returns focus to its card", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${TANKER}&v=2`);
    const card = s.page.locator("li.citation").first();
    const range = await card.getAttribute("data-range");
    await card.getByRole("button", { name: "Read in source" }).click();
    const chosen = s.page.locator(".reader mark.chosen").first();
    await chosen.waitFor();
    // Move the pointer away: a hovered mark is drawn lighter.
    await s.page.mouse.move(5, 400);
    const bg = (l: Locator) => l.evaluate((m) => getComputedStyle(m).backgroundColor);
    const other = s.page.locator(".reader mark.cited:not(.chosen)").first();
    const [chosenBg, otherBg] = [await bg(chosen), await bg(other)];
    // The chosen passage is filled with an opaque colour; the others are not filled at all.
    expect(chosenBg).toMatch(/^rgb\(\d+, \d+, \d+\)$/);
    expect(otherBg).toBe("rgba(0, 0, 0, 0)");
    // The event it was opened from is named at the passage; the title stays in view.
    const title = events().find((e) => e.id === TANKER)!.properties.title;
    expect(await s.page.locator(".reader .from-event").textContent()).toContain(title);
    const heading = s.page.locator("#reader-title");
    const [h, side] = [await heading.boundingBox(), await s.page.locator("#side").boundingBox()];
    expect(h!.y).toBeGreaterThanOrEqual(side!.y);
    expect(h!.y + h!.height).toBeLessThan(side!.y + side!.height);
    await saveShot(s.page, "filters-reader-1280");

    await s.page.keyboard.press("Escape");
    await s.page.waitForFunction(
      (r) => document.activeElement?.closest("li.citation")?.getAttribute("data-range") === r,
      range,
    );
    expect(await s.page.evaluate(() => document.activeElement?.textContent)).toBe("Read in source");
    expectClean(s);
    await s.close();
  });
});

describe("The embed (640×480)", () => {
  test("a cluster opens a list; an item opens a compact card clear of the credits", async () => {
    const s = await open(browser, { width: 640, height: 480 });
    await gotoReady(s, `${CARACAS}&cat=checkpoint,raid,detention&embed=1&v=2`);
    expect(await s.page.locator('[data-testid="embed-head"] h1').textContent()).toContain(
      "Venezuela situation map",
    );
    const scope = await s.page.getByTestId("embed-scope").textContent();
    expect(scope).toMatch(/^\d+ of 39 events · All dates · /);
    expect(scope).toContain("Checkpoint / patrol or Detention or Raid");

    const map = (await s.page.getByTestId("map").boundingBox())!;
    await s.page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const list = s.page.getByTestId("cluster-list");
    await list.waitFor();
    const items = list.locator(".cluster-item");
    expect(await items.count()).toBeGreaterThan(1);
    await saveShot(s.page, "filters-embed-list");

    const id = (await items.first().getAttribute("data-event-id"))!;
    const e = events().find((x) => x.id === id)!;
    await items.first().click();
    const card = s.page.getByTestId("embed-card");
    await card.waitFor();
    expect(await card.locator("h2").textContent()).toBe(e.properties.title);
    expect(await card.locator(".embed-card-date").textContent()).toMatch(/\d{4}/);
    expect(await card.locator(".badge").textContent()).toMatch(/Reported|Corroborated|Disputed/);
    expect(await card.locator(".embed-card-quote").textContent()).toMatch(/^“.+”/s);
    const href = (await card.getByRole("link", { name: "View sources ↗" }).getAttribute("href"))!;
    expect(href).toContain(`event=${id}`);
    expect(href).not.toContain("embed=1");
    expect(await card.getByRole("link", { name: "View sources ↗" }).getAttribute("target")).toBe(
      "_blank",
    );
    const credits = s.page.locator(".maplibregl-ctrl-attrib");
    expect(await credits.isVisible()).toBe(true);
    expect(await overlap(card, credits)).toBe(false);
    await saveShot(s.page, "filters-embed-card");
    expectClean(s);
    await s.close();
  });
});
