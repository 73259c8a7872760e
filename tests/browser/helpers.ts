/**
 * Shared helpers for the browser tests: cleanliness assertions, map screenshots decoded to pixels,
 * the counter, the hash, focus inspection, and the dataset read straight from data/ (so the tests
 * check the app against the files, not against themselves).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import { expect } from "vitest";
import type { Session } from "./harness.ts";
import { decodePng, type Image } from "./png.ts";

export const MAP = '[data-testid="map"]';
export const READY = '[data-testid="map"][data-ready="true"]';
const ROOT = resolve(import.meta.dirname, "../..");
const SHOTS = "/tmp/shots";

/** No console error, no page error (nor dialog), nothing requested off localhost. */
export function expectClean(s: Session, allowConsole?: RegExp): void {
  const unexpected = allowConsole
    ? s.consoleErrors.filter((m) => !allowConsole.test(m))
    : s.consoleErrors;
  expect(unexpected, "console errors").toEqual([]);
  expect(s.pageErrors, "page errors / dialogs").toEqual([]);
  expect(s.offsite, "requests that left localhost").toEqual([]);
}

/**
 * The map element as pixels. Overlays that are not the map (legend, story button, credit, notices,
 * tooltip) are hidden for the shot so they don't skew the colour statistics.
 */
const OVERLAYS =
  ".legend, .story-launch, .maplibregl-ctrl-attrib, .maplibregl-ctrl, .notices, .maplibregl-popup";

export async function mapImage(page: Page, save?: string): Promise<Image> {
  // Hidden through the CSSOM, not Playwright's `style` option: that injects a <style> element,
  // which the site's Content-Security-Policy (style-src 'self') rightly blocks.
  const hide = (on: boolean) =>
    page.evaluate(
      ([selector, on]) => {
        for (const el of document.querySelectorAll<HTMLElement>(selector))
          if (on) el.style.setProperty("visibility", "hidden", "important");
          else el.style.removeProperty("visibility");
      },
      [OVERLAYS, on] as const,
    );
  await hide(true);
  const png = await page
    .locator(MAP)
    .screenshot({ animations: "disabled" })
    .finally(() => hide(false));
  if (save) writeShot(save, png);
  return decodePng(png);
}

export function writeShot(name: string, png: Buffer): void {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(`${SHOTS}/${name}.png`, png);
}

/** A full-page screenshot for a human to look at (not asserted). */
export async function saveShot(page: Page, name: string): Promise<void> {
  writeShot(name, await page.screenshot());
}

/** "N of M events shown" as numbers. */
export async function count(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.locator('[data-testid="count"]').textContent()) ?? "";
  const m = /([\d,]+)\s+of\s+([\d,]+)/.exec(text);
  if (!m) throw new Error(`unexpected counter text: ${text}`);
  const n = (s: string) => Number(s.replace(/,/g, ""));
  return { shown: n(m[1]!), total: n(m[2]!) };
}

/** Waits until the counter shows `pred` true. */
export async function waitCount(
  page: Page,
  pred: (shown: number, total: number) => boolean,
  timeout = 10_000,
): Promise<{ shown: number; total: number }> {
  const deadline = Date.now() + timeout;
  for (;;) {
    // While the events load, the counter says so ("Loading … events…"): wait on.
    const loading = /^Loading/.test(
      (await page.locator('[data-testid="count"]').textContent()) ?? "",
    );
    if (loading && Date.now() <= deadline) {
      await page.waitForTimeout(50);
      continue;
    }
    const c = await count(page);
    if (pred(c.shown, c.total)) return c;
    if (Date.now() > deadline) throw new Error(`counter stayed at ${c.shown} of ${c.total}`);
    await page.waitForTimeout(50);
  }
}

/** The hash as key → raw value (still percent-encoded), in order. */
export async function hashParams(page: Page): Promise<Map<string, string>> {
  const hash = await page.evaluate(() => location.hash);
  return new Map(
    hash
      .replace(/^#/, "")
      .split("&")
      .filter(Boolean)
      .map((kv) => {
        const i = kv.indexOf("=");
        return (i < 0 ? [kv, ""] : [kv.slice(0, i), kv.slice(i + 1)]) as [string, string];
      }),
  );
}

/** Waits until the URL hash satisfies `pred`. */
export async function waitHash(page: Page, pred: string | RegExp): Promise<string> {
  await page.waitForFunction(
    ([src, flags, plain]) =>
      plain !== null ? location.hash === plain : new RegExp(src!, flags!).test(location.hash),
    typeof pred === "string" ? [null, null, pred] : [pred.source, pred.flags, null],
    { timeout: 15_000 },
  );
  return page.evaluate(() => location.hash);
}

export interface Focused {
  tag: string;
  id: string;
  cls: string;
  text: string;
  eventId: string | null;
  outline: string;
  focusVisible: boolean;
}

/** What has the focus, and whether its focus is visibly drawn. */
export function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const a = document.activeElement as HTMLElement;
    const cs = getComputedStyle(a);
    return {
      tag: a.tagName,
      id: a.id,
      cls: a.className,
      text: (a.textContent ?? "").trim().slice(0, 80),
      eventId: a.getAttribute("data-event-id"),
      outline: `${cs.outlineStyle} ${cs.outlineWidth}`,
      focusVisible: a.matches(":focus-visible"),
    };
  });
}

