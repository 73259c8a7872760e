/**
 * Issue 29: the timeline over every event's dates, its handles always on the track, its range in
 * words (on a phone too), the zoom to the range; 44 px tap targets on a phone; the list's
 * newest-first order in the link; readable text. Screenshots land in /tmp/shots.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Page } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import { count, events, expectClean, saveShot, waitCount, waitHash } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };
const TRACK = '[data-testid="timeline-track"]';
const RANGE = '[data-testid="timeline-range"]';

async function box(page: Page, selector: string): Promise<Box> {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} has no box`);
  return b;
}

/** `inner` lies within `outer` (half a pixel of rounding allowed). */
function expectInside(inner: Box, outer: Box, what: string): void {
  const e = 0.5;
  expect(inner.x, `${what}: left`).toBeGreaterThanOrEqual(outer.x - e);
  expect(inner.y, `${what}: top`).toBeGreaterThanOrEqual(outer.y - e);
  expect(inner.x + inner.width, `${what}: right`).toBeLessThanOrEqual(outer.x + outer.width + e);
  expect(inner.y + inner.height, `${what}: bottom`).toBeLessThanOrEqual(outer.y + outer.height + e);
}

const RANGES = [
  { name: "default", hash: "", words: /^All dates: 1 Sept 2025 – \d+ Jan 2026$/ },
  { name: "January", hash: "#from=2026-01-01&to=2026-01-31", words: /1 Jan 2026 – 31 Jan 2026/ },
  { name: "Sept–Oct", hash: "#from=2025-09-01&to=2025-10-15", words: /1 Sept 2025 – 15 Oct 2025/ },
  {
    name: "2030 (beyond the data)",
    hash: "#from=2030-01-01&to=2030-01-31",
    words: /1 Jan 2030 – 31 Jan 2030 \(no events on these dates\)/,
  },
];

describe.each([
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
])("the timeline at $width px", ({ width, height }) => {
  test.each(RANGES)("$name: handles and shading on the track, the range in words", async (r) => {
    const s = await open(browser, { width, height });
    await gotoReady(s, r.hash);
    const track = await box(s.page, TRACK);
    expectInside(track, { x: 0, y: 0, width, height }, "track on screen");
    for (const h of ["from", "to"]) {
      const handle = await box(s.page, `[data-handle="${h}"]`);
      expectInside(handle, track, `${h} handle`);
      if (width < 500) expect(handle.width, `${h} handle width`).toBeGreaterThanOrEqual(44);
    }
    for (const shade of await s.page.locator(".timeline .shade, .timeline .band").all()) {
      const b = await shade.boundingBox();
      if (b && b.width > 0) expectInside(b, track, "shade");
    }
    // The dates stay as asked, whatever is drawn.
    if (r.hash) expect(s.page.url()).toContain(r.hash.slice(1));
    const words = s.page.locator(RANGE);
    await expect.poll(() => words.textContent()).toMatch(r.words);
    expect(await words.isVisible()).toBe(true);
    expectInside(await box(s.page, RANGE), { x: 0, y: 0, width, height }, "range in words");
    await saveShot(s.page, `timeline-${width}-${r.name.replace(/\W+/g, "-")}`);
    expectClean(s);
    await s.close();
  });

  test("the first month's name starts clear of the start handle's bar", async () => {
    const s = await open(browser, { width, height });
    await gotoReady(s, "");
    const handle = await box(s.page, '[data-handle="from"]');
    // The bar is 16 px wide (12 and a 2 px border), in the middle of the handle's grip.
    const barRight = handle.x + handle.width / 2 + 8;
    const textLeft = await s.page
      .locator(".tick")
      .first()
      .evaluate((tick) => {
        const range = document.createRange();
        range.selectNodeContents(tick);
        return range.getBoundingClientRect().left;
      });
    expect(await s.page.locator(".tick").first().textContent()).toBe("Sept 2025");
    expect(textLeft).toBeGreaterThanOrEqual(barRight);
    expectClean(s);
    await s.close();
  });
});

