/**
 * The `basemap=` key: the three choices round-trip, the default (`embedded`) is never written,
 * and anything else is dropped with a note, the rest of the link still applying.
 */
import { describe, expect, it } from "vitest";
import { BASEMAPS, DEFAULT_BASEMAP, isBasemap } from "../../../src/model/basemap.ts";
import { formatHash, parseHash, parseLocation } from "../../../src/model/url/state.ts";
import { stateProblems } from "../../../src/model/url/validate.ts";
import { emptyViewState } from "../../../src/model/view-state.ts";

describe("basemap= in the URL", () => {
  it.each([
    ["streets", "#basemap=streets&v=2"],
    ["satellite", "#basemap=satellite&v=2"],
  ] as const)("%s round-trips", (basemap, hash) => {
    const state = { ...emptyViewState(), basemap };
    expect(formatHash(state)).toBe(hash);
    expect(parseHash(hash)).toEqual({ state, ignored: [], legacy: false });
  });

  it("leaves the default out: the embedded map writes no key", () => {
    expect(DEFAULT_BASEMAP).toBe("embedded");
    expect(formatHash({ ...emptyViewState(), basemap: "embedded" })).toBe("");
    const withEvent = { ...emptyViewState(), event: "caracas-night-raid" };
    expect(formatHash(withEvent)).toBe("#event=caracas-night-raid&v=2");
  });

  it("reads an explicit basemap=embedded as the default, and writes it back without the key", () => {
    const r = parseHash("#event=a&basemap=embedded&v=2");
    expect(r.ignored).toEqual([]);
    expect(r.state.basemap).toBe("embedded");
    expect(formatHash(r.state)).toBe("#event=a&v=2");
  });

  it("comes after data= and before v=, in the contract's order", () => {
    const hash = formatHash({
      ...emptyViewState(),
      embed: true,
      data: "data/x.geojson",
      basemap: "satellite",
    });
    expect(hash).toBe("#embed=1&data=data/x.geojson&basemap=satellite&v=2");
  });

  it.each([
    ["an unknown name", "Satellite", '"Satellite"'],
    ["another map's name", "osm", '"osm"'],
    ["markup", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", '"<img src=x onerror=alert(1)>"'],
    ["a URL", "https%3A%2F%2Fevil.example%2Fstyle.json", '"https://evil.example/style.json"'],
    ["malformed percent-encoding", "%E0%A4%A", "malformed"],
  ])("ignores %s, with a note, and keeps the rest", (_what, value, shown) => {
    const r = parseHash(`#event=a&basemap=${value}&v=2`);
    expect(r.state).toEqual({ ...emptyViewState(), event: "a" });
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]).toContain("basemap");
    expect(r.ignored[0]).toContain(shown);
    expect(stateProblems(r.state)).toEqual([]);
  });

  it("an empty value means the default; a repeated key keeps the first", () => {
    expect(parseHash("#basemap=").state.basemap).toBe("embedded");
    const r = parseHash("#basemap=satellite&basemap=streets");
    expect(r.state.basemap).toBe("satellite");
    expect(r.ignored).toEqual(['repeated key "basemap" (first kept)']);
  });

  it("is read from the query string too, where the hash wins", () => {
    expect(parseLocation("?basemap=streets", "").state.basemap).toBe("streets");
    expect(parseLocation("?basemap=streets", "#basemap=satellite").state.basemap).toBe("satellite");
  });

  it("stateProblems names a basemap the codec could not have produced", () => {
    const bad = { ...emptyViewState(), basemap: "osm" as never };
    expect(stateProblems(bad)).toEqual(["basemap"]);
    for (const b of BASEMAPS)
      expect(stateProblems({ ...emptyViewState(), basemap: b })).toEqual([]);
  });

  it("isBasemap accepts the three names only", () => {
    expect(BASEMAPS.every(isBasemap)).toBe(true);
    for (const x of ["", "EMBEDDED", "streets ", null, 1, undefined, "__proto__"])
      expect(isBasemap(x)).toBe(false);
  });
});
