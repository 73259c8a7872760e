/**
 * The `story=` and `step=` keys: they round-trip, step 1 is the default and not written, and
 * hostile values are dropped with a note while the rest of the link applies. A step beyond the
 * story's last is kept by the link and clamped when the story is loaded (clampStep).
 */
import { describe, expect, it } from "vitest";
import { emptyViewState } from "../../../src/model/view-state.ts";
import { formatHash, parseHash, parseLocation } from "../../../src/model/url/state.ts";
import { clampStep, formatStoryRef, MAX_STEP } from "../../../src/model/url/story.ts";
import { stateProblems } from "../../../src/model/url/validate.ts";

describe("story= and step= in the URL", () => {
  it.each([
    [{ id: "carrier-to-raid", step: 3 }, "#story=carrier-to-raid&step=3&v=2"],
    [{ id: "carrier-to-raid", step: 1 }, "#story=carrier-to-raid&v=2"],
    [{ id: "a", step: MAX_STEP }, `#story=a&step=${MAX_STEP}&v=2`],
  ])("%o round-trips as %s", (story, hash) => {
    const state = { ...emptyViewState(), story };
    expect(formatHash(state)).toBe(hash);
    const parsed = parseHash(hash);
    expect(parsed).toEqual({ state, ignored: [], legacy: false });
    expect(stateProblems(parsed.state)).toEqual([]);
  });

  it("writes the keys after basemap and before v", () => {
    const hash = formatHash({
      ...emptyViewState(),
      event: "caracas-night-raid",
      basemap: "streets",
      story: { id: "s", step: 2 },
    });
    expect(hash).toBe("#event=caracas-night-raid&basemap=streets&story=s&step=2&v=2");
  });

  it("reads a story without a step as its first step", () => {
    expect(parseHash("#story=carrier-to-raid").state.story).toEqual({
      id: "carrier-to-raid",
      step: 1,
    });
  });

  it.each([
    ["0", "is not a step number"],
    ["-2", "is not a step number"],
    ["2.5", "is not a step number"],
    ["1e2", "is not a step number"],
    ["03", "is not a step number"],
    ["1000", "is not a step number"],
    ["99999999999999999999", "is not a step number"],
    ["%3Cscript%3E", "is not a step number"],
    ["%E0%A4%A", "malformed percent-encoding"],
  ])("step=%s is ignored with a note, and the story opens at its first step", (step, why) => {
    const r = parseHash(`#story=carrier-to-raid&step=${step}&cat=raid`);
    expect(r.state.story).toEqual({ id: "carrier-to-raid", step: 1 });
    expect(r.state.filters.categories).toEqual(["raid"]);
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]).toContain(why);
  });

  it.each([
    "Carrier_To_Raid",
    "../etc/passwd",
    "a%2Fb",
    "%3Cimg%20src%3Dx%3E",
    "x".repeat(81),
    "__proto__",
  ])("story=%s is ignored with a note, and so is its step", (id) => {
    const r = parseHash(`#story=${id}&step=3&event=caracas-night-raid`);
    expect(r.state.story).toBeNull();
    expect(r.state.event).toBe("caracas-night-raid");
    expect(r.ignored).toEqual([
      expect.stringContaining("is not a story id"),
      "step: needs a story",
    ]);
  });

  it("ignores a step without a story, with a note", () => {
    const r = parseHash("#step=4");
    expect(r.state.story).toBeNull();
    expect(r.ignored).toEqual(["step: needs a story"]);
  });

  it("keeps the first of repeated keys", () => {
    const r = parseHash("#story=a&story=b&step=2&step=5");
    expect(r.state.story).toEqual({ id: "a", step: 2 });
    expect(r.ignored).toEqual([
      'repeated key "story" (first kept)',
      'repeated key "step" (first kept)',
    ]);
  });

  it("reads the keys from the query string too", () => {
    expect(parseLocation("?story=a&step=2", "").state.story).toEqual({ id: "a", step: 2 });
  });

  it("never writes a story id or step the reader would refuse", () => {
    expect(formatStoryRef({ id: "<b>", step: 2 })).toEqual([]);
    expect(formatStoryRef({ id: "a", step: 0 })).toEqual(["story=a"]);
    expect(formatStoryRef({ id: "a", step: 2.5 })).toEqual(["story=a"]);
    expect(formatStoryRef({ id: "a", step: 5000 })).toEqual(["story=a", `step=${MAX_STEP}`]);
  });

  it("stateProblems names a story the codec could not have produced", () => {
    expect(stateProblems({ ...emptyViewState(), story: { id: "A B", step: 1 } })).toEqual([
      "story",
    ]);
    expect(stateProblems({ ...emptyViewState(), story: { id: "a", step: 0 } })).toEqual(["story"]);
  });
});

describe("clampStep", () => {
  it.each([
    [1, 9, 1],
    [3, 9, 3],
    [9, 9, 9],
    [10, 9, 9],
    [999, 9, 9],
    [0, 9, 1],
    [-4, 9, 1],
    [Number.NaN, 9, 1],
    [3, 0, 1],
  ])("step %d of %d steps is %d", (step, count, shown) => {
    expect(clampStep(step, count)).toBe(shown);
  });
});
