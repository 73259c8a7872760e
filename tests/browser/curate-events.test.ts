/**
 * A curator adds an event in the browser (issue 25, must-haves 4 and 6): fills the form, places a
 * point with a radius by dragging on the map and sees it drawn, reloads and finds the draft,
 * reviews it as added, and exports a zip whose files the validator (the code of
 * `npm run check:data`) accepts with no error.
 */
import { readFileSync, readdirSync } from "node:fs";
import { unzipSync, strFromU8 } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { formatProblem, validateDataset } from "../../src/model/validate/validate.ts";
import { gotoReady, launch, open } from "./harness.ts";
import { events, expectClean, READY, waitSettled, projectOnMap } from "./helpers.ts";
import { colourFraction, decodePng } from "./png.ts";

const MARACAY: [number, number] = [-67.5958, 10.2469];
const TITLE = "Test event: drone seen over Maracay";
const ID = "test-event-drone-seen-over-maracay";
/** The colour curate mode draws the edited shape in (src/map/curate-draw.ts). */
const DRAFT_COLOUR = "#c026d3";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** A quote that anchors as it is: a shipped citation with no context, from its own source. */
function anchoredQuote(): { source: string; exact: string } {
  for (const e of events())
    for (const c of e.properties.citations as {
      source: string;
      exact: string;
      prefix?: string;
      suffix?: string;
      stance: string;
    }[])
      if (!c.prefix && !c.suffix && c.stance === "reports")
        return { source: c.source, exact: c.exact };
  throw new Error("no shipped citation without context");
}

/** Fills a field and leaves it: the form writes a field to the draft on change. */
async function fillField(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = page.getByLabel(label).first();
  await field.fill(value);
  await field.press("Tab");
}

