/**
 * Issue 28, hostile datasets: every case of the corpus (tests/fixtures/hostile/README.md), opened
 * through `data=` on the built site, either shows a named error or renders its text as inert
 * text. None may crash or hang the page, nor inject an element or run a script.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { revealInvisible } from "../../src/model/text/invisible.ts";
import { baseUrl, launch, open, type Session } from "./harness.ts";
import { expectClean, READY } from "./helpers.ts";
import { BIG_TITLE_LENGTH, CORPUS, MANY_SOURCES } from "./hostile-data.ts";

const ERROR = "main.state-error";
const SOURCES = `sources=${CORPUS}/data/sources.json`;
/** The link that opens `file` of the corpus, with the corpus' sources file if `sources`. */
const data = (file: string, sources = false, event = "") =>
  `#${event ? `event=${event}&` : ""}data=${CORPUS}/${file}${sources ? `&${SOURCES}` : ""}&v=2`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the case and waits for the map to be ready or the error state to show; how long it took. */
async function openCase(
  hash: string,
): Promise<{ s: Session; outcome: "ready" | "error"; ms: number }> {
  const s = await open(browser);
  const t0 = Date.now();
  await s.page.goto(new URL("/", baseUrl()).href + hash);
  const outcome = await Promise.race([
    s.page.waitForSelector(READY, { timeout: 30_000 }).then(() => "ready" as const),
    s.page.waitForSelector(ERROR, { timeout: 30_000 }).then(() => "error" as const),
  ]);
  return { s, outcome, ms: Date.now() - t0 };
}

/** Nothing ran, nothing was injected, no prototype was polluted, and the page still answers. */
async function expectInert(s: Session): Promise<void> {
  expect(await s.page.locator("#injected, iframe, script:not([src])").count()).toBe(0);
  const probe = await s.page.evaluate(() => ({
    pwned: (window as { pwned?: unknown }).pwned,
    polluted: ({} as { polluted?: unknown }).polluted,
    answers: 1 + 1,
  }));
  expect(probe).toEqual({ pwned: undefined, polluted: undefined, answers: 2 });
}

/** The error state names the file and the problem. */
async function expectNamedError(s: Session, file: string, problem: RegExp): Promise<void> {
  const message = (await s.page.locator(`${ERROR} p`).first().textContent()) ?? "";
  expect(message.startsWith(`${file}: `), message).toBe(true);
  expect(message).toMatch(problem);
  // The page logs what it shows, once; nothing else.
  expectClean(s, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `));
}

describe("hostile datasets show a named error", () => {
  test.each([
    ["data/truncated.geojson", false, /: invalid JSON \(/],
    ["data/nan.geojson", false, /: invalid JSON \(/],
    ["data/infinity.geojson", false, /event 1 \("infinity"\) geometry\.coordinates holds Infinity/],
    [
      "data/wrong-types.geojson",
      false,
      /event 2 \("wrong-types"\) properties\.title is not a string/,
    ],
    [
      "data/proto-category.geojson",
      false,
      /event 1 \("proto-category"\) properties\.category "__proto__" is not one of its values/,
    ],
    [
      "generated/deep-geometry.geojson",
      false,
      /event 1 \("deep-geometry"\) geometry\.coordinates holds an array where a number should be/,
    ],
  ])("%s", async (file, sources, problem) => {
    const { s, outcome } = await openCase(data(file, sources));
    expect(outcome).toBe("error");
    await expectNamedError(s, `${CORPUS}/${file}`, problem);
    await expectInert(s);
    await s.close();
  });

  test("a sources file that names 10 000 texts is refused before any is fetched", async () => {
    const file = `${CORPUS}/generated/sources-10000.json`;
    const { s, outcome } = await openCase(`#sources=${file}&v=2`);
    expect(outcome).toBe("error");
    await expectNamedError(
      s,
      file,
      new RegExp(`names ${MANY_SOURCES.toLocaleString("en")} source documents, more than`),
    );
    // The page's HTML hints at the shipped texts before any script runs; the loader asks for none.
    const hinted = await s.page.evaluate(() =>
      [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"]')].map((l) => l.href),
    );
    expect(hinted.length).toBeGreaterThan(0);
    expect(s.requests.filter((r) => r.includes("/seeds/") && !hinted.includes(r))).toEqual([]);
    await expectInert(s);
    await s.close();
  });
});

