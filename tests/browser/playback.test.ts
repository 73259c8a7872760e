/**
 * Issue 27, playback: a week window played over the shipped data, frame by frame, with the count
 * the model expects at each frame; the camera stays still while it plays; the keys; the controls'
 * tap targets on a phone. Screenshots land in /tmp/shots.
 */
import { readFileSync } from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { eventSpans } from "../../src/model/query/dates.ts";
import { frameDays, playbackFrames } from "../../src/model/query/playback-frames.ts";
import { inWindow, playbackWindow, type PlaybackMode } from "../../src/model/query/playback.ts";
import { timelineDomain } from "../../src/model/query/timeline.ts";
import type { SituationEvent } from "../../src/model/types.ts";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean, mapZoom, saveShot, waitSettled } from "./helpers.ts";

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const GROUP = 'fieldset.playback[aria-label="Playback"]';

/** Each frame of `mode` over the shipped data: its first and last day (ms), and "N of M". */
function expectedFrames(mode: PlaybackMode): string[] {
  const events = (
    JSON.parse(readFileSync("data/events.geojson", "utf8")) as { features: SituationEvent[] }
  ).features;
  const d = timelineDomain(events);
  const frames = playbackFrames([d.first, d.last], mode);
  const spans = eventSpans(events);
  return frames.cursors.map((c, k) => {
    const [a, b] = frameDays(frames, k);
    const n = inWindow(spans, playbackWindow(c, mode, frames.first)).length;
    return `${a}/${b} ${n} of ${events.length} events shown`;
  });
}

/** Records every distinct (from handle, to handle, count) the page shows from now on. */
function recordFrames(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { frames_: string[] };
    w.frames_ = [];
    const now = () => {
      const v = (h: string) =>
        document.querySelector(`[data-handle="${h}"]`)?.getAttribute("aria-valuenow");
      const count = document.querySelector('[data-testid="count"]')?.textContent ?? "";
      return `${v("from")}/${v("to")} ${count}`;
    };
    new MutationObserver(() => {
      const x = now();
      if (w.frames_.at(-1) !== x) w.frames_.push(x);
    }).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
      attributes: true,
    });
  });
}

const recorded = (page: Page) =>
  page.evaluate(() => (window as unknown as { frames_: string[] }).frames_);
const playing = (page: Page) => page.locator(GROUP).getAttribute("data-playing");

describe("playback", () => {
  // A load and some twenty frames: more than the default minute on a loaded machine.
  test("plays a week window over the shipped data: every frame's dates and count, camera still", async () => {
    const s = await open(browser);
    await s.page.emulateMedia({ reducedMotion: "reduce" });
    await gotoReady(s);
    const p = s.page;
    await waitSettled(p);
    const zoom = await mapZoom(p);
    const expected = expectedFrames("week");
    expect(expected.length).toBeGreaterThan(10);

    await p.getByRole("combobox", { name: "Playback speed" }).selectOption("4");
    await recordFrames(p);
    await p.getByRole("button", { name: "Play" }).click();
    await expect.poll(() => playing(p), { timeout: 60_000 }).toBe("false");

    expect(await recorded(p)).toEqual(expected);
    // The last frame stays on screen, with its rows in the list, and the link names the mode.
    const shown = Number(/^\S+ (\d+) of/.exec(expected.at(-1)!)![1]);
    await expect.poll(() => p.locator("button.row[data-event-id]").count()).toBe(shown);
    await expect.poll(() => p.url()).toMatch(/[#&]play=week(&|$)/);
    // No frame refitted the camera.
    await waitSettled(p);
    expect(await mapZoom(p)).toBe(zoom);
    await saveShot(p, "playback-week-end");
    expectClean(s);
    await s.close();
  }, 120_000);

  test("a play= link opens paused, in its mode", async () => {
    const s = await open(browser);
    await gotoReady(s, "#play=month&v=2");
    const p = s.page;
    await expect(p.getByRole("combobox", { name: "Playback window" }).inputValue()).resolves.toBe(
      "month",
    );
    expect(await playing(p)).toBe("false");
    expect(p.url()).not.toMatch(/from=/);
    expectClean(s);
    await s.close();
  });

  test("a play=…,autoplay link plays, and the link it writes back does not autoplay", async () => {
    const auto = await open(browser);
    await gotoReady(auto, "#play=month,autoplay&v=2");
    // Month frames start on the 1st; the link shows one, in the mode, and no longer autoplay.
    await expect
      .poll(() => auto.page.url(), { timeout: 20_000 })
      .toMatch(/[#&]from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d&play=month(&|$)/);
    expect(auto.page.url()).not.toMatch(/autoplay/);
    expectClean(auto);
    await auto.close();
  });

  test("Space plays and pauses from the timeline, the arrows step from the playback buttons", async () => {
    const s = await open(browser);
    await gotoReady(s);
    const p = s.page;
    const weeks = expectedFrames("week").map((f) => f.split(" ")[0]);
    const handles = async () => {
      const v = (h: string) => p.locator(`[data-handle="${h}"]`).getAttribute("aria-valuenow");
      return `${await v("from")}/${await v("to")}`;
    };
    await p.getByRole("button", { name: "Step forward" }).focus();
    await p.keyboard.press("ArrowRight");
    expect(await handles()).toBe(weeks[0]);
    await p.keyboard.press("ArrowRight");
    expect(await handles()).toBe(weeks[1]);
    await p.keyboard.press("ArrowLeft");
    expect(await handles()).toBe(weeks[0]);

    await p.locator('[data-handle="from"]').focus();
    await p.keyboard.press("Space");
    await expect.poll(() => playing(p)).toBe("true");
    await p.keyboard.press("Space");
    await expect.poll(() => playing(p)).toBe("false");
    // The handle keeps its own arrows: a day, not a week, and it pauses nothing.
    const before = await handles();
    await p.keyboard.press("ArrowRight");
    expect(await handles()).not.toBe(before);
    expect(weeks).not.toContain(await handles());
    expectClean(s);
    await s.close();
  });

  test("on a phone the controls are 44 px targets and fit the width", async () => {
    const s = await open(browser, { width: 390, height: 844 });
    await gotoReady(s);
    const p = s.page;
    for (const c of await p.locator(`${GROUP} button, ${GROUP} select`).all()) {
      const b = (await c.boundingBox())!;
      const name = (await c.getAttribute("aria-label")) ?? "";
      expect(b.width, name).toBeGreaterThanOrEqual(44);
      expect(b.height, name).toBeGreaterThanOrEqual(44);
      expect(b.x + b.width).toBeLessThanOrEqual(390);
    }
    expect(await p.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    await p.getByRole("button", { name: "Step forward" }).click();
    await saveShot(p, "playback-390");
    expectClean(s);
    await s.close();
  });
});
