/**
 * A curator draws a line and an area on the map (issue 25, must-have 4): clicks add vertices,
 * Enter or a double-click finishes, Escape cancels and leaves the old geometry. The drawn shape is
 * shown in the draft's colour, survives a reload, and exports as a closed, counter-clockwise ring
 * that the validator (the code of `npm run check:data`) accepts; after drawing, the map pans and
 * picks events again.
 */
import { readFileSync, readdirSync } from "node:fs";
import { booleanClockwise } from "@turf/turf";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/model/validate/validate.ts";
import { gotoReady, launch, open } from "./harness.ts";
import {
  drawnMarkers,
  events,
  expectClean,
  MAP,
  READY,
  waitSettled,
  projectOnMap,
} from "./helpers.ts";
import { colourFraction, decodePng } from "./png.ts";

const VALENCIA: [number, number] = [-68.0, 10.16];
const CARACAS: [number, number] = [-66.9, 10.5];
const SAN_JUAN: [number, number] = [-67.35, 9.91];
const TITLE = "Test event: a corridor, then an area";
const ID = "test-event-a-corridor-then-an-area";
/** The colour curate mode draws the edited shape in (src/map/curate-draw.ts). */
const DRAFT_COLOUR = "#c026d3";
/** Close enough to the coast for the three places to lie well apart on the screen. */
const VIEW = "#curate=1&v=2&map=7.2/10.25/-67.45";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function fillField(page: Page, label: string | RegExp, value: string): Promise<void> {
  const field = page.getByLabel(label).first();
  await field.fill(value);
  await field.press("Tab");
}

/** A new event with everything but its geometry, and a citation that anchors. */
async function newEvent(p: Page, title: string): Promise<void> {
  await p.getByRole("button", { name: "New event" }).click();
  await p.locator("#new-ev-title").fill(title);
  await p.locator("#new-ev-category").selectOption("airspace");
  await p.locator("#new-ev-start").fill("2026-01-05");
  await p.getByRole("button", { name: "Add event" }).click();
  await p.getByTestId("event-form").waitFor();
  await fillField(p, /^Summary/, "A test event made by the browser test.");
  await fillField(p, /^Date basis/, "The test says so.");
  await fillField(p, /^Place name/, "Between Valencia and Caracas");
  await p.getByLabel(/^Place precision/).selectOption("region");
  await fillField(p, /^Place basis/, "The test's own three places.");
  const quote = events()
    .flatMap((e) => e.properties.citations as { source: string; exact: string; prefix?: string }[])
    .find((c) => !c.prefix && c.exact.length > 20)!;
  await p.locator("#ev-cite-source").selectOption(quote.source);
  await p.locator("#ev-cite-exact").fill(quote.exact);
  await p.getByRole("button", { name: "Add citation" }).click();
}

/** Clicks each place on the map, the last one as `last` says. */
async function clickVertices(
  p: Page,
  places: [number, number][],
  last: "click" | "dblclick",
): Promise<void> {
  for (const [k, place] of places.entries()) {
    const at = await projectOnMap(p, place);
    if (k === places.length - 1 && last === "dblclick") await p.mouse.dblclick(at.x, at.y);
    else await p.mouse.click(at.x, at.y);
    // terra-draw tells a click from a drag by the pointer's travel: let each click land alone.
    await p.waitForTimeout(120);
  }
}

/** The share of the draft's colour in a box around a place. */
async function drawnAround(p: Page, place: [number, number]): Promise<number> {
  const at = await projectOnMap(p, place);
  const box = { x: at.x - 40, y: at.y - 40, width: 80, height: 80 };
  return colourFraction(decodePng(await p.screenshot({ clip: box })), [DRAFT_COLOUR], 30);
}

const midpoint = (a: [number, number], b: [number, number]): [number, number] => [
  (a[0] + b[0]) / 2,
  (a[1] + b[1]) / 2,
];

function seeds(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync("seeds"))
    out[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
  return out;
}