describe("hostile datasets render as inert text", () => {
  test("markup in titles, summaries, actors and the source's text and title", async () => {
    const { s, outcome } = await openCase(data("data/html.geojson", true));
    expect(outcome).toBe("ready");
    expect(await s.page.locator(".row-title").textContent()).toBe(
      "<script id=injected>window.pwned=1</script> Markup in a title <img id=injected src=x onerror=window.pwned=1>",
    );
    await s.page.locator(".row").click();
    const panel = s.page.locator("article.event-panel");
    await expect
      .poll(() => panel.locator("#event-title").textContent())
      .toBe(
        "<script id=injected>window.pwned=1</script> Markup in a title <img id=injected src=x onerror=window.pwned=1>",
      );
    expect(await panel.textContent()).toContain("<b>bold?</b>");
    expect(await panel.locator("li.citation mark").textContent()).toBe(
      "were <img id=injected src=x onerror=window.pwned=1> at the port",
    );
    await panel
      .getByRole("button", { name: /read in source/i })
      .first()
      .click();
    const reader = s.page.locator("article.reader");
    await expect
      .poll(() => reader.locator(".source-text").textContent())
      .toContain("<script id=injected>window.pwned=1</script>");
    expect(await reader.textContent()).toContain('<iframe src="javascript:window.pwned=1">');
    await expectInert(s);
    expectClean(s);
    await s.close();
  });

  test("__proto__ and constructor keys: nothing polluted, the events are there", async () => {
    const { s, outcome } = await openCase(data("data/proto-keys.geojson"));
    expect(outcome).toBe("ready");
    expect((await s.page.locator(".row-title").allTextContents()).sort()).toEqual([
      "An event whose id is constructor",
      "__proto__",
    ]);
    // The id `constructor` names its event (the alias `__proto__` is no slug: no link names it).
    await s.page.evaluate(() => {
      location.hash = "event=constructor&data=tests/fixtures/hostile/data/proto-keys.geojson&v=2";
    });
    await expect
      .poll(() => s.page.locator("#event-title").textContent())
      .toBe("An event whose id is constructor");
    await expectInert(s);
    expectClean(s);
    await s.close();
  });

  test("a 10 MB title is shortened, with a mark, without freezing the page", async () => {
    const { s, outcome, ms } = await openCase(data("generated/big-title.geojson"));
    expect(outcome).toBe("ready");
    const title = (await s.page.locator(".row-title").first().textContent()) ?? "";
    expect(title).toMatch(
      new RegExp(
        `^A{500}… \\[title shortened: ${BIG_TITLE_LENGTH.toLocaleString("en")} characters\\]$`,
      ),
    );
    // Still answering: a click on the row opens the event at once.
    const t0 = Date.now();
    await s.page.locator(".row").first().click();
    await s.page.waitForSelector("#event-title");
    const clickMs = Date.now() - t0;
    console.log(`big title: ready in ${ms} ms, a click answered in ${clickMs} ms`);
    expect(clickMs).toBeLessThan(5000);
    await expectInert(s);
    expectClean(s);
    await s.close();
  });

  test("deeply nested arrays in a property the page does not read are ignored", async () => {
    const { s, outcome } = await openCase(data("generated/deep-property.geojson"));
    expect(outcome).toBe("ready");
    expect(await s.page.locator(".row-title").allTextContents()).toEqual([
      "Deeply nested, unknown property",
    ]);
    await expectInert(s);
    expectClean(s);
    await s.close();
  });

  test("a missing source text is named in a notice; the rest of the dataset shows", async () => {
    const { s, outcome } = await openCase(data("data/missing-text.geojson", true));
    expect(outcome).toBe("ready");
    const notice = s.page.locator('[data-testid="notice-error"]').first();
    await expect
      .poll(() => notice.textContent())
      .toContain(
        `A source's text could not be loaded: ${CORPUS}/seeds/hostile-missing.txt: was not found`,
      );
    expect(await s.page.locator(".row-title").allTextContents()).toEqual([
      "A passage of a source whose text is missing",
    ]);
    await expectInert(s);
    expectClean(s);
    await s.close();
  });
});

describe("a quote cannot look different from the passage it anchors", () => {
  test.each([
    ["bidi-quote", "the report was \u202eeslaf\u202c", "the report was ⟨U+202E⟩eslaf⟨U+202C⟩"],
    ["zero-width-quote", "Ma\u200bduro was in Caracas", "Ma⟨U+200B⟩duro was in Caracas"],
  ])(
    "%s: shown with its invisible characters as marks, in the card and the reader alike",
    async (id, raw, shown) => {
      const { s, outcome } = await openCase(data("data/bidi.geojson", true, id));
      expect(outcome).toBe("ready");
      const card = s.page.locator("article.event-panel li.citation").first();
      await expect.poll(() => card.locator("mark").textContent()).toBe(shown);
      expect(revealInvisible(raw)).toBe(shown);
      // No control left in what is shown: the order on screen is the order of the characters.
      const cardText = (await card.locator("blockquote").textContent()) ?? "";
      expect(cardText).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      await card.getByRole("button", { name: /read in source/i }).click();
      const reader = s.page.locator("article.reader");
      const chosen = reader
        .locator("mark.chosen, mark[aria-current], .source-text mark")
        .filter({ hasText: shown });
      await expect.poll(() => chosen.count()).toBeGreaterThan(0);
      const readerText = (await reader.locator(".source-text").textContent()) ?? "";
      expect(readerText).not.toMatch(/[\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
      expect(readerText).toContain(shown);
      await expectInert(s);
      expectClean(s);
      await s.close();
    },
  );
});