/** Focus drawn: matches :focus-visible and has a real outline. */
export function expectVisibleFocus(f: Focused): void {
  expect(f.focusVisible, `${f.tag}#${f.id} .${f.cls} matches :focus-visible`).toBe(true);
  expect(f.outline.startsWith("none"), `${f.tag}#${f.id} outline is ${f.outline}`).toBe(false);
}

/** Presses Tab (or Shift+Tab) until `pred` holds for the focused element (at most `max` presses). */
export async function tabUntil(
  page: Page,
  pred: (f: Focused) => boolean,
  max = 60,
  key: "Tab" | "Shift+Tab" = "Tab",
): Promise<Focused> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (pred(f)) return f;
  }
  throw new Error(
    `Tab never reached the wanted element in ${max} presses (last: ${JSON.stringify(await focused(page))})`,
  );
}

/** Clicks the exact centre of the map element (where a `#map=z/lat/lng` link puts lat/lng). */
export async function clickMapCentre(page: Page): Promise<void> {
  const box = await page.locator(MAP).boundingBox();
  if (!box) throw new Error("map has no box");
  const x = box.x + box.width / 2,
    y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.click(x, y);
}

// --- The dataset, from the files ---------------------------------------------------------

interface Citation {
  source: string;
  exact: string;
  stance: string;
}
export interface EventFeature {
  id: string;
  geometry: { type: string; coordinates: unknown } | null;
  properties: { title: string; category: string; status: string; citations: Citation[] };
}

let cache: EventFeature[] | undefined;
export function events(): EventFeature[] {
  cache ??= (
    JSON.parse(readFileSync(resolve(ROOT, "data/events.geojson"), "utf8")) as {
      features: EventFeature[];
    }
  ).features;
  return cache;
}
export function event(id: string): EventFeature {
  const e = events().find((f) => f.id === id);
  if (!e) throw new Error(`no event ${id} in data/events.geojson`);
  return e;
}
export function eventByTitle(title: string): EventFeature | undefined {
  return events().find((f) => f.properties.title === title);
}
export function seedText(sourceId: string): string {
  return readFileSync(resolve(ROOT, `seeds/${sourceId}.txt`), "utf8");
}
/** `#map=zoom/lat/lng` centred on a Point event. */
export function centreOn(id: string, zoom: number): string {
  const g = event(id).geometry;
  if (g?.type !== "Point") throw new Error(`${id} is not a Point`);
  const [lng, lat] = g.coordinates as [number, number];
  return `#map=${zoom}/${lat}/${lng}`;
}

// --- The map's probe (src/map/map-probe.ts) ------------------------------------------------

/** A drawn marker in page pixels (centre, radius), a cluster's count, an event's index. */
export interface DrawnMarker {
  x: number;
  y: number;
  r: number;
  count: number;
  idx: number | null;
}

/** The markers the map draws now, where they are on the page. */
export function drawnMarkers(page: Page): Promise<DrawnMarker[]> {
  return page.evaluate(() =>
    (
      document.querySelector('[data-testid="map"]') as HTMLElement & {
        vsmProbe: { markers(): DrawnMarker[] };
      }
    ).vsmProbe.markers(),
  );
}

/** The map's zoom, from its probe. */
export function mapZoom(page: Page): Promise<number> {
  return page.evaluate(() =>
    (
      document.querySelector('[data-testid="map"]') as HTMLElement & {
        vsmProbe: { zoom(): number };
      }
    ).vsmProbe.zoom(),
  );
}

/** Where a place (longitude, latitude) is drawn on the map now, in page pixels. */
export const projectOnMap = (page: Page, at: readonly [number, number]) =>
  page.evaluate(
    ([lng, lat]) =>
      (
        document.querySelector('[data-testid="map"]') as HTMLElement & {
          vsmProbe: { project(lng: number, lat: number): { x: number; y: number } };
        }
      ).vsmProbe.project(lng!, lat!),
    at,
  );

/** Waits until the map has stopped moving and drawn all it has (twice in a row, 100 ms apart). */
export async function waitSettled(page: Page, timeout = 15_000): Promise<void> {
  const settled = () =>
    page.evaluate(() =>
      (
        document.querySelector('[data-testid="map"]') as HTMLElement & {
          vsmProbe: { settled(): boolean };
        }
      ).vsmProbe.settled(),
    );
  const deadline = Date.now() + timeout;
  let streak = 0;
  while (streak < 2) {
    if (Date.now() > deadline) throw new Error("the map did not settle");
    streak = (await settled()) ? streak + 1 : 0;
    await page.waitForTimeout(100);
  }
}

/** Whether a marker's circle and a box overlap. */
export function covers(
  box: { x: number; y: number; width: number; height: number },
  m: DrawnMarker,
): boolean {
  const cx = Math.max(box.x, Math.min(m.x, box.x + box.width));
  const cy = Math.max(box.y, Math.min(m.y, box.y + box.height));
  return (cx - m.x) ** 2 + (cy - m.y) ** 2 < m.r ** 2;
}
