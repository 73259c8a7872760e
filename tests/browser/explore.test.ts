/**
 * Issue "Explore": from a pin to its passage, from a passage to its event, the timeline range,
 * the whole walk by keyboard only, the same on a phone, and search. Screenshots of the key
 * states land in /tmp/shots for a human to look at (not asserted).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import {
  centreOn,
  clickMapCentre,
  count,
  event,
  eventByTitle,
  expectClean,
  expectVisibleFocus,
  focused,
  hashParams,
  saveShot,
  tabUntil,
  waitCount,
  waitHash,
} from "./helpers.ts";

const RODEO = "el-rodeo-families-waiting";
const PANEL = "article.event-panel";
const READER = "article.reader";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const panelFor = (page: Page, id: string) => page.locator(`${PANEL}[data-event-id="${id}"]`);

/** Titles of the reader's marks cited by exactly one event, other than `except`. */
async function singleMarks(page: Page, except: string): Promise<{ start: string; id: string }[]> {
  const marks = await page.locator(`${READER} mark.cited`).evaluateAll((ms) =>
    ms.map((m) => ({
      title: m.getAttribute("title") ?? "",
      start: m.getAttribute("data-start") ?? "",
    })),
  );
  return marks.flatMap(({ title, start }) => {
    const e = title.startsWith("Cited by: ")
      ? eventByTitle(title.slice("Cited by: ".length))
      : undefined;
    return e && e.id !== except ? [{ start, id: e.id }] : [];
  });
}