describe("curating an event", () => {
  test("new event, placed with a radius, kept over a reload, reviewed and exported", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    await p.getByRole("button", { name: "New event" }).click();
    await p.locator("#new-ev-title").fill(TITLE);
    await p.locator("#new-ev-category").selectOption("airspace");
    await p.locator("#new-ev-start").fill("2026-01-05");
    await p.getByRole("button", { name: "Add event" }).click();
    const form = p.getByTestId("event-form");
    await form.waitFor();
    expect(await p.locator("#ev-id").inputValue()).toBe(ID);
    await expect
      .poll(() => p.evaluate(() => document.activeElement?.id), {
        message: "focus goes on in the new form",
      })
      .toBe("ev-summary");

    await fillField(p, /^Summary/, "A test event made by the browser test.");
    await fillField(p, /^Date basis/, "The test says so.");
    await fillField(p, /^Place name/, "Maracay");
    await p.getByLabel(/^Place precision/).selectOption("city");
    await fillField(p, /^Place basis/, "Maracay, geocoded from GeoNames.");
    const quote = anchoredQuote();
    await p.locator("#ev-cite-source").selectOption(quote.source);
    await p.locator("#ev-cite-exact").fill(quote.exact);
    await p.getByRole("button", { name: "Add citation" }).click();
    await expect
      .poll(() => p.getByTestId("status-verdict").textContent())
      .toBe("The validator accepts this status with these citations.");

    // Place on map: press on Maracay and drag outwards for the radius.
    await waitSettled(p);
    const at = await projectOnMap(p, MARACAY);
    const around = { x: at.x - 70, y: at.y - 70, width: 140, height: 140 };
    const drawn = async () =>
      colourFraction(decodePng(await p.screenshot({ clip: around })), [DRAFT_COLOUR], 30);
    expect(await drawn(), "nothing in the draft's colour before").toBeLessThan(0.001);
    await p.getByRole("button", { name: "Place on map" }).click();
    await p.getByText("Click the map for a point, or press and drag outwards").waitFor();
    await p.mouse.move(at.x, at.y);
    await p.mouse.down();
    for (let dx = 8; dx <= 48; dx += 8) await p.mouse.move(at.x + dx, at.y);
    await p.mouse.up();
    await expect.poll(() => p.getByLabel("Radius (km) of uncertainty").inputValue()).not.toBe("");
    const radius = Number(await p.getByLabel("Radius (km) of uncertainty").inputValue());
    const lat = Number(await p.getByLabel("Latitude").inputValue());
    const lng = Number(await p.getByLabel("Longitude").inputValue());
    expect(radius).toBeGreaterThan(0);
    expect(Math.abs(lat - MARACAY[1])).toBeLessThan(0.2);
    expect(Math.abs(lng - MARACAY[0])).toBeLessThan(0.2);
    expect(await p.locator('[data-testid="map"][data-placing]').count(), "placing ends").toBe(0);

    // Drawn: the draft's dashed circle, in its own colour, around the point.
    await waitSettled(p);
    expect(await drawn(), "the draft's shape is drawn").toBeGreaterThan(0.005);
    expect(await p.locator(".event-panel").textContent()).toContain(TITLE);

    // A reload brings the draft back, with the event still selected in its form.
    await p.reload();
    await p.waitForSelector(READY, { timeout: 30_000 });
    const line = p.locator('[data-testid="draft-status"] [role="status"]');
    await expect.poll(() => line.textContent()).toBe("Draft restored (1 change)");
    await form.waitFor();
    expect(Number(await p.getByLabel("Latitude").inputValue())).toBe(lat);
    expect(Number(await p.getByLabel("Radius (km) of uncertainty").inputValue())).toBe(radius);

    // Review: the event is listed as added.
    await p.getByRole("button", { name: "Review changes" }).click();
    const review = p.getByTestId("review");
    expect(await review.textContent()).toContain(`Events: Added (1)${TITLE}`);

    // Export: a zip, named as a clean draft, whose files the validator accepts.
    expect(await p.getByText("The validator accepts this draft.").count()).toBe(1);
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Download as zip" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^venezuela-map-draft-\d{4}-\d{2}-\d{2}\.zip$/);
    const zipped = readFileSync((await download.path())!);
    const files = unzipSync(new Uint8Array(zipped));
    expect(Object.keys(files).sort()).toEqual(["data/events.geojson", "data/sources.json"]);
    const seeds: Record<string, string> = {};
    for (const name of readdirSync("seeds"))
      seeds[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
    const result = validateDataset({
      eventsFile: "data/events.geojson",
      eventsText: strFromU8(files["data/events.geojson"]!),
      sourcesFile: "data/sources.json",
      sourcesText: strFromU8(files["data/sources.json"]!),
      seeds,
    });
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    const exported = JSON.parse(strFromU8(files["data/events.geojson"]!));
    const ours = exported.features.find((f: { id: string }) => f.id === ID);
    expect(ours.geometry).toEqual({ type: "Point", coordinates: [lng, lat] });
    expect(ours.properties.place).toEqual({
      name: "Maracay",
      precision: "city",
      basis: "Maracay, geocoded from GeoNames.",
      radius_km: radius,
    });
    expectClean(s);
    await s.close();
  });

  test("Escape cancels placing; a draft with errors exports only ticked, and marked", async () => {
    const s = await open(browser);
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    await p.getByRole("button", { name: "New event" }).click();
    await p.locator("#new-ev-title").fill("Unfinished test event");
    await p.locator("#new-ev-category").selectOption("statement");
    await p.locator("#new-ev-start").fill("2026-01-06");
    await p.getByRole("button", { name: "Add event" }).click();
    await p.getByTestId("event-form").waitFor();

    await p.getByRole("button", { name: "Place on map" }).click();
    await p.locator('[data-testid="map"][data-placing]').waitFor();
    await p.keyboard.press("Escape");
    await p.locator('[data-testid="map"][data-placing]').waitFor({ state: "detached" });
    await p.getByRole("button", { name: "Place on map" }).waitFor();
    expect(await p.getByLabel("Latitude").inputValue(), "no point placed").toBe("");

    const zip = p.getByRole("button", { name: "Download as zip" });
    await p
      .getByText(/^The validator reports \d+ errors?: the export would be refused\.$/)
      .waitFor();
    expect(await zip.isDisabled()).toBe(true);
    await p.getByRole("checkbox", { name: /^Export as a draft with errors/ }).check();
    const [download] = await Promise.all([p.waitForEvent("download"), zip.click()]);
    expect(download.suggestedFilename()).toMatch(/-DRAFT-with-errors\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(files).sort()).toEqual([
      "DRAFT-ERRORS.txt",
      "data/events.geojson",
      "data/sources.json",
    ]);
    const listed = strFromU8(files["DRAFT-ERRORS.txt"]!);
    const seeds: Record<string, string> = {};
    for (const name of readdirSync("seeds"))
      seeds[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
    const errors = validateDataset({
      eventsFile: "events.geojson",
      eventsText: strFromU8(files["data/events.geojson"]!),
      sourcesFile: "sources.json",
      sourcesText: strFromU8(files["data/sources.json"]!),
      seeds,
    }).problems.filter((x) => x.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((x) => x.featureId === "unfinished-test-event")).toBe(true);
    for (const x of errors) expect(listed).toContain(formatProblem(x));
    expectClean(s);
    await s.close();
  });
});
