/**
 * Issue 25's whole curation, in one page as a curator does it: add a sixth document (in Spanish,
 * with «» quotes), make an event, reload halfway and find the draft, cite words selected in the
 * new document, place the event with a radius, review, export the zip, check the exported files
 * with the validator (the code of `npm run check:data`): no error; then serve them as a dataset
 * (`data=`/`sources=`, same origin) and find the new event's quote marked in the reader.
 */
import { readFileSync, readdirSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/model/validate/validate.ts";
import { addSpanishNote, selectInReader } from "./curate-helpers.ts";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean, READY, waitSettled, projectOnMap } from "./helpers.ts";

const QUOTE = "«los buques fueron interceptados frente a Puerto Cabello»";
const TEXT = [
  "Puerto Cabello, 14 de enero de 2026.",
  `La Armada informó que ${QUOTE} durante la madrugada.`,
  "",
].join("\n");
const TITLE = "Test: ships intercepted off Puerto Cabello";
const ID = "test-ships-intercepted-off-puerto-cabello";
const PUERTO_CABELLO: [number, number] = [-68.0125, 10.4731];
/** Where the test serves the exported files, beside the built site. */
const SERVED = "curate-export";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Fills a field and leaves it: the event form writes a field to the draft on change. */
async function fillField(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = page.getByLabel(label).first();
  await field.fill(value);
  await field.press("Tab");
}

const statusLine = (p: Page) => p.locator('[data-testid="draft-status"] [role="status"]');

describe("a whole curation, from a pasted report to the served dataset", () => {
  test("add, cite, place, reload, export, validate, serve", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    const panel = p.locator('[data-testid="curate"]');
    p.on("pageerror", (e) => console.log("PAGEERROR", e.stack, new Error().stack?.split("\n")[2]));
    await panel.getByText("No changes yet.").waitFor();

    // 1. The event, made first, so it stays selected while its source is read.
    await p.getByRole("button", { name: "New event" }).click();
    await p.locator("#new-ev-title").fill(TITLE);
    await p.locator("#new-ev-category").selectOption("maritime-seizure");
    await p.locator("#new-ev-start").fill("2026-01-14");
    await p.getByRole("button", { name: "Add event" }).click();
    await p.getByTestId("event-form").waitFor();
    expect(await p.locator("#ev-id").inputValue()).toBe(ID);
    await fillField(p, /^Summary/, "The navy said ships were intercepted off Puerto Cabello.");
    await fillField(
      p,
      /^Date basis/,
      "The report's dateline and its words 'durante la madrugada'.",
    );
    await fillField(p, /^Place name/, "Puerto Cabello");
    await p.getByLabel(/^Place precision/).selectOption("city");
    await fillField(p, /^Place basis/, "Named in the report; the port city's coordinates.");

    // 2. A sixth document, pasted.
    const source = await addSpanishNote(panel, TEXT);
    const reader = p.locator(`article.reader[data-source-id="${source}"]`);
    await reader.locator(".source-text").getByText(QUOTE).waitFor();

    // 3. Reload halfway: the draft is back, with both changes.
    await p.reload();
    await p.waitForSelector(READY, { timeout: 30_000 });
    await expect.poll(() => statusLine(p).textContent()).toBe("Draft restored (2 changes)");
    await reader.locator(".source-text").getByText(QUOTE).waitFor();

    // 4. Cite words selected in it, on the new event.
    await selectInReader(p, QUOTE);
    const cite = panel.getByTestId("cite");
    await cite.getByRole("button", { name: "Cite this passage" }).click();
    expect(await cite.getByLabel("Evidence of the event").inputValue()).toBe(ID);
    await cite.getByLabel("Stance").selectOption("reports");
    await cite.getByRole("button", { name: "Add the citation" }).click();
    await cite
      .getByTestId("cite-verdict")
      .getByText(/^Cited on “/)
      .waitFor();

    // 5. Place it with a radius: press on Puerto Cabello and drag outwards.
    await p.locator("article.reader .panel-bar button.back").click();
    await p.getByTestId("event-form").waitFor();
    await waitSettled(p);
    const at = await projectOnMap(p, PUERTO_CABELLO);
    await p.getByRole("button", { name: "Place on map" }).click();
    await p.getByText("Click the map for a point, or press and drag outwards").waitFor();
    await p.mouse.move(at.x, at.y);
    await p.mouse.down();
    for (let dx = 8; dx <= 40; dx += 8) await p.mouse.move(at.x + dx, at.y);
    await p.mouse.up();
    const radiusField = p.getByLabel("Radius (km) of uncertainty");
    await expect.poll(() => radiusField.inputValue()).not.toBe("");
    expect(Number(await radiusField.inputValue())).toBeGreaterThan(0);

    // 6. Review and export: the validator accepts the draft, so the zip is a clean one.
    await p.getByRole("button", { name: "Review changes" }).click();
    const review = p.getByTestId("review");
    expect(await review.textContent()).toContain(TITLE);
    await p.getByText("The validator accepts this draft.").waitFor();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Download as zip" }).click(),
    ]);
    expect(download.suggestedFilename()).not.toMatch(/DRAFT/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual([
      "data/events.geojson",
      "data/sources.json",
      `seeds/${source}.txt`,
    ]);
    expect(strFromU8(files[`seeds/${source}.txt`]!)).toBe(TEXT);
    expectClean(s);
    await s.close();

    // 7. The validator on the exported files, with the shipped documents beside the new one.
    const seeds: Record<string, string> = {};
    for (const name of readdirSync("seeds"))
      seeds[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
    seeds[source] = TEXT;
    const eventsText = strFromU8(files["data/events.geojson"]!);
    const sourcesText = strFromU8(files["data/sources.json"]!);
    const result = validateDataset({
      eventsFile: "data/events.geojson",
      eventsText,
      sourcesFile: "data/sources.json",
      sourcesText,
      seeds,
    });
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);

    // 8. Served as a dataset of its own: the new event opens, its quote marked in the reader.
    const served: Record<string, string> = {
      [`${SERVED}/data/events.geojson`]: eventsText,
      [`${SERVED}/data/sources.json`]: sourcesText,
    };
    for (const [id, text] of Object.entries(seeds)) served[`${SERVED}/seeds/${id}.txt`] = text;
    const v = await open(browser);
    await v.page.route(`**/${SERVED}/**`, (route) => {
      const path = new URL(route.request().url()).pathname.replace(/^\//, "");
      const body = served[path];
      return body === undefined
        ? route.fulfill({ status: 404, body: "" })
        : route.fulfill({ status: 200, body, contentType: "text/plain; charset=utf-8" });
    });
    await gotoReady(
      v,
      `#event=${ID}&data=${SERVED}/data/events.geojson&sources=${SERVED}/data/sources.json&v=2`,
    );
    const event = v.page.locator(`article.event-panel[data-event-id="${ID}"]`);
    await event.getByRole("heading", { name: TITLE }).waitFor();
    await event.getByRole("button", { name: "Read in source" }).first().click();
    const shown = v.page.locator(`article.reader[data-source-id="${source}"]`);
    await shown.locator("mark.cited.chosen", { hasText: QUOTE }).waitFor();
    expectClean(v);
    await v.close();
  }, 180_000);
});
