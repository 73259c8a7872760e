import { describe, expect, it } from "vitest";
import {
  datesWords,
  filterChips,
  scopeWords,
  type FilterNames,
} from "../../../src/model/query/filter-words.ts";
import { scope as en } from "../../../src/model/i18n/en/scope.ts";
import { scope as es } from "../../../src/model/i18n/es/scope.ts";
import { formatDay } from "../../../src/model/event-words.ts";
import { emptyFilters, type Filters } from "../../../src/model/view-state.ts";

const names: FilterNames = {
  category: (c) => ({ raid: "Raid", "maritime-seizure": "Maritime seizure" })[c] ?? c,
  status: (s) => s[0]!.toUpperCase() + s.slice(1),
  source: (id) => `${id} · Outlet`,
};
const f = (over: Partial<Filters>): Filters => ({ ...emptyFilters(), ...over });

describe("filterChips", () => {
  it("has no chip without filters", () => {
    expect(filterChips(emptyFilters(), names)).toEqual([]);
  });

  it("has a chip per value, dates and search included, each removing only itself", () => {
    const chips = filterChips(
      f({
        categories: ["raid", "maritime-seizure"],
        statuses: ["disputed"],
        sources: ["002"],
        from: "2025-11-01",
        to: "2025-12-31",
        q: " colectivos ",
      }),
      names,
    );
    expect(chips.map((c) => [c.label, c.description, c.without])).toEqual([
      ["Raid", "Remove filter: category Raid", { categories: ["maritime-seizure"] }],
      ["Maritime seizure", "Remove filter: category Maritime seizure", { categories: ["raid"] }],
      ["Disputed", "Remove filter: status Disputed", { statuses: [] }],
      ["002 · Outlet", "Remove filter: source 002 · Outlet", { sources: [] }],
      ["From 1 Nov 2025", "Remove filter: dates from 1 Nov 2025", { from: null }],
      ["To 31 Dec 2025", "Remove filter: dates to 31 Dec 2025", { to: null }],
      ["“colectivos”", "Remove filter: search “colectivos”", { q: "" }],
    ]);
    expect(new Set(chips.map((c) => c.key)).size).toBe(chips.length);
  });
});

describe("scopeWords", () => {
  it("says all when nothing is chosen", () => {
    expect(scopeWords(emptyFilters(), names, en)).toBe("All dates · all events");
  });

  it("says every filter in words", () => {
    expect(
      scopeWords(
        f({
          categories: ["raid"],
          statuses: ["disputed"],
          sources: ["002"],
          from: "2025-11-01",
          q: "x",
        }),
        names,
        en,
      ),
    ).toBe("from 1 Nov 2025 · Raid · Disputed · citing 002 · Outlet · matching “x”");
  });

  it("words a range, an open end and no dates", () => {
    expect(datesWords({ from: "2025-11-01", to: "2025-12-31" }, en)).toBe(
      "1 Nov 2025 – 31 Dec 2025",
    );
    expect(datesWords({ from: null, to: "2025-12-31" }, en)).toBe("until 31 Dec 2025");
    expect(datesWords({ from: null, to: null }, en)).toBe("");
  });

  it("says it in Spanish from the Spanish words, with Spanish dates", () => {
    const spanish: FilterNames = {
      ...names,
      category: () => "Incursión",
      status: () => "Disputado",
    };
    expect(
      scopeWords(
        f({ categories: ["raid", "protest"], statuses: ["disputed"], sources: ["002"], q: "x" }),
        spanish,
        es,
      ),
    ).toBe(
      "Todas las fechas · Incursión o Incursión · Disputado · que citan 002 · Outlet · que coinciden con «x»",
    );
    expect(scopeWords(emptyFilters(), spanish, es)).toBe("Todas las fechas · todos los eventos");
    expect(datesWords({ from: "2025-11-01", to: null }, es, (d) => formatDay(d, "es"))).toBe(
      "desde el 1 nov 2025",
    );
  });
});