describe("drawing a line and an area", () => {
  test("a line by clicks and Enter, then an area by a double-click; reloaded, exported, valid", async () => {
    const s = await open(browser);
    await gotoReady(s, VIEW);
    const p = s.page;
    await newEvent(p, TITLE);
    expect(await p.locator("#ev-id").inputValue()).toBe(ID);
    await waitSettled(p);
    const corridor = midpoint(VALENCIA, CARACAS);
    expect(await drawnAround(p, corridor), "nothing in the draft's colour before").toBeLessThan(
      0.001,
    );

    // A line: two clicks, then Enter.
    await p.getByRole("button", { name: "Draw a line" }).click();
    await p.getByText("Click the map for each point of the line").waitFor();
    await p.locator(`${MAP}[data-drawing="LineString"]`).waitFor();
    await clickVertices(p, [VALENCIA, CARACAS], "click");
    await p.keyboard.press("Enter");
    await p.locator(`${MAP}[data-drawing]`).waitFor({ state: "detached" });
    const words = p.getByTestId("shape-words");
    await expect.poll(() => words.textContent()).toBe("The geometry is a line through 2 points.");
    const typed = (await p.locator("#ev-vertices").inputValue()).split("\n").map((line) => {
      const [lng, lat] = line.split(",").map(Number);
      return [lng!, lat!] as [number, number];
    });
    expect(typed).toHaveLength(2);
    for (const [k, place] of [VALENCIA, CARACAS].entries()) {
      expect(Math.abs(typed[k]![0] - place[0])).toBeLessThan(0.05);
      expect(Math.abs(typed[k]![1] - place[1])).toBeLessThan(0.05);
    }
    await waitSettled(p);
    expect(await drawnAround(p, corridor), "the line is drawn").toBeGreaterThan(0.005);

    // An area in its place: three corners, the last double-clicked.
    await p.getByRole("button", { name: "Draw an area" }).click();
    await p.locator(`${MAP}[data-drawing="Polygon"]`).waitFor();
    await clickVertices(p, [VALENCIA, CARACAS, SAN_JUAN], "dblclick");
    await p.locator(`${MAP}[data-drawing]`).waitFor({ state: "detached" });
    await expect.poll(() => words.textContent()).toBe("The geometry is an area with 3 corners.");
    await waitSettled(p);
    const edge = midpoint(CARACAS, SAN_JUAN);
    expect(await drawnAround(p, edge), "the area's new edge is drawn").toBeGreaterThan(0.005);
    expect(await p.locator("#ev-id").inputValue(), "the clicks picked no event").toBe(ID);

    // A reload brings it back.
    await p.reload();
    await p.waitForSelector(READY, { timeout: 30_000 });
    await p.getByTestId("event-form").waitFor();
    await expect
      .poll(() => p.getByTestId("shape-words").textContent())
      .toBe("The geometry is an area with 3 corners.");

    // Exported: a closed, counter-clockwise ring the validator accepts.
    await p.getByText("The validator accepts this draft.").waitFor();
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Download as zip" }).click(),
    ]);
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const result = validateDataset({
      eventsFile: "data/events.geojson",
      eventsText: strFromU8(files["data/events.geojson"]!),
      sourcesFile: "data/sources.json",
      sourcesText: strFromU8(files["data/sources.json"]!),
      seeds: seeds(),
    });
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(result.problems.filter((x) => x.featureId === ID)).toEqual([]);
    const ours = JSON.parse(strFromU8(files["data/events.geojson"]!)).features.find(
      (f: { id: string }) => f.id === ID,
    );
    expect(ours.geometry.type).toBe("Polygon");
    const ring = ours.geometry.coordinates[0] as [number, number][];
    expect(ring).toHaveLength(4);
    expect(ring[0]).toEqual(ring[3]);
    expect(booleanClockwise(ring)).toBe(false);
    expect("radius_km" in ours.properties.place).toBe(false);
    expectClean(s);
    await s.close();
  }, 120_000);

  test("Escape cancels and keeps the old geometry; the map then pans and picks", async () => {
    const s = await open(browser);
    await gotoReady(s, VIEW);
    const p = s.page;
    await newEvent(p, "Test event: drawing cancelled");
    await fillField(p, "Latitude", "10.2469");
    await fillField(p, "Longitude", "-67.5958");

    await p.getByRole("button", { name: "Draw a line" }).click();
    await p.locator(`${MAP}[data-drawing="LineString"]`).waitFor();
    await clickVertices(p, [VALENCIA, CARACAS], "click");
    await p.keyboard.press("Escape");
    await p.locator(`${MAP}[data-drawing]`).waitFor({ state: "detached" });
    await p.getByRole("button", { name: "Draw a line" }).waitFor();
    expect(await p.getByLabel("Latitude").inputValue(), "the point is kept").toBe("10.2469");
    expect(await p.getByTestId("shape-words").count(), "no line was made").toBe(0);
    expect(await p.getByTestId("event-form").count(), "Escape left the event open").toBe(1);

    // The map pans by a drag again.
    await waitSettled(p);
    const before = await projectOnMap(p, CARACAS);
    const box = (await p.locator(MAP).boundingBox())!;
    const from = { x: box.x + box.width * 0.5, y: box.y + box.height * 0.2 };
    await p.mouse.move(from.x, from.y);
    await p.mouse.down();
    for (let dx = 20; dx <= 120; dx += 20) await p.mouse.move(from.x + dx, from.y + dx / 2);
    await p.mouse.up();
    await waitSettled(p);
    const after = await projectOnMap(p, CARACAS);
    expect(after.x - before.x, "dragged right").toBeGreaterThan(60);

    // A click on a shipped event opens it.
    const marker = (await drawnMarkers(p)).find(
      (m) => m.idx !== null && m.x > box.x + 20 && m.x < box.x + box.width - 20,
    );
    expect(marker, "an event is drawn in view").toBeDefined();
    await p.mouse.click(marker!.x, marker!.y);
    await expect
      .poll(() => p.locator("#ev-id").inputValue())
      .not.toBe("test-event-drawing-cancelled");
    expectClean(s);
    await s.close();
  }, 120_000);
});
