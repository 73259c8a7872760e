import { describe, expect, it } from "vitest";
import { facetCounts } from "../../../src/model/query/facets.ts";
import { buildFilterIndex, filterEvents } from "../../../src/model/query/filter.ts";
import { emptyFilters, type Filters } from "../../../src/model/view-state.ts";
import { events, make } from "./event-fixtures.ts";

const all = [
  ...events,
  make("e-two-sources", {
    category: "diplomacy",
    citations: [
      { source: "001", exact: "one", stance: "reports" },
      { source: "002", exact: "two", stance: "reports" },
      { source: "002", exact: "again", stance: "claims" },
    ],
  }),
];
const counts = (f: Partial<Filters>) =>
  facetCounts(all, buildFilterIndex(all), { ...emptyFilters(), ...f });
const obj = (m: Map<string, number>) => Object.fromEntries(m);

describe("facetCounts", () => {
  it("counts every event with no filter", () => {
    const c = counts({});
    expect(obj(c.categories)).toEqual({ raid: 2, sanctions: 1, diplomacy: 2 });
    expect(obj(c.statuses)).toEqual({ reported: 3, corroborated: 1, disputed: 1 });
    // An event citing a source twice counts once for it.
    expect(obj(c.sources)).toEqual({ "001": 4, "002": 2 });
  });

  it("leaves a facet's own choice out of its counts, and applies the others", () => {
    const c = counts({ categories: ["raid"] });
    expect(obj(c.categories)).toEqual({ raid: 2, sanctions: 1, diplomacy: 2 });
    expect(obj(c.statuses)).toEqual({ reported: 1, disputed: 1 });
    expect(obj(c.sources)).toEqual({ "001": 2 });
  });

  it("narrows every facet by dates and search", () => {
    const c = counts({ from: "2026-01-01" });
    expect(obj(c.categories)).toEqual({ raid: 1, diplomacy: 2 });
    expect(obj(c.statuses)).toEqual({ reported: 2, corroborated: 1 });
    expect(counts({ q: "rodriguez" }).sources).toEqual(new Map([["002", 1]]));
  });

  it("gives, for each value, the count that choosing it alone would show", () => {
    const f: Filters = { ...emptyFilters(), statuses: ["reported"], sources: ["001"] };
    const c = counts(f);
    for (const [cat, n] of c.categories)
      expect(
        filterEvents(all, buildFilterIndex(all), { ...f, categories: [cat as never] }),
      ).toHaveLength(n);
    for (const [src, n] of c.sources)
      expect(filterEvents(all, buildFilterIndex(all), { ...f, sources: [src] })).toHaveLength(n);
  });
});