describe("the timeline's domain and zoom", () => {
  test("September can be chosen by dragging the start handle to the left edge of a range", async () => {
    const s = await open(browser);
    await gotoReady(s, "#from=2025-12-01");
    const track = await box(s.page, TRACK);
    const from = await box(s.page, '[data-handle="from"]');
    const y = from.y + from.height / 2;
    await s.page.mouse.move(from.x + from.width / 2, y);
    await s.page.mouse.down();
    await s.page.mouse.move(track.x + track.width * 0.05, y, { steps: 10 });
    await s.page.mouse.up();
    const hash = await waitHash(s.page, /[#&]from=2025-(09|10)-\d{2}(&|$)/);
    expect(hash).toMatch(/from=2025-(09|10)/);
    expectClean(s);
    await s.close();
  });

  test("Zoom to range spreads a week over the strip, and Show all dates goes back", async () => {
    const s = await open(browser);
    await gotoReady(s, "#from=2026-01-03&to=2026-01-09");
    const gap = async () =>
      (await box(s.page, '[data-handle="to"]')).x - (await box(s.page, '[data-handle="from"]')).x;
    const track = await box(s.page, TRACK);
    const before = await gap();
    await s.page.getByRole("button", { name: "Zoom to range" }).click();
    await expect.poll(gap).toBeGreaterThan(track.width * 0.6);
    for (const h of ["from", "to"])
      expectInside(await box(s.page, `[data-handle="${h}"]`), track, `${h} handle zoomed`);
    expect(await s.page.locator(".timeline .tick").allTextContents()).toContain("5 Jan");
    await saveShot(s.page, "timeline-1280-zoomed");
    await s.page.getByRole("button", { name: "Show all dates" }).click();
    await expect.poll(gap).toBeCloseTo(before, 0);
    expectClean(s);
    await s.close();
  });

  test("on a phone, a handle is dragged with a finger-sized box and the count follows", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s);
    const all = await count(s.page);
    const track = await box(s.page, TRACK);
    const from = await box(s.page, '[data-handle="from"]');
    const y = from.y + from.height / 2;
    // Grabbed near its box's edge, not on the bar: the whole box is the handle.
    await s.page.mouse.move(from.x + 4, y);
    await s.page.mouse.down();
    await s.page.mouse.move(track.x + track.width * 0.7, y, { steps: 10 });
    await s.page.mouse.up();
    await waitCount(s.page, (n) => n < all.total);
    await expect.poll(() => s.page.locator(RANGE).textContent()).not.toMatch(/^All dates/);
    expectClean(s);
    await s.close();
  });
});

/** Every visible control (button, slider, input, select, summary) smaller than 44 px either way. */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("button, [role=slider], input, select, summary")]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== "hidden";
      })
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width < 43.5 || r.height < 43.5)
      .map(
        ({ e, r }) =>
          `${e.tagName.toLowerCase()}.${e.className} "${(e.textContent || e.getAttribute("aria-label") || "").trim().slice(0, 30)}" ${r.width.toFixed(0)}×${r.height.toFixed(0)}`,
      ),
  );
}

describe("tap targets on a phone (390×844)", () => {
  test("every control is at least 44 × 44 px: home, filters open, an event open", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s, "#from=2025-12-01");
    expect(await s.page.locator(".timeline-zoom").isVisible()).toBe(true);
    expect(await smallTargets(s.page), "home").toEqual([]);
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    await s.page.locator('[data-testid="search"]').waitFor({ state: "visible" });
    expect(await smallTargets(s.page), "filters open").toEqual([]);
    await saveShot(s.page, "phone-targets-filters");
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    await s.page.locator("button.row").first().click();
    await s.page.locator("article.event-panel").waitFor();
    expect(await s.page.getByRole("button", { name: /Read in source/ }).count()).toBeGreaterThan(0);
    expect(await smallTargets(s.page), "event open").toEqual([]);
    await saveShot(s.page, "phone-targets-event");
    await s.page.getByRole("button", { name: "Legend" }).click();
    expect(await smallTargets(s.page), "legend open").toEqual([]);
    // The check itself finds a control as small as the old ones.
    await s.page.evaluate(() => {
      const b = document.createElement("button");
      b.textContent = "probe";
      b.style.cssText = "all: initial; display: inline-block; height: 24px; font-size: 12px";
      document.querySelector(".topbar")!.append(b);
    });
    expect((await smallTargets(s.page)).join()).toContain("probe");
    expectClean(s);
    await s.close();
  });
});

