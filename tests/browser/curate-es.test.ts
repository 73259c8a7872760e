/**
 * Curate mode in Spanish: with `lang=es` its panel, forms and refusals speak Spanish (its own
 * catalogue pair, loaded with the curate chunk), none of the English it had, and it says that the
 * validator's messages stay in English. Switching to English rewords it in place.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { curate as en } from "../../src/model/i18n/en/curate.ts";
import { gotoReady, launch, open } from "./harness.ts";

const PANEL = '[data-testid="curate"]';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("curate mode in Spanish", () => {
  test("shows Spanish words and none of the English ones", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&lang=es&v=2");
    const p = s.page;
    const panel = p.locator(PANEL);
    await panel.getByRole("heading", { name: "Curaduría" }).waitFor();
    await panel.getByRole("button", { name: "Añadir una fuente" }).waitFor();
    await panel.getByRole("button", { name: "Nuevo evento" }).waitFor();
    await panel.getByTestId("validator-note").waitFor();
    expect(await panel.getByTestId("validator-note").textContent()).toBe(
      "Los mensajes del validador están en inglés.",
    );

    await panel.getByRole("button", { name: "Añadir una fuente" }).click();
    await panel.getByRole("button", { name: "Añadir al borrador" }).click();
    // The form's refusals are worded by the catalogue too.
    await panel.getByText("Indique el título del documento.").waitFor();
    await panel.getByText("No se puede añadir este texto: el texto está vacío.").waitFor();

    const text = ((await panel.textContent()) ?? "").replace(/\s+/g, " ");
    const english = [
      en.addSource.open,
      en.addSource.add,
      en.addSource.text,
      en.newEvent.open,
      en.panel.intro,
      en.panel.leave,
      en.sourceForm.noTitle,
      en.sourceFields.basis,
      en.events.heading,
    ];
    expect(english.filter((words) => text.includes(words))).toEqual([]);
  });

  test("rewords the panel in place when the language switches", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&lang=es&v=2");
    const panel = s.page.locator(PANEL);
    await panel.getByRole("button", { name: "Añadir una fuente" }).waitFor();
    await s.page.getByRole("button", { name: "EN", exact: true }).click();
    await panel.getByRole("button", { name: en.addSource.open }).waitFor();
    expect(await panel.getByTestId("validator-note").count()).toBe(0);
  });
});
