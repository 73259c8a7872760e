/**
 * The views in Spanish on the built site (lang=es): the source reader, the list of events at a
 * spot, the filter bar, the embed, an event's evidence and the map's own labels say their words
 * in Spanish, and none of the English strings they replace is left visible there.
 */
import type { Locator } from "playwright-core";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { baseUrl, gotoReady, launch, open } from "./harness.ts";
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

  test("the whole filter bar: its legends, category chips, search and dates", async () => {
    const s = await open(browser);
    await gotoReady(s, "#lang=es&v=2");
    await s.page.getByRole("button", { name: "Filtros", exact: true }).click();
    const bar = s.page.getByRole("region", { name: "Filtros" });
    await bar.locator(".chip").first().waitFor();
    expect(await bar.locator("legend").allTextContents()).toEqual([
      "Categoría",
      "Estado",
      "Fuente",
      "Fechas",
    ]);
    expect(await bar.getByRole("searchbox").getAttribute("placeholder")).toBe(
      "Buscar eventos y citas…",
    );
    await bar.getByRole("button", { name: /^Incursión \d+$/ }).waitFor();
    // (Not "Raid": a source chip shows a document's own title, which may have the word.)
    await expectNone(bar, ["Category", "Source", "Dates", "From", "Military strike", "Detention"]);
  });

  test("the embed: its heading, scope line and event card", async () => {
    const s = await open(browser, { width: 640, height: 480 });
    await gotoReady(s, "#event=caracas-night-raid&cat=raid&from=2025-12-01&embed=1&lang=es&v=2");
    const head = s.page.getByTestId("embed-head");
    expect(await head.getByRole("heading").textContent()).toBe(
      "Mapa de situación de Venezuela · Crisis EE. UU.–Venezuela",
    );
    expect((await head.getByTestId("embed-scope").textContent()) ?? "").toMatch(
      /^\d+ de 39 eventos · desde el 1 dic 2025 · Incursión$/,
    );
    await head.getByRole("link", { name: "Abrir el mapa completo ↗" }).waitFor();
    const card = s.page.getByTestId("embed-card");
    await card.getByRole("button", { name: "Cerrar este evento" }).waitFor();
    expect((await card.textContent()) ?? "").toContain("3 ene 2026");
    await card.getByRole("link", { name: "Ver las fuentes ↗" }).waitFor();
    for (const el of [head, card])
      await expectNone(el, ["events", "All dates", "from", "Raid", "Open the full map", "Jan"]);
    await saveShot(s.page, "i18n-embed-es");
  });

  test("an event's evidence, its origins and the map's own labels", async () => {
    const s = await open(browser);
    await gotoReady(s, "#event=caracas-night-raid&lang=es&v=2");
    const panel = s.page.locator("article.event-panel");
    await panel.getByText("Cómo se califica la evidencia").click();
    await panel.getByText("La evidencia se cuenta por", { exact: false }).waitFor();
    await panel
      .getByRole("heading", { name: /^De un informe sin nombre que reproducen/ })
      .waitFor();
    expect(await panel.locator(".basis .original-mark").count()).toBe(2);
    await expectNone(panel, [
      "How evidence is rated",
      "unnamed report",
      "Retells",
      "Copy citation",
      "Passages that only fix",
    ]);
    // MapLibre's own labels, through its locale.
    expect(await s.page.locator(".maplibregl-canvas").getAttribute("aria-label")).toBe("Mapa");
    await saveShot(s.page, "i18n-event-es");
  });

  test("the map's place says it is loading, in Spanish, until it is drawn", async () => {
    const s = await open(browser);
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await s.page.route(/\/assets\/maplibre-[^/]*\.js$/, async (route) => {
      await held;
      await route.fallback();
    });
    await s.page.goto(`${baseUrl()}#lang=es&v=2`);
    const map = s.page.locator('[data-testid="map"][data-first-draw="pending"]');
    await map.waitFor();
    // base.css shows the attribute's words over the sea (content: attr(data-loading)).
    const shown = await map.evaluate((el) => getComputedStyle(el, "::after").content);
    expect(shown).toBe('"Cargando el mapa…"');
    release();
    await s.close();
  });
});
