/**
 * Accessibility audit: axe-core runs on each main view at a laptop's and a phone's width, and no
 * serious or critical WCAG 2.1 A/AA violation may remain. axe is injected through the DevTools
 * protocol (page.evaluate), not a <script> tag, so the page's Content-Security-Policy still holds
 * and the harness still fails the test on any violation of it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Browser, Page } from "playwright-core";
import type { AxeResults } from "axe-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
import { selectInReader } from "./curate-helpers.ts";
import {
  count,
  expectClean,
  expectVisibleFocus,
  type Focused,
  focused,
  hashParams,
  tabUntil,
  waitCount,
  waitHash,
} from "./helpers.ts";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core"), "utf8");
// WCAG 2.1 A and AA, and axe's best practices, none of them suppressed.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface View {
  name: string;
  hash: string;
  /** Brings the view about once the map is ready, and waits until it is drawn. */
  ready(page: Page): Promise<void>;
}

const VIEWS: View[] = [
  {
    name: "home",
    hash: "",
    ready: (p) => p.locator("button.row[data-event-id]").first().waitFor({ state: "attached" }),
  },
  {
    name: "event open",
    hash: "#event=el-rodeo-families-waiting&v=2",
    ready: (p) => p.locator("article.event-panel").waitFor(),
  },
  {
    name: "source reader",
    hash: "#source=002_bf7bde4e343e88ef&passage=4327-4385&v=2",
    ready: (p) => p.locator("article.reader mark.cited.chosen").first().waitFor(),
  },
  {
    name: "story open",
    hash: "#story=carrier-to-raid&step=3&v=2",
    ready: (p) => p.locator('[data-testid="story-panel"] .story-quote').first().waitFor(),
  },
  {
    name: "Spanish: home, with the language switch",
    hash: "#lang=es&v=2",
    ready: (p) => p.locator('html[lang="es"] button.row[data-event-id]').first().waitFor(),
  },
  {
    name: "Spanish: event open",
    hash: "#event=el-rodeo-families-waiting&lang=es&v=2",
    ready: (p) => p.locator('html[lang="es"] article.event-panel').waitFor(),
  },
  {
    name: "Spanish: story open",
    hash: "#story=carrier-to-raid&step=3&lang=es&v=2",
    ready: (p) =>
      p.locator('html[lang="es"] [data-testid="story-panel"] .story-quote').first().waitFor(),
  },
  {
    name: "Spanish: the More menu open (the switch on a phone)",
    hash: "#lang=es&v=2",
    ready: async (p) => {
      const more = p.locator("button.more-toggle");
      if (await more.isVisible()) await more.click();
      await p.locator('.lang-switch button[aria-pressed="true"][lang="es"]').waitFor();
    },
  },
  {
    name: "playback, a week stepped to",
    hash: "#play=week&v=2",
    ready: async (p) => {
      await p.getByRole("button", { name: "Step forward" }).click();
      await p.locator('[data-testid="timeline-range"]').filter({ hasText: "Sept 2025" }).waitFor();
    },
  },
  {
    name: "curate mode",
    hash: "#curate=1&v=2",
    ready: (p) => p.locator('[data-testid="curate"]').waitFor(),
  },
  {
    name: "curate mode in Spanish",
    hash: "#curate=1&lang=es&v=2",
    ready: (p) => p.getByTestId("validator-note").waitFor(),
  },
  {
    name: "curate: event form and review",
    hash: "#curate=1&event=caracas-night-raid&v=2",
    ready: async (p) => {
      await p.getByTestId("event-form").waitFor();
      await p.getByRole("button", { name: "Review changes" }).click();
      await p.getByTestId("review").getByText("No changes yet.").waitFor();
    },
  },
  {
    name: "curate: drawing an area, its hint shown",
    hash: "#curate=1&event=caracas-night-raid&v=2",
    ready: async (p) => {
      await p.getByRole("button", { name: "Draw an area" }).click();
      await p.locator('[data-testid="map"][data-drawing="Polygon"]').waitFor();
      await p
        .getByRole("status")
        .getByText(/^Click the map for each corner/)
        .waitFor();
    },
  },
  {
    name: "curate: adding a source, with a field refused",
    hash: "#curate=1&v=2",
    ready: async (p) => {
      await p.getByRole("button", { name: "Add a source" }).click();
      await p.getByLabel("Text of the document").fill("«Texto» de prueba.");
      await p.getByRole("button", { name: "Add to the draft" }).click();
      await p.getByLabel("How the date is known").and(p.locator("[aria-invalid=true]")).waitFor();
    },
  },
  {
    name: "curate: citing, with the draft's problems",
    hash: "#event=us-security-alert-leave-venezuela&source=001_63de899742715ce7&curate=1&v=2",
    ready: async (p) => {
      await p.locator(".reader .source-text").waitFor();
      await selectInReader(p, "setting up roadblocks");
      // The selected event's form has a Stance field of its own: the citation's is in "cite".
      const cite = p.getByTestId("cite");
      await cite.getByRole("button", { name: "Cite this passage" }).click();
      await cite.getByLabel("Stance").selectOption("denies");
      await cite.getByRole("button", { name: "Add the citation" }).click();
      await p.locator("button.problem").first().waitFor();
    },
  },
  {
    name: "filters open",
    hash: "",
    ready: async (p) => {
      await p.locator('button[aria-controls="filters"]').click();
      await p.locator("#filters input").first().waitFor();
    },
  },
];

