/**
 * The lazy views in Spanish on the built site (lang=es): the source reader, the list of events
 * at a spot, and the filter bar's status chips say their words in Spanish, and none of the
 * English strings they replace is left visible there.
 */
import type { Locator } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gotoReady, launch, open } from "./harness.ts";
import { saveShot } from "./helpers.ts";

const CARACAS = "#map=9/10.5061/-66.9146";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** None of `words` in the element's text (as a whole word, any case). */
async function expectNone(el: Locator, words: readonly string[]): Promise<void> {
  const text = (await el.textContent()) ?? "";
  const left = words.filter((w) => new RegExp(`\\b${w}\\b`, "i").test(text));
  expect(left).toEqual([]);
}

describe("the interface in Spanish", () => {
  test("the source reader", async () => {
    const s = await open(browser);
    await gotoReady(s, "#source=002_bf7bde4e343e88ef&passage=4327-4385&lang=es&v=2");
    const reader = s.page.locator('html[lang="es"] article.reader');
    await reader.waitFor();
    const top = reader.locator(".reader-top");
    expect((await top.locator(".eyebrow").textContent()) ?? "").toMatch(/^Documento fuente · 002/);
    expect((await top.locator(".source-meta").textContent()) ?? "").toMatch(/\d+ pasajes citados$/);
    expect((await top.getByRole("button").textContent()) ?? "").toContain("Todos los eventos");
    expect(await reader.locator("mark.chosen").first().getAttribute("title")).toMatch(
      /^Citado por/,
    );
    await expectNone(top, ["Source document", "cited passages?", "All events", "Back to event"]);
    await saveShot(s.page, "i18n-reader-es");
  });

  test("the list of events at a spot (in the embed, where a cluster lists them)", async () => {
    const s = await open(browser, { width: 640, height: 480 });
    await gotoReady(s, `${CARACAS}&cat=checkpoint,raid,detention&embed=1&lang=es&v=2`);
    const map = (await s.page.getByTestId("map").boundingBox())!;
    await s.page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    const list = s.page.getByTestId("cluster-list");
    await list.waitFor();
    expect((await list.getByRole("heading").textContent()) ?? "").toMatch(/^\d+ eventos aquí$/);
    await list.getByRole("button", { name: "Cerrar la lista de eventos de este punto" }).waitFor();
    await expectNone(list, ["events here", "Jan", "Sept", "Oct", "Nov", "Dec"]);
    await saveShot(s.page, "i18n-cluster-es");
  });

  test("the filter bar's status chips", async () => {
    const s = await open(browser);
    await gotoReady(s, "#lang=es&v=2");
    await s.page.getByRole("button", { name: "Filtros", exact: true }).click();
    const chips = s.page.locator(".status-chip");
    await chips.first().waitFor();
    const texts = await chips.allTextContents();
    expect(texts.map((t) => t.split(/\s+/)[0])).toEqual(["Reportado", "Corroborado", "Desmentido"]);
    expect(texts.join(" ")).toContain("2+ orígenes independientes");
    for (const chip of await chips.all())
      await expectNone(chip, ["Reported", "Corroborated", "Disputed", "origins?", "denied"]);
    await saveShot(s.page, "i18n-filters-es");
  });
});
