/**
 * Issue "Evidence you can defend": on the built site, an event that three retellings of one
 * report used to make "corroborated" now reads "Reported: 1 origin, told in 3 documents" in the
 * panel, the list and the filters; an old id of a merged event still opens it; the note on how
 * evidence is rated opens from the keyboard. Screenshots land in /tmp/shots (not asserted).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import { event, events, expectClean, focused, saveShot, waitCount } from "./helpers.ts";

const ALERT = "us-security-alert-leave-venezuela";
const PANEL = "article.event-panel";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe("Evidence counted by origin (desktop 1280×800)", () => {
  test("a formerly corroborated retelling shows as reported, with its one origin", async () => {
    const s = await open(browser);
    await gotoReady(s, `#event=${ALERT}`);
    const panel = s.page.locator(`${PANEL}[data-event-id="${ALERT}"]`);
    await panel.waitFor();
    const status = panel.locator("dd.status-fact");
    expect(await status.locator(".badge").textContent()).toBe("Reported");
    expect(await status.locator(".status-words").textContent()).toBe(
      "1 origin, told in 3 documents",
    );
    expect(await status.locator("ul.origins").textContent()).toContain(
      "an unnamed report retold by 000, 001 and 002: told in 000, 001 and 002",
    );
    // The note on how evidence is rated explains "Corroborated"; the status itself never says it.
    for (const part of [".badge", ".status-words", "ul.origins"])
      expect(await status.locator(part).textContent()).not.toMatch(/Corroborated|sources/);
    // The dateline of 002 is listed apart, and not as evidence.
    const dates = panel.getByRole("region", { name: "Passages that only fix the date" });
    expect(await dates.locator("li.citation mark").allTextContents()).toEqual(["date 2026-01-11"]);
    await saveShot(s.page, "evidence-1-alert-panel");

    await panel.getByRole("button", { name: "All events", exact: true }).click();
    const badge = s.page.locator(`button.row[data-event-id="${ALERT}"] .badge`);
    expect(await badge.getAttribute("title")).toBe("Reported: 1 origin, told in 3 documents");
    expect(await badge.locator("[aria-hidden]").textContent()).toBe("Reported · 1 origin");
    expectClean(s);
    await s.close();
  });

  test("the status filters count by origin: no event is corroborated, the alert is reported", async () => {
    const s = await open(browser);
    await gotoReady(s);
    await s.page.getByRole("button", { name: "Filters", exact: true }).click();
    const corroborated = s.page.getByRole("button", {
      name: "Corroborated 2+ independent origins",
    });
    await corroborated.click();
    const total = events().length;
    expect(events().filter((e) => e.properties.status === "corroborated")).toEqual([]);
    await waitCount(s.page, (shown, all) => shown === 0 && all === total);
    await corroborated.click();
    await s.page.getByRole("button", { name: "Reported 1 origin" }).click();
    await waitCount(
      s.page,
      (shown) => shown === events().filter((e) => e.properties.status === "reported").length,
    );
    expect(await s.page.locator(`button.row[data-event-id="${ALERT}"]`).count()).toBe(1);
    await saveShot(s.page, "evidence-2-filters");
    expectClean(s);
    await s.close();
  });

  test("an old id of the merged boat-strike events still opens the merged event", async () => {
    const s = await open(browser);
    await gotoReady(s, "#event=boat-strikes-eastern-pacific");
    const merged = event("boat-strikes-caribbean-and-pacific");
    const panel = s.page.locator(`${PANEL}[data-event-id="${merged.id}"]`);
    await panel.waitFor();
    expect(await panel.locator("h2#event-title").textContent()).toBe(merged.properties.title);
    expectClean(s);
    await s.close();
  });

  test("the note on how evidence is rated opens from the legend by keyboard", async () => {
    const s = await open(browser);
    await gotoReady(s);
    // The legend ships collapsed (over the map it would hide events): open it first.
    await s.page.locator(".legend-toggle").click();
    const summary = s.page.locator(".legend details.evidence-note > summary");
    await summary.focus();
    expect((await focused(s.page)).text).toBe("How evidence is rated");
    await s.page.keyboard.press("Enter");
    await expect
      .poll(() =>
        s.page
          .locator(".legend details.evidence-note")
          .evaluate((d) => (d as HTMLDetailsElement).open),
      )
      .toBe(true);
    expect(await s.page.locator(".legend .evidence-note-body").isVisible()).toBe(true);
    await saveShot(s.page, "evidence-3-legend-note");
    expectClean(s);
    await s.close();
  });
});

describe("Evidence counted by origin (phone 390×844)", () => {
  test("the panel says the status in words on a phone too", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s, `#event=${ALERT}`);
    const status = s.page.locator(`${PANEL}[data-event-id="${ALERT}"] dd.status-fact`);
    await status.waitFor();
    expect(await status.locator(".status-words").textContent()).toBe(
      "1 origin, told in 3 documents",
    );
    await status.locator("details.evidence-note > summary").click();
    await saveShot(s.page, "evidence-4-phone-panel");
    await s.page.goto(
      `${new URL("/", s.page.url()).href}#event=cartel-de-los-soles-terrorist-designation`,
    );
    await s.page
      .locator(`${PANEL}[data-event-id="cartel-de-los-soles-terrorist-designation"] .expected-tag`)
      .waitFor();
    await saveShot(s.page, "evidence-5-phone-expected");
    expectClean(s);
    await s.close();
  });
});