/** axe's results for the page as it is now. */
async function audit(page: Page): Promise<AxeResults> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(
    (tags) =>
      (window as unknown as { axe: typeof import("axe-core") }).axe.run(document, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      }),
    TAGS,
  );
}

/** One line per violation: its impact, rule, how many nodes, and the first few targets. */
function describeViolations(v: AxeResults["violations"]): string {
  return v
    .map(
      (r) =>
        `${r.impact} ${r.id} (${r.nodes.length}): ${r.nodes
          .slice(0, 4)
          .map((n) => `${n.target.join(" ")} — ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`)
          .join("; ")}`,
    )
    .join("\n");
}

for (const width of [1280, 390]) {
  describe(`axe at ${width} px`, () => {
    for (const view of VIEWS) {
      test(`${view.name}: no serious or critical violation`, async () => {
        const s = await open(browser, { width, height: width > 500 ? 800 : 844 });
        await gotoReady(s, view.hash);
        await view.ready(s.page);
        const { violations } = await audit(s.page);
        const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        const minor = violations
          .filter((v) => !severe.includes(v))
          .map((v) => `${v.impact} ${v.id}`);
        expect(
          severe.map((v) => v.id),
          `${view.name} at ${width} px:\n${describeViolations(severe)}\nothers: ${minor.join(", ") || "none"}`,
        ).toEqual([]);
        expectClean(s);
        await s.close();
      });
    }
  });
}

/** The build's own pages (issue "Sharing"), as read before or without their script: the event
 * page's script, which opens the app, is answered with an empty one. */
const PAGES: [string, string][] = [
  ["event page", "e/caracas-night-raid/"],
  ["source page", "s/002_bf7bde4e343e88ef/"],
];

for (const width of [1280, 390]) {
  describe(`axe at ${width} px, the build's own pages`, () => {
    for (const [name, path] of PAGES) {
      test(`${name}: no serious or critical violation`, async () => {
        const s = await open(browser, { width, height: width > 500 ? 800 : 844 });
        await s.page.route("**/open-event-*.js", (r) =>
          r.fulfill({ body: "", contentType: "text/javascript" }),
        );
        await s.page.goto(new URL(path, baseUrl()).href);
        await s.page.locator("main h1").waitFor();
        const { violations } = await audit(s.page);
        const severe = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
        expect(
          severe.map((v) => v.id),
          `${name} at ${width} px:\n${describeViolations(severe)}`,
        ).toEqual([]);
        expectClean(s);
        await s.close();
      });
    }
  });
}

const ANNOUNCER = '[data-testid="announcer"]';
const focusIn = (page: Page, selector: string) =>
  page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
/** Waits until the focused element satisfies `pred`, then says it is drawn. */
async function expectFocus(page: Page, pred: (f: Focused) => boolean, what: string) {
  await expect.poll(async () => pred(await focused(page)), { message: what }).toBe(true);
  expectVisibleFocus(await focused(page));
}