describe("Explore (desktop 1280×800)", () => {
  test("click a pin on the rendered map and see its passage", async () => {
    const s = await open(browser);
    const hash = centreOn(RODEO, 9);
    expect(hash).toBe("#map=9/10.474/-66.5424");
    await gotoReady(s, hash);
    await saveShot(s.page, "desktop-1-rodeo-view");
    await clickMapCentre(s.page);
    const panel = panelFor(s.page, RODEO);
    await panel.waitFor();
    expect(await panel.locator("h2#event-title").textContent()).toBe(event(RODEO).properties.title);
    const marks = await panel.locator("li.citation blockquote.passage mark").allTextContents();
    for (const c of event(RODEO).properties.citations) expect(marks).toContain(c.exact);
    expect((await hashParams(s.page)).get("event")).toBe(RODEO);
    expect(await s.page.title()).toContain(event(RODEO).properties.title);
    await saveShot(s.page, "desktop-2-pin-clicked-panel");
    expectClean(s);
    await s.close();
  });

  test("open a source, click a marked passage, and the map selects its event", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${RODEO}`);
    const first = event(RODEO).properties.citations[0]!;
    await panelFor(s.page, RODEO)
      .locator("li.citation")
      .first()
      .getByRole("button", { name: "Read in source" })
      .click();
    const reader = s.page.locator(`${READER}[data-source-id="${first.source}"]`);
    await reader.waitFor();
    await expect.poll(() => reader.locator("mark.cited.chosen").count()).toBeGreaterThan(0);
    expect((await reader.locator("mark.cited.chosen").allTextContents()).join("")).toContain(
      first.exact,
    );
    await saveShot(s.page, "desktop-3-reader");

    // A passage cited by one other event: clicking it selects that event.
    const [other] = await singleMarks(s.page, RODEO);
    expect(other, "a passage cited by a single other event").toBeTruthy();
    await reader.locator(`mark.cited[data-start="${other!.start}"]`).click();
    await panelFor(s.page, other!.id).waitFor();
    await waitHash(s.page, new RegExp(`[#&]event=${other!.id}(&|$)`));
    expect(await s.page.locator(READER).count()).toBe(0);

    // A passage cited by several events: the reader offers the choice.
    await s.page
      .locator(PANEL)
      .locator("li.citation")
      .getByRole("button", { name: "Read in source" })
      .first()
      .click();
    await s.page.locator(READER).waitFor();
    const shared = s.page
      .locator(`${READER} mark.cited[title^="Cited by "]:not([title^="Cited by:"])`)
      .first();
    const n = Number(/Cited by (\d+) events/.exec((await shared.getAttribute("title")) ?? "")?.[1]);
    expect(n).toBeGreaterThan(1);
    await shared.click();
    const offer = s.page.locator('[role="group"][aria-label="Events citing this passage"]');
    await offer.waitFor();
    const options = offer.locator("li button");
    expect(await options.count()).toBe(n);
    const label = ((await options.last().textContent()) ?? "").trim();
    const chosen = eventByTitle(label);
    expect(chosen, `offer entry "${label}" is an event title`).toBeTruthy();
    await options.last().click();
    await panelFor(s.page, chosen!.id).waitFor();
    await waitHash(s.page, new RegExp(`[#&]event=${chosen!.id}(&|$)`));
    expectClean(s);
    await s.close();
  });

  test("drag the timeline range and the counts change; arrow keys too", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const before = await count(s.page);
    expect(before.shown).toBe(before.total);
    const track = (await s.page.locator(".timeline-track").boundingBox())!;
    const from = (await s.page.locator('[data-handle="from"]').boundingBox())!;
    const y = from.y + from.height / 2;
    await s.page.mouse.move(from.x + from.width / 2, y);
    await s.page.mouse.down();
    await s.page.mouse.move(track.x + track.width * 0.75, y, { steps: 12 });
    await s.page.mouse.up();
    const dragged = await waitCount(s.page, (n) => n < before.shown);
    await waitHash(s.page, /[#&]from=\d{4}-\d{2}-\d{2}(&|$)/);
    await saveShot(s.page, "desktop-4-timeline-dragged");

    const to = s.page.locator('[data-handle="to"]');
    const valueBefore = await to.getAttribute("aria-valuetext");
    await to.focus();
    for (let i = 0; i < 2; i++) await s.page.keyboard.press("PageDown");
    await s.page.keyboard.press("ArrowLeft");
    await waitCount(s.page, (n) => n < dragged.shown);
    expect(await to.getAttribute("aria-valuetext")).not.toBe(valueBefore);
    await waitHash(s.page, /[#&]to=\d{4}-\d{2}-\d{2}(&|$)/);
    const fromHandle = s.page.locator('[data-handle="from"]');
    const fromValue = Number(await fromHandle.getAttribute("aria-valuenow"));
    await fromHandle.focus();
    await s.page.keyboard.press("ArrowRight");
    await expect
      .poll(async () => Number(await fromHandle.getAttribute("aria-valuenow")))
      .toBe(fromValue + 86_400_000);
    expectClean(s);
    await s.close();
  });

  test("clicking an event's mark on the timeline selects it", async () => {
    const s = await open(browser);
    await gotoReady(s);
    // A real click where a mark is drawn and on top (the marks of overlapping spans cover parts of
    // each other): the first day-precise mark whose middle the page finds it at.
    const target = await s.page.locator(".timeline .marks > span.mark-dot").evaluateAll((marks) => {
      for (const el of marks) {
        const r = el.getBoundingClientRect(),
          x = r.x + r.width / 2,
          y = r.y + r.height / 2;
        if (document.elementFromPoint(x, y) === el)
          return { x, y, title: el.getAttribute("title") ?? "" };
      }
      return null;
    });
    expect(target, "no day-precise mark is on top anywhere").not.toBeNull();
    const id = eventByTitle(target!.title.slice(0, target!.title.lastIndexOf(" — ")))!.id;
    await s.page.mouse.click(target!.x, target!.y);
    await expect
      .poll(() => s.page.locator(`${PANEL}[data-event-id="${id}"]`).count(), { timeout: 5000 })
      .toBe(1);
    expectClean(s);
    await s.close();
  });

  test("search filters the list and the count; clearing the filters restores them", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const all = await count(s.page);
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    const search = s.page.locator('[data-testid="search"]');
    await search.waitFor({ state: "visible" });
    await search.fill("rodeo");
    const found = await waitCount(s.page, (n) => n < all.total && n > 0);
    await expect.poll(() => s.page.locator("button.row[data-event-id]").count()).toBe(found.shown);
    expect(await s.page.locator(`button.row[data-event-id="${RODEO}"]`).count()).toBe(1);
    await waitHash(s.page, /[#&]q=rodeo(&|$)/);
    await saveShot(s.page, "desktop-5-search");
    await s.page.locator(".counter").getByRole("button", { name: "Clear filters" }).click();
    await waitCount(s.page, (n, t) => n === t);
    expect(await search.inputValue()).toBe("");
    await expect.poll(() => s.page.locator("button.row[data-event-id]").count()).toBe(all.total);
    await waitHash(s.page, /^(?!.*[#&]q=)/);
    expectClean(s);
    await s.close();
  });
});

describe("Explore by keyboard only", () => {
  test("list → panel → reader and back, focus followed and visible", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const k = s.page.keyboard;
    const row = await tabUntil(
      s.page,
      (f) => f.tag === "BUTTON" && f.cls.includes("row") && !!f.eventId,
    );
    expectVisibleFocus(row);
    const id = row.eventId!;
    await k.press("Enter");
    await panelFor(s.page, id).waitFor();
    await expect.poll(async () => (await focused(s.page)).id).toBe("event-title");
    expectVisibleFocus(await focused(s.page));
    const read = await tabUntil(s.page, (f) => f.text === "Read in source", 10);
    expectVisibleFocus(read);
    await k.press("Enter");
    await s.page.locator(READER).waitFor();
    // The reader's heading should take the focus, as the event panel's does.
    await s.page
      .waitForFunction(() => document.activeElement?.id === "reader-title", null, { timeout: 3000 })
      .catch(() => {});
    expect
      .soft((await focused(s.page)).id, "focus moves to the reader's heading")
      .toBe("reader-title");
    await k.press("Escape");
    await panelFor(s.page, id).waitFor();
    // Back on the card it was opened from, not at the top of the event.
    await expect.poll(async () => (await focused(s.page)).text).toBe("Read in source");
    expectVisibleFocus(await focused(s.page));
    await k.press("Escape");
    await s.page.locator(`button.row[data-event-id="${id}"]`).waitFor();
    await expect.poll(async () => (await focused(s.page)).eventId).toBe(id);
    expectVisibleFocus(await focused(s.page));
    expect((await hashParams(s.page)).has("event")).toBe(false);
    expectClean(s);
    await s.close();
  });

  test("the skip link moves focus to the list without changing the view", async () => {
    const s = await open(browser);
    await gotoReady(s, "#q=rodeo");
    const filtered = await count(s.page);
    const hashBefore = await s.page.evaluate(() => location.hash);
    const skip = await tabUntil(s.page, (f) => f.text === "Skip to the event list", 3);
    expectVisibleFocus(skip);
    await s.page.keyboard.press("Enter");
    await expect
      .poll(() => s.page.evaluate(() => !!document.activeElement?.closest("#side")))
      .toBe(true);
    await s.page.keyboard.press("Tab");
    expect((await focused(s.page)).cls).toContain("row");
    expect(
      await s.page.evaluate(() => location.hash),
      "the skip link must not rewrite the view",
    ).toBe(hashBefore);
    expect(await count(s.page), "the search filter survives").toEqual(filtered);
    expect(await s.page.getByText(/was not found/).count(), "no 'event not found' message").toBe(0);
    expectClean(s);
    await s.close();
  });
});

describe("Explore on a phone (390×844)", () => {
  test("list in the bottom sheet, select an event, see its passage, open the reader", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s);
    const p = s.page;
    await saveShot(p, "phone-1-default");
    const sheet = (await p.locator("aside#side").boundingBox())!;
    const map = (await p.locator('[data-testid="map"]').boundingBox())!;
    expect(sheet.y, "the sheet is below the map").toBeGreaterThanOrEqual(map.y + map.height - 2);
    expect(sheet.y + sheet.height).toBeLessThanOrEqual(845);
    const row = p.locator(`button.row[data-event-id="${RODEO}"]`);
    await row.scrollIntoViewIfNeeded();
    await row.tap();
    const panel = panelFor(p, RODEO);
    await panel.waitFor();
    const mark = panel.locator("li.citation blockquote.passage mark").first();
    await mark.scrollIntoViewIfNeeded();
    expect(await mark.textContent()).toBe(event(RODEO).properties.citations[0]!.exact);
    expect(await mark.isVisible()).toBe(true);
    await saveShot(p, "phone-2-event");
    await panel
      .locator("li.citation")
      .first()
      .getByRole("button", { name: "Read in source" })
      .tap();
    const chosen = p.locator(`${READER} mark.cited.chosen`).first();
    await chosen.waitFor();
    await expect
      .poll(
        async () => {
          const b = await chosen.boundingBox();
          return !!b && b.y >= 0 && b.y + Math.min(b.height, 40) <= 844;
        },
        { message: "the chosen passage is scrolled into view" },
      )
      .toBe(true);
    await saveShot(p, "phone-3-reader");
    expectClean(s);
    await s.close();
  });
});
