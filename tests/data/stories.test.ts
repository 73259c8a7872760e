/**
 * The shipped stories: the list the map offers (model/story/shipped.ts) is the folder's, each
 * title is its file's, and each file is one the page accepts (model/story/loaded.ts), names only
 * shipped events and filters the page can show.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readStory } from "../../src/model/story/loaded.ts";
import { SHIPPED_STORIES } from "../../src/model/story/shipped.ts";
import { isStoryId } from "../../src/model/url/story.ts";

const DIR = new URL("../../data/stories/", import.meta.url);
const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, "utf8"));

describe("data/stories/", () => {
  const files = readdirSync(DIR).filter((name) => name.endsWith(".json"));

  it("holds exactly the stories the map offers", () => {
    expect(files.map((name) => name.slice(0, -".json".length)).sort()).toEqual(
      SHIPPED_STORIES.map((s) => s.id).sort(),
    );
  });

  it.each(SHIPPED_STORIES.map((s) => [s.id, s] as const))(
    "%s: the page accepts it, and its title is the one offered",
    (id, shipped) => {
      const story = readStory(readJson(new URL(`${id}.json`, DIR)));
      expect(story.id).toBe(id);
      expect(isStoryId(id)).toBe(true);
      expect(story.title).toBe(shipped.title);
      expect(story.i18n).toEqual(shipped.i18n);
    },
  );

  it("ships the carrier-to-raid story with six to nine steps, in time order", () => {
    const story = readStory(readJson(new URL("carrier-to-raid.json", DIR)));
    expect(story.steps.length).toBeGreaterThanOrEqual(6);
    expect(story.steps.length).toBeLessThanOrEqual(9);
    const starts = story.steps.flatMap((s) => (s.dates ? [s.dates.from] : []));
    expect(starts).toEqual([...starts].sort());
  });

  it("every step's events are visible under its own dates and filters", () => {
    const events = readJson(new URL("../events.geojson", DIR)) as {
      features: Array<{
        id: string;
        properties: { category: string; date: { start: string; end?: string } };
      }>;
    };
    const byId = new Map(events.features.map((f) => [f.id, f]));
    const story = readStory(readJson(new URL("carrier-to-raid.json", DIR)));
    for (const step of story.steps) {
      for (const id of step.events) {
        const event = byId.get(id);
        expect(event, `${step.id}: ${id}`).toBeDefined();
        const { start, end = start } = event!.properties.date;
        if (step.dates) {
          expect(start <= step.dates.to && end >= step.dates.from, `${step.id}: ${id}`).toBe(true);
        }
        const cats: string[] = step.filters?.categories ?? [];
        if (cats.length) expect(cats, `${step.id}: ${id}`).toContain(event!.properties.category);
      }
    }
  });
});