describe("keyboard only (1280 px)", () => {
  test("choose an event, read its source, jump back, filter, share", async () => {
    const s = await open(browser);
    await s.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await gotoReady(s);
    const p = s.page;
    const k = p.keyboard;

    // Choose an event from the list.
    const row = await tabUntil(
      p,
      (f) => f.tag === "BUTTON" && f.cls.includes("row") && !!f.eventId,
    );
    expectVisibleFocus(row);
    const id = row.eventId!;
    await k.press("Enter");
    await waitHash(p, new RegExp(`[#&]event=${id}(&|$)`));
    await expectFocus(p, (f) => f.id === "event-title", "the event's heading has the focus");

    // Read one of its passages in its source.
    expectVisibleFocus(await tabUntil(p, (f) => f.text === "Read in source", 30));
    await k.press("Enter");
    await waitHash(p, /[#&]source=[^&]+&passage=\d+-\d+/);
    await expectFocus(p, (f) => f.id === "reader-title", "the reader's heading has the focus");
    expect((await hashParams(p)).get("event")).toBe(id);

    // Jump back to the event with the reader's own back control.
    expectVisibleFocus(await tabUntil(p, (f) => f.text.endsWith("Back to event"), 3, "Shift+Tab"));
    await k.press("Enter");
    await waitHash(p, /^(?!.*[#&]source=)/);
    expect((await hashParams(p)).get("event")).toBe(id);
    await expectFocus(p, (f) => f.text === "Read in source", "back on the card it was read from");

    // Close the event (Escape), open the filters, and choose a category with Space.
    await k.press("Escape");
    await waitHash(p, /^(?!.*[#&]event=)/);
    await expectFocus(p, (f) => f.eventId === id, "back on the event's row");
    expect(await p.locator(ANNOUNCER).textContent(), "nothing announced yet").toBe("");
    const all = await count(p);
    expectVisibleFocus(await tabUntil(p, (f) => f.text === "Filters", 80, "Shift+Tab"));
    await k.press("Enter");
    await expect
      .poll(() => p.locator('button[aria-controls="filters"]').getAttribute("aria-expanded"))
      .toBe("true");
    const chip = await tabUntil(p, (f) => f.cls === "chip", 80);
    expect(await focusIn(p, "#filters fieldset"), "a chip of the filters").toBe(true);
    expectVisibleFocus(chip);
    await k.press("Space");
    await waitHash(p, /[#&]cat=[a-z-]+/);
    expect(await p.evaluate(() => document.activeElement?.getAttribute("aria-pressed"))).toBe(
      "true",
    );
    const filtered = await waitCount(p, (n, t) => n < t);
    expect(filtered.total).toBe(all.total);
    // The polite region says the new count once the change settles.
    await expect
      .poll(() => p.locator(ANNOUNCER).textContent(), { timeout: 5000 })
      .toBe(`${filtered.shown} of ${filtered.total} events shown`);
    expect(await p.locator(ANNOUNCER).getAttribute("aria-live")).toBe("polite");

    // Share the filtered view: the link is copied, and the page says so.
    expectVisibleFocus(await tabUntil(p, (f) => f.text === "Share", 80, "Shift+Tab"));
    await k.press("Enter");
    await expect
      .poll(() => p.locator(".notices").textContent())
      .toContain("Link copied to the clipboard.");
    // The map may still be easing to the filtered results, so the camera is left out.
    const noCamera = (url: string) => url.replace(/([#&])map=[^&]*&?/, "$1");
    const href = await p.evaluate(() => location.href);
    expect(href).toMatch(/[#&]cat=/);
    const copied = await p.evaluate(() => navigator.clipboard.readText());
    expect(noCamera(copied)).toBe(noCamera(href));
    expectVisibleFocus(await focused(p));
    expectClean(s);
    await s.close();
  });
});

describe("the count's live region (1280 px)", () => {
  test("a timeline drag is announced once, where it stops, and the first load not at all", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const p = s.page;
    const all = await count(p);
    // Everything the region says from now on, as a screen reader would be handed it.
    await p.evaluate((sel) => {
      const region = document.querySelector(sel)!;
      const said: string[] = [];
      (window as unknown as { said: string[] }).said = said;
      new MutationObserver(() => said.push(region.textContent ?? "")).observe(region, {
        childList: true,
        characterData: true,
        subtree: true,
      });
    }, ANNOUNCER);
    expect(await p.locator(ANNOUNCER).textContent(), "silent after the first load").toBe("");
    const track = (await p.locator(".timeline-track").boundingBox())!;
    const from = (await p.locator('[data-handle="from"]').boundingBox())!;
    const y = from.y + from.height / 2;
    await p.mouse.move(from.x + from.width / 2, y);
    await p.mouse.down();
    await p.mouse.move(track.x + track.width * 0.75, y, { steps: 12 });
    await p.mouse.up();
    const dragged = await waitCount(p, (n) => n < all.shown);
    const words = `${dragged.shown} of ${dragged.total} events shown`;
    await expect.poll(() => p.locator(ANNOUNCER).textContent(), { timeout: 5000 }).toBe(words);
    await p.waitForTimeout(1000);
    const said = await p.evaluate(() => (window as unknown as { said: string[] }).said);
    expect(said.filter(Boolean), "one announcement for the whole drag").toEqual([words]);
    expectClean(s);
    await s.close();
  });
});