describe("the list's order", () => {
  const newestStart = () =>
    Math.max(
      ...events().map((e) =>
        Date.parse(
          `${(e.properties as unknown as { date: { start: string } }).date.start}T00:00:00Z`,
        ),
      ),
    );
  const firstRowStart = (page: Page) =>
    page.locator("button.row").first().getAttribute("data-event-id");
  const startOf = (id: string | null) => {
    const e = events().find((f) => f.id === id) as unknown as {
      properties: { date: { start: string } };
    };
    return Date.parse(`${e.properties.date.start}T00:00:00Z`);
  };

  test("Newest first reorders the list, goes into the link, and comes back from it", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const oldestFirst = await s.page
      .locator("button.row")
      .evaluateAll((rs) => rs.map((r) => r.getAttribute("data-event-id")));
    await s.page.getByRole("button", { name: "Newest first" }).click();
    await waitHash(s.page, /[#&]sort=newest(&|$)/);
    const newest = await s.page
      .locator("button.row")
      .evaluateAll((rs) => rs.map((r) => r.getAttribute("data-event-id")));
    expect(newest).not.toEqual(oldestFirst);
    expect([...newest].sort()).toEqual([...oldestFirst].sort());
    expect(startOf(await firstRowStart(s.page))).toBe(newestStart());

    const link = await s.page.evaluate(() => location.hash);
    const t = await open(browser, { width: 390, height: 844 });
    await gotoReady(t, link);
    expect(
      await t.page.getByRole("button", { name: "Newest first" }).getAttribute("aria-pressed"),
    ).toBe("true");
    expect(await firstRowStart(t.page)).toBe(newest[0]);
    expectClean(t);
    await t.close();

    await s.page.getByRole("button", { name: "Oldest first" }).click();
    await expect.poll(() => s.page.evaluate(() => location.hash)).not.toContain("sort=");
    expect(await firstRowStart(s.page)).toBe(oldestFirst[0]);
    expectClean(s);
    await s.close();
  });
});

/** Text whose contrast with its background is under 4.5:1, within `scope`: the text's colour
 * against the first opaque background among its ancestors, semi-transparent ones composited. */
async function lowContrast(page: Page, scope: string): Promise<string[]> {
  return page.evaluate((scope) => {
    const rgba = (c: string) => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(c);
      return m ? [+m[1]!, +m[2]!, +m[3]!, m[4] === undefined ? 1 : +m[4]] : null;
    };
    const over = (top: number[], under: number[]) =>
      [0, 1, 2].map((k) => top[k]! * top[3]! + under[k]! * (1 - top[3]!)).concat(1);
    const lum = (c: number[]) => {
      const [r, g, b] = c.slice(0, 3).map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (el: Element | null): number[] => {
      const layers: number[][] = [];
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(getComputedStyle(e).backgroundColor);
        if (c && c[3]! > 0) layers.push(c);
        if (c && c[3] === 1) break;
      }
      return layers.reduceRight((under, top) => over(top, under), [255, 255, 255, 1]);
    };
    const out: string[] = [];
    for (const root of document.querySelectorAll(scope))
      for (const el of root.querySelectorAll<HTMLElement>("*")) {
        const text = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? "")
          .join("")
          .trim();
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        if (!text || r.width === 0 || cs.visibility === "hidden" || el.closest(".sr-only"))
          continue;
        const bg = background(el);
        const fg = over(rgba(cs.color)!, bg);
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        if (ratio < 4.5)
          out.push(
            `${el.tagName.toLowerCase()}.${el.className} "${text.slice(0, 30)}" ${ratio.toFixed(2)}:1`,
          );
      }
    return out;
  }, scope);
}

describe("contrast", () => {
  const SCOPE = ".topbar, .timeline, .side, .legend-toggle";
  test.each([
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])(
    "text in the toolbar, timeline and list is at least 4.5:1 at $width px (disabled Clear filters too)",
    async ({ width, height }) => {
      const s = await open(browser, { width, height });
      await gotoReady(s);
      const clear = s.page.getByRole("button", { name: "Clear filters" }).first();
      expect(await clear.isDisabled()).toBe(true);
      expect(await lowContrast(s.page, SCOPE)).toEqual([]);
      await s.page.getByRole("button", { name: "Filters", exact: true }).click();
      await s.page.locator('[data-testid="search"]').waitFor({ state: "visible" });
      expect(await lowContrast(s.page, SCOPE), "filters open").toEqual([]);
      await s.page.getByRole("button", { name: "Filters", exact: true }).click();
      await s.page.locator("button.row").first().click();
      await s.page.locator("article.event-panel").waitFor();
      expect(await lowContrast(s.page, SCOPE), "event open").toEqual([]);
      // The check itself flags the old disabled grey (#9ca3af on white, 2.5:1).
      await s.page.evaluate(() => {
        const p = document.createElement("span");
        p.textContent = "probe";
        p.style.color = "#9ca3af";
        document.querySelector(".topbar")!.append(p);
      });
      expect((await lowContrast(s.page, SCOPE)).join()).toMatch(/probe" 2\.5\d:1/);
      expectClean(s);
      await s.close();
    },
  );
});
