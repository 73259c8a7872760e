/**
 * Issue 29, "disputes and provenance first" and the small text defects, on the built site: the
 * status names who disputes and its link brings their passages into view without scrolling the
 * page itself; the cards are grouped with the denials first; "Copy citation" copies the quote,
 * source, outlet, date and a link to the passage; a cut source name ends in an ellipsis and gives
 * its full name on hover and on focus; a heading in a quote's context stays on its own line.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
import { event, expectClean } from "./helpers.ts";

const DISPUTED = "colectivo-roadblocks-searching-for-us-citizens";
const ALERT = "us-security-alert-leave-venezuela";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Where the page itself is scrolled to, and where its topbar is drawn. */
function pageScroll(page: Page): Promise<{ scrollY: number; topbar: number }> {
  return page.evaluate(() => ({
    scrollY: window.scrollY,
    topbar: document.querySelector(".topbar")?.getBoundingClientRect().top ?? Number.NaN,
  }));
}

describe("Who disputes comes first", () => {
  test.each([
    [1280, 800],
    [390, 844],
  ])("at %i: the status names the disputer; its link shows their passages", async (w, h) => {
    const s = await open(browser, { width: w, height: h });
    await gotoReady(s, `#event=${DISPUTED}&v=2`);
    const line = s.page.locator("li.denied-by");
    await line.waitFor();
    expect((await line.textContent())?.replace(/\s+/g, " ")).toBe(
      "Disputed by Venezuelan Foreign Ministry (2 passages)",
    );
    // The denials are the first group of cards, each card a denial.
    const first = s.page.locator(".citation-group").first();
    expect(await first.getAttribute("class")).toContain("group-denies");
    expect(await first.locator("li.citation").count()).toBe(2);
    expect(await first.locator("li.citation.stance-denies").count()).toBe(2);

    await line.getByRole("button", { name: "2 passages" }).click();
    await s.page.waitForFunction(() =>
      document.activeElement?.closest(".citation-group")?.classList.contains("group-denies"),
    );
    const heading = await first.locator("h4").boundingBox();
    const side = await s.page.locator("#side").boundingBox();
    expect(heading!.y).toBeGreaterThanOrEqual(side!.y - 1);
    expect(heading!.y).toBeLessThan(side!.y + side!.height);
    // Only the panel scrolled: the page and its topbar did not move.
    expect(await pageScroll(s.page)).toEqual({ scrollY: 0, topbar: 0 });
    expectClean(s);
    await s.close();
  });
});

describe("Copy citation", () => {
  test("copies the quote, the source, its outlet and date, and a link to the passage", async () => {
    const s = await open(browser);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await gotoReady(s, `#event=${DISPUTED}&v=2`);
    const card = s.page.locator("li.citation.stance-denies").first();
    const quote = (await card.locator("mark").textContent())!;
    await card.getByRole("button", { name: "Copy citation" }).click();
    await expect.poll(() => card.locator(".copy-status").textContent()).not.toBe("");
    const copied = await s.page.evaluate(() => navigator.clipboard.readText());
    const [said, credit, link] = copied.split("\n");
    expect(said).toBe(`“${quote}”`);
    expect(credit).toContain("Venezuela calls the warning fabricated");
    expect(credit).toContain("finnews.id");
    expect(credit).toMatch(/Jan 2026$/);
    const url = new URL(link!);
    expect(url.origin).toBe(new URL(baseUrl()).origin);
    const params = new URLSearchParams(url.hash.slice(1));
    expect(params.get("event")).toBe(DISPUTED);
    expect(params.get("source")).toBe(await card.getAttribute("data-source"));
    expect(params.get("passage")).toBe(await card.getAttribute("data-range"));
    expectClean(s);
    await s.close();
  });
});

describe("Small text defects", () => {
  test("a cut source name ends in an ellipsis; hover and focus give its full name", async () => {
    const s = await open(browser);
    await gotoReady(s, "#v=2");
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    const chip = s.page.locator(".chip[title]").filter({ hasText: "002 ·" });
    const name = chip.locator(".chip-name");
    const cut = await name.evaluate((el) => ({
      overflow: getComputedStyle(el).textOverflow,
      cut: el.scrollWidth > el.clientWidth,
    }));
    expect(cut).toEqual({ overflow: "ellipsis", cut: true });
    const title = (await chip.getAttribute("title"))!;
    expect(title).toBe(
      "US advisory on colectivo threats, prisoner releases and oil policy one week after Maduro's capture",
    );
    await chip.focus();
    await s.page.keyboard.press("Shift+Tab");
    await s.page.keyboard.press("Tab");
    const tip = await chip.evaluate((el) => getComputedStyle(el, "::after").content);
    expect(tip).toBe(JSON.stringify(title));
    expectClean(s);
    await s.close();
  });

  test("a heading before a quote stays on its own line in the quote's context", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${ALERT}&v=2`);
    const exact = "In a security alert disseminated on Saturday";
    expect(event(ALERT).properties.citations.some((c) => c.exact === exact)).toBe(true);
    const card = s.page.locator("li.citation").filter({ has: s.page.getByText(exact) });
    const lines = await card.evaluate((li, heading) => {
      const context = li.querySelector(".context")!;
      const text = context.firstChild as Text;
      const at = text.data.indexOf(heading);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + heading.length);
      const head = range.getClientRects();
      const mark = li.querySelector("mark")!.getClientRects()[0]!;
      return {
        whole: text.data.includes(`${heading}\n`),
        headBottom: head[head.length - 1]!.bottom,
        markTop: mark.top,
      };
    }, "State Department Issues Critical Security Alert");
    expect(lines.whole).toBe(true);
    expect(lines.headBottom).toBeLessThanOrEqual(lines.markTop + 1);
    expectClean(s);
    await s.close();
  });
});
