/**
 * Curation in the browser, the source half of issue 25: a sixth document, in Spanish with «»
 * quotes, pasted into the panel is read like the shipped five (reader, Source filter and its
 * counts, search); it survives a reload as part of the draft; words selected in it are cited on a
 * shipped event, checked by the validator at once; and the problems list counts what is left.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { gotoReady, launch, open } from "./harness.ts";
import { selectInReader } from "./curate-helpers.ts";
import { count, expectClean, waitCount, waitHash } from "./helpers.ts";

const EVENT = "us-security-alert-leave-venezuela";
const QUOTE = "«No hubo ningún ataque en La Guaira»";
const TEXT = [
  `Caracas, 12 de enero de 2026. El Ministerio de Relaciones Exteriores afirmó: ${QUOTE}.`,
  "El comunicado añadió: «Venezuela rechaza la alerta» y pidió calma.",
  "",
].join("\r\n");

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** The Source filter's chip for `short` (e.g. "005"): its name and count. */
async function sourceChip(page: Page, short: string) {
  const filters = page.getByRole("button", { name: "Filters", exact: true });
  if ((await filters.getAttribute("aria-expanded")) !== "true") await filters.click();
  const chip = page
    .getByRole("group", { name: "Source" })
    .locator(".chip", { hasText: `${short} ·` });
  await chip.waitFor();
  return {
    name: await chip.locator(".chip-name").textContent(),
    n: Number(await chip.locator(".n").last().textContent()),
  };
}

describe("curating a sixth document", () => {
  test("add it, find it everywhere, reload, cite it, and count the problems", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${EVENT}&curate=1&v=2`);
    const p = s.page;
    const panel = p.locator('[data-testid="curate"]');
    await panel.getByText("No changes yet.").waitFor();
    await panel.getByRole("heading", { name: "No problems" }).waitFor();

    // 1. Add it: pasted with CRLF line endings, which become LF (the form says it will).
    await panel.getByRole("button", { name: "Add a source" }).click();
    // The event form (a shipped event is selected) has fields of the same names.
    const form = panel.getByTestId("add-source");
    await form.getByLabel("Text of the document").fill(TEXT);
    await form.getByLabel("Title").fill("Cancillería niega un ataque en La Guaira");
    await form.getByLabel(/^Outlet/).fill("Comunicado oficial");
    await form.getByLabel("Published").fill("2026-01-12");
    await form.getByLabel("How the date is known").fill("Fechado en su primera línea.");
    await form.getByLabel(/^Language/).fill("es");
    await form.getByRole("button", { name: "Add to the draft" }).click();
    const added = await panel.getByText(/^Added 005_[0-9a-f]{16} to the draft/).textContent();
    const id = /005_[0-9a-f]{16}/.exec(added ?? "")![0];

    // 2. The reader opens it like a shipped one, its text as given but for the line endings.
    const reader = p.locator(`article.reader[data-source-id="${id}"]`);
    await reader
      .getByRole("heading", { name: "Cancillería niega un ataque en La Guaira" })
      .waitFor();
    expect(await reader.locator(".source-text").textContent()).toBe(TEXT.replaceAll("\r\n", "\n"));
    expect(await reader.locator(".source-text").getAttribute("lang")).toBe("es");
    await waitHash(p, new RegExp(`[#&]source=${id}(&|$)`));
    expect(await sourceChip(p, "005")).toEqual({ name: "005 · Comunicado oficial", n: 0 });

    // 3. Reload halfway: the draft comes back with its new document, still open in the reader.
    await p.reload();
    await p.locator('[data-testid="map"][data-ready="true"]').waitFor({ timeout: 30_000 });
    await panel.getByText("Draft restored (1 change)").waitFor();
    await reader.locator(".source-text").getByText(QUOTE).waitFor();

    // 4. Cite words in it on the shipped event, which stays selected behind the reader.
    await selectInReader(p, QUOTE);
    const cite = panel.getByTestId("cite");
    await cite.getByRole("button", { name: "Cite this passage" }).click();
    expect(await cite.locator("blockquote").textContent()).toBe(QUOTE);
    expect(await cite.getByLabel("Evidence of the event").inputValue()).toBe(EVENT);
    await cite.getByLabel("Stance").selectOption("denies");
    await cite.getByLabel(/^Their name/).fill("Venezuelan Foreign Ministry");
    await cite.getByLabel(/^Words that name them/).fill("El Ministerio de Relaciones Exteriores");
    await cite.getByRole("button", { name: "Add the citation" }).click();

    // Checked at once by the validator: the denial is fine, the event's status no longer is.
    const verdict = cite.getByTestId("cite-verdict");
    await verdict.getByText(/^Cited on “/).waitFor();
    await verdict.getByText('a citation denies the event, but its status is "reported"').waitFor();
    await panel.getByRole("heading", { name: "1 problem" }).waitFor();
    // Edited since the reload: the status line counts the changes, no longer "restored".
    await panel.getByTestId("draft-status").getByText("2 changes, saved in this browser").waitFor();

    // 5. The reader marks the new passage, the Source filter counts it, search finds it.
    await reader.locator("mark.cited", { hasText: QUOTE }).waitFor();
    expect(await sourceChip(p, "005")).toEqual({ name: "005 · Comunicado oficial", n: 1 });
    const total = (await count(p)).total;
    await p.getByRole("searchbox").fill("ningun ataque en la guaira");
    await waitCount(p, (shown) => shown === 1);
    expect((await count(p)).total).toBe(total);

    // 6. The problem goes to its field: the cited passage, open in the reader.
    await panel.getByRole("button", { name: /its status is "reported"/ }).click();
    await waitHash(p, new RegExp(`event=${EVENT}.*source=${id}&passage=\\d+-\\d+`));
    await reader.locator("mark.cited.chosen", { hasText: QUOTE }).waitFor();
    expectClean(s);
    await s.close();
  });
});
