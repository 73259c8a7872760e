/**
 * The story validator: the shipped story passes, and each broken fixture in
 * tests/fixtures/stories/ (one rule broken each; their README says which) is refused with that
 * problem alone, located on its path.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { validateStory, type StoryInput } from "../../../src/model/story/validate.ts";

const ROOT = new URL("../../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), "utf8");

function makeInput(file: string, expectedId?: string): StoryInput {
  const events = JSON.parse(read("data/events.geojson")) as { features: Array<{ id: string }> };
  const sources = JSON.parse(read("data/sources.json")) as { sources: Array<{ id: string }> };
  const seeds = new Map(
    readdirSync(new URL("seeds/", ROOT)).map((name) => [
      name.slice(0, -".txt".length),
      read(`seeds/${name}`),
    ]),
  );
  return {
    file,
    text: read(file),
    expectedId: expectedId ?? file.replace(/^.*\//, "").replace(/\.json$/, ""),
    eventIds: new Set(events.features.map((f) => f.id)),
    knownSources: new Set(sources.sources.map((s) => s.id)),
    seeds,
  };
}

const fixture = (name: string) => `tests/fixtures/stories/${name}.json`;
const brief = (input: StoryInput) =>
  validateStory(input).map((p) => ({ severity: p.severity, code: p.code, path: p.path }));

describe("validateStory", () => {
  it("passes the shipped story", () => {
    expect(validateStory(makeInput("data/stories/carrier-to-raid.json"))).toEqual([]);
  });

  it("passes the valid fixture", () => {
    expect(validateStory(makeInput(fixture("valid")))).toEqual([]);
  });

  it.each([
    ["unknown-event", "unknown-event", "steps[1].events[1]"],
    ["text-missing", "schema", "steps[0].text"],
    ["text-empty", "schema", "steps[0].text"],
    ["quote-not-found", "quote-not-found", "steps[1].citations[0].exact"],
    ["quote-ambiguous", "quote-ambiguous", "steps[1].citations[1].exact"],
    ["unknown-source", "unknown-source", "steps[1].citations[0].source"],
    ["no-citations", "no-citations", "steps[0].citations"],
    ["camera-latitude", "coords-out-of-range", "steps[0].camera.center[1]"],
    ["camera-longitude", "coords-out-of-range", "steps[0].camera.center[0]"],
    ["camera-zoom", "coords-out-of-range", "steps[0].camera.zoom"],
    ["dates-reversed", "date-order", "steps[0].dates.to"],
    ["duplicate-step-id", "duplicate-id", "steps[1].id"],
    ["no-steps", "story-empty", "steps"],
    ["id-mismatch", "story-id", "id"],
  ])("%s is refused with %s at %s, and nothing else", (name, code, path) => {
    const input = makeInput(fixture(name), name);
    expect(brief(input)).toEqual([{ severity: "error", code, path }]);
  });

  it("locates a problem by line and column, and names the step", () => {
    const [problem] = validateStory(makeInput(fixture("unknown-event"), "unknown-event"));
    expect(problem).toMatchObject({ featureId: "raid", file: fixture("unknown-event") });
    const line = read(fixture("unknown-event")).split("\n")[(problem?.line ?? 0) - 1];
    expect(line).toContain('"maduro-arrested"');
  });

  it("says where a quote that is not found comes closest", () => {
    const [problem] = validateStory(makeInput(fixture("quote-not-found"), "quote-not-found"));
    expect(problem?.message).toContain("closest passage");
  });

  it("reports invalid JSON as one problem, never throwing", () => {
    const input = { ...makeInput(fixture("valid")), text: '{"id": "valid", "steps": [' };
    expect(brief(input)).toEqual([{ severity: "error", code: "invalid-json", path: undefined }]);
  });

  it("refuses a story that is not an object without throwing", () => {
    const input = { ...makeInput(fixture("valid")), text: "[]" };
    expect(brief(input).map((p) => p.code)).toEqual(["schema"]);
  });

  it("does not modify its input", () => {
    const input = makeInput(fixture("valid"));
    const ids = [...input.eventIds];
    const text = input.text;
    validateStory(input);
    expect([...input.eventIds]).toEqual(ids);
    expect(input.text).toBe(text);
  });
});
