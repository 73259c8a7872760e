/**
 * Fixtures for the component and state tests: the shipped data read from disk, a tiny hostile
 * dataset whose text is full of markup, and an AppState built from either inside its own
 * createRoot. Every fixture is made fresh by a `make*` / `create*` call; nothing is shared.
 */
import { sizeProfile } from "../../src/model/size-profile.ts";
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRoot } from "solid-js";
import { expect, onTestFinished } from "vitest";
import { resolveDataset } from "../../src/model/dataset.ts";
import type { EventCollection, SituationEvent, SourceCollection } from "../../src/model/types.ts";
import { emptyViewState, type ViewState } from "../../src/model/view-state.ts";
import { createAppState, type AppState } from "../../src/state/app-state.ts";
import type { LoadedData } from "../../src/state/load.ts";

// Not `new URL(path, import.meta.url)`: Vite rewrites that pattern into an asset URL.
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const readRepo = (path: string) => readFileSync(resolve(REPO, path), "utf8");

export interface RawData {
  events: EventCollection;
  sources: SourceCollection;
  seeds: Record<string, string>;
}

/** The shipped events, sources and seed texts, parsed afresh (safe to modify). */
export function readShipped(): RawData {
  const events = JSON.parse(readRepo("data/events.geojson")) as EventCollection;
  const sources = JSON.parse(readRepo("data/sources.json")) as SourceCollection;
  const seeds = Object.fromEntries(
    sources.sources.map((s) => [s.id, readRepo(`seeds/${s.id}.txt`)]),
  );
  return { events, sources, seeds };
}

export function makeLoaded(
  raw: RawData = readShipped(),
  eventsFile = "data/events.geojson",
): LoadedData {
  return {
    index: resolveDataset(raw.events, raw.sources, raw.seeds),
    profile: sizeProfile(raw.events.features.length),
    seeds: raw.seeds,
    eventsFile,
    reading: "whole",
    missingTexts: [],
  };
}

export const IMG = "<img src=x onerror=alert(1)>";
export const BOLD = "<b>bold</b>";
export const HOSTILE_SOURCE = "hostile-src";
export const HOSTILE_TEXT =
  `Witnesses said ${BOLD} claims spread fast. The post read ${IMG} and nothing else. ` +
  `Officials called it <script>alert(2)</script> fake.\n`;

function hostileEvent(
  id: string,
  title: string,
  citations: SituationEvent["properties"]["citations"],
): SituationEvent {
  return {
    type: "Feature",
    id,
    geometry: null,
    properties: {
      title,
      summary: `Summary with ${BOLD} and ${IMG} in it`,
      category: "statement",
      actors: [`Actor ${BOLD}`],
      date: { start: "2026-01-05", precision: "day", basis: `Basis ${IMG}` },
      place: { name: `Place ${BOLD}`, precision: "city", basis: `Place basis ${BOLD}` },
      status: citations.some((c) => c.stance === "denies") ? "disputed" : "reported",
      citations,
    },
  };
}

/** Two events citing one fake source whose text, titles and quotes all contain markup. */
export function readHostile(): RawData {
  const shared = {
    source: HOSTILE_SOURCE,
    exact: `The post read ${IMG}`,
    stance: "reports" as const,
  };
  return {
    events: {
      type: "FeatureCollection",
      features: [
        hostileEvent("hostile-event", `Title ${IMG} & ${BOLD}`, [
          shared,
          { source: HOSTILE_SOURCE, exact: `${BOLD} claims`, stance: "denies" },
          { source: HOSTILE_SOURCE, exact: `<i>never in the text</i>`, stance: "claims" },
        ]),
        hostileEvent("hostile-echo", `Echo ${BOLD}`, [shared]),
      ],
    },
    sources: {
      sources: [
        {
          id: HOSTILE_SOURCE,
          title: `Source ${IMG}`,
          outlet: `Outlet ${BOLD}`,
          published: { date: "2026-01-06", precision: "day", basis: "test material" },
          language: "en",
          notes: `Notes ${BOLD}`,
        },
      ],
    },
    seeds: { [HOSTILE_SOURCE]: HOSTILE_TEXT },
  };
}

/**
 * An AppState inside its own root, optionally loaded; disposed when the test finishes. Pass
 * `dispose: false` to manage the root yourself.
 */
export function createTestState(
  opts: { data?: LoadedData | null; initial?: ViewState; dispose?: boolean } = {},
): { state: AppState; dispose: () => void } {
  return createRoot((dispose) => {
    const state = createAppState(opts.initial ?? emptyViewState());
    const data = opts.data === undefined ? makeLoaded() : opts.data;
    if (data) state.actions.loaded(data);
    if (opts.dispose !== false) onTestFinished(dispose);
    return { state, dispose };
  });
}

/** Asserts that rendered markup stayed text: no element it names exists, its characters show. */
export function expectMarkupAsText(root: HTMLElement, ...literals: string[]): void {
  expect(root.querySelector("img, b, i, script")).toBeNull();
  for (const literal of literals) expect(root.textContent).toContain(literal);
}
