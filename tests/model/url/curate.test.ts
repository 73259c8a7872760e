/**
 * The `curate=` key: on round-trips, off is never written, an embed never carries it, and hostile
 * values are dropped with a note while the rest of the link still applies.
 */
import { describe, expect, it } from "vitest";
import { checkCurate, curateAllowed, formatCurate } from "../../../src/model/url/curate.ts";
import { formatHash, parseHash, parseLocation } from "../../../src/model/url/state.ts";
import { stateProblems } from "../../../src/model/url/validate.ts";
import { emptyViewState } from "../../../src/model/view-state.ts";

describe("curate= in the URL", () => {
  it("round-trips curate mode on", () => {
    const state = { ...emptyViewState(), curate: true };
    expect(formatHash(state)).toBe("#curate=1&v=2");
    expect(parseHash("#curate=1&v=2")).toEqual({ state, ignored: [], legacy: false });
  });

  it("leaves the default out: curate mode off writes no key", () => {
    expect(formatHash({ ...emptyViewState(), curate: false })).toBe("");
    const r = parseHash("#event=a&curate=0&v=2");
    expect(r.ignored).toEqual([]);
    expect(r.state.curate).toBe(false);
    expect(formatHash(r.state)).toBe("#event=a&v=2");
  });

  it("reads true as on, and writes it back as 1", () => {
    const r = parseHash("#curate=true");
    expect(r.state.curate).toBe(true);
    expect(formatHash(r.state)).toBe("#curate=1&v=2");
  });

  it("comes after basemap= and before v=, in the contract's order", () => {
    const hash = formatHash({
      ...emptyViewState(),
      source: "001_63de899742715ce7",
      basemap: "satellite",
      curate: true,
    });
    expect(hash).toBe("#source=001_63de899742715ce7&basemap=satellite&curate=1&v=2");
  });

  it("is never part of an embed: reading both drops curate with a note", () => {
    const r = parseHash("#embed=1&curate=1&v=2");
    expect(r.state.embed).toBe(true);
    expect(r.state.curate).toBe(false);
    expect(r.ignored).toEqual(["curate: not available in an embed (dropped)"]);
    expect(formatHash({ ...emptyViewState(), embed: true, curate: true })).toBe("#embed=1&v=2");
    expect(stateProblems({ ...emptyViewState(), embed: true, curate: true })).toEqual(["curate"]);
  });

  it("is read from the query string like every other key", () => {
    const r = parseLocation("?curate=1", "");
    expect(r.state.curate).toBe(true);
    expect(r.legacy).toBe(true);
  });

  it.each([
    ["a word", "yes", '"yes"'],
    ["a number", "2", '"2"'],
    ["markup", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", '"<img src=x onerror=alert(1)>"'],
    ["a script URL", "javascript%3Aalert(1)", '"javascript:alert(1)"'],
    ["malformed percent-encoding", "%E0%A4%A", "malformed"],
  ])("drops %s with a note, keeping the rest", (_what, value, inNote) => {
    const r = parseHash(`#event=caracas-night-raid&curate=${value}&v=2`);
    expect(r.state.curate).toBe(false);
    expect(r.state.event).toBe("caracas-night-raid");
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]).toMatch(/^curate: /);
    expect(r.ignored[0]).toContain(inNote);
  });

  it("keeps the first of repeated keys", () => {
    const r = parseHash("#curate=1&curate=0");
    expect(r.state.curate).toBe(true);
    expect(r.ignored).toEqual(['repeated key "curate" (first kept)']);
  });

  it("reads an empty value as the default", () => {
    expect(parseHash("#curate=&event=a").state.curate).toBe(false);
    expect(parseHash("#curate").ignored).toEqual([]);
  });
});

describe("the curate value checks", () => {
  it.each([
    ["1", true],
    ["true", true],
    ["0", false],
    ["false", false],
  ])("reads %s", (value, on) => {
    expect(checkCurate(value)).toEqual({ ok: true, value: on });
  });

  it.each(["TRUE", " 1", "1 ", "on", "", "\u0000", "１"])("refuses %j", (value) => {
    expect(checkCurate(value).ok).toBe(false);
  });

  it("writes on only outside an embed", () => {
    expect(formatCurate(true, false)).toBe("1");
    expect(formatCurate(true, true)).toBe(false);
    expect(formatCurate(false, false)).toBe(false);
    expect(curateAllowed(false, true)).toEqual({ on: false });
  });
});
