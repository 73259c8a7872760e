import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildFilterIndex,
  compileFilters,
  filterEvents,
  filterSet,
  hasActiveFilters,
  refilterDates,
} from "../../../src/model/query/filter.ts";
import { buildSearchText } from "../../../src/model/query/search-text.ts";
import { isoDay } from "../../../src/model/query/dates.ts";
import { setIndexes } from "../../../src/model/query/index-set.ts";
import { emptyFilters, type Filters } from "../../../src/model/view-state.ts";
import { events } from "./event-fixtures.ts";

const text = buildSearchText(events);
const ids = (f: Partial<Filters>) =>
  filterEvents(events, text, { ...emptyFilters(), ...f }).map((i) => events[i]!.id);

describe("filterEvents", () => {
  it.each<[string, Partial<Filters>, string[]]>([
    ["no filters", {}, ["a-raid", "b-month", "c-rodriguez", "d-disputed"]],
    ["category", { categories: ["raid"] }, ["a-raid", "d-disputed"]],
    ["status", { statuses: ["disputed", "corroborated"] }, ["c-rodriguez", "d-disputed"]],
    ["source", { sources: ["002"] }, ["c-rodriguez"]],
    [
      "a month-precise span overlaps a range inside it",
      { from: "2025-12-10", to: "2025-12-12" },
      ["b-month"],
    ],
    ["open-ended from", { from: "2026-01-01" }, ["a-raid", "c-rodriguez"]],
    ["search folds accents and case", { q: "RODRIGUEZ" }, ["c-rodriguez"]],
    ["search folds curly quotes in passages", { q: '"improved relations"' }, ["c-rodriguez"]],
    ["every search word must match", { q: "rodriguez raid" }, []],
  ])("%s", (_name, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });
});

describe("hasActiveFilters", () => {
  it("knows when filters are active", () => {
    expect(hasActiveFilters(emptyFilters())).toBe(false);
    expect(hasActiveFilters({ ...emptyFilters(), q: " x " })).toBe(true);
  });
});

describe("filterSet", () => {
  it("holds the events the per-event match finds, for dates alone and with every other filter", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(3000, 4, generatorContext()).features;
    const ix = buildFilterIndex(many),
      text3000 = buildSearchText(many);
    const cases: Partial<Filters>[] = [
      {},
      { from: "2025-06-01" },
      { from: "2025-06-01", to: "2025-06-20" },
      { to: "2025-03-01" },
      { categories: ["protest", "raid"] },
      { statuses: ["disputed"], from: "2025-09-01" },
      { sources: [many[0]!.properties.citations[0]!.source] },
      { q: "caracas" },
      { q: "no such words at all" },
      // Words found only in quotes, with the event's own words, and every kind of filter at once.
      { q: "imperialist" },
      { q: "caracas imperialist" },
      { q: "aggression", sources: [many[0]!.properties.citations[0]!.source] },
      {
        categories: ["raid", "checkpoint", "statement"],
        statuses: ["reported", "corroborated"],
        sources: [
          many[1]!.properties.citations[0]!.source,
          many[2]!.properties.citations[0]!.source,
        ],
        from: "2025-10-01",
        q: "reported",
      },
    ];
    for (const c of cases) {
      const f = { ...emptyFilters(), ...c };
      // The reference: the search text alone, so every filter (dates too) goes through the
      // per-event match, not the typed arrays' date pass.
      const listed = filterEvents(many, text3000, f),
        set = filterSet(many, ix, f);
      expect(setIndexes(set, many.length)).toEqual(listed);
      expect(set.size).toBe(listed.length);
      expect(listed.every((i) => set.has(i))).toBe(true);
    }
    // Not every case is all or nothing: the comparison means something.
    const sizes = cases.map((c) => filterSet(many, ix, { ...emptyFilters(), ...c }).size);
    expect(sizes.filter((n) => n > 0 && n < many.length).length).toBeGreaterThan(9);
    expect(sizes).toContain(0);
  });
});

describe("refilterDates (a timeline step from the set before)", () => {
  it("gives filterSet's set after any sequence of date ranges, events without a date included", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(2000, 6, generatorContext()).features;
    const ix0 = buildFilterIndex(many);
    // Some events whose dates could not be read: they pass any range (as in matchesSpan).
    const starts = ix0.starts.slice(),
      ends = ix0.ends.slice();
    for (const i of [3, 500, 1999]) starts[i] = ends[i] = NaN;
    const ix = buildFilterIndex(many, undefined, { starts, ends });
    const day = fc.option(
      fc.integer({ min: -20, max: 420 }).map((d) => isoDay(Date.UTC(2025, 1, 1) + d * 86_400_000)),
      { nil: null },
    );
    let applied = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ from: day, to: day, small: fc.boolean() }), {
          minLength: 1,
          maxLength: 25,
        }),
        (steps) => {
          let f = emptyFilters(),
            set = filterSet(many, ix, f);
          for (const step of steps) {
            // Small steps (a day at a time, as a drag makes them) and jumps anywhere.
            const next =
              step.small && f.from
                ? { ...f, from: isoDay(Date.parse(f.from) + 86_400_000) }
                : { ...f, from: step.from, to: step.to };
            const quick = refilterDates(ix, set, compileFilters(f), compileFilters(next));
            const full = filterSet(many, ix, next);
            if (quick) {
              applied++;
              expect(quick.size).toBe(full.size);
              expect(quick.mask).toEqual(full.mask);
            }
            f = next;
            set = quick ?? full;
          }
        },
      ),
      { numRuns: 150 },
    );
    expect(applied).toBeGreaterThan(100); // it did apply, not only decline
  }, 30_000); // 2,000 events through 150 sequences of up to 25 steps: seconds on a busy machine

  it("orders the events by day of start and of end (a counting sort, or a native one for days far apart)", () => {
    const check = (starts: number[]) => {
      const values = Float64Array.from(starts);
      const some = starts.map((_, i) => events[i % events.length]!);
      const ix = buildFilterIndex(some, undefined, { starts: values, ends: values });
      const keys = ix.dateOrder().byStart;
      const idx = [...keys].map((k) => k % 2 ** 21);
      expect([...keys]).toEqual([...keys].sort((a, b) => a - b)); // ascending
      expect([...idx].sort((a, b) => a - b)).toEqual(starts.map((_, i) => i)); // each event once
      // By day, then index; events without a date first.
      const day = (ms: number) => (Number.isFinite(ms) ? Math.floor(ms / 86_400_000) : -Infinity);
      expect(idx).toEqual(
        starts.map((_, i) => i).sort((a, b) => day(starts[a]!) - day(starts[b]!) || a - b),
      );
    };
    const d = (iso: string) => Date.parse(iso);
    check([
      d("2026-01-03"),
      d("2025-11-01"),
      NaN,
      d("2026-01-03") + 3_600_000,
      d("2025-12-24"),
      NaN,
    ]);
    check([d("2026-01-03"), d("1800-05-01"), d("2025-11-01")]); // days too far apart to count
    check([NaN, NaN]);
  });

  it("declines when anything but dates is chosen, before or after, and for a move over many events", () => {
    const ix = buildFilterIndex(events);
    const none = compileFilters(emptyFilters()),
      all = filterSet(events, ix, emptyFilters());
    const raid = compileFilters({ ...emptyFilters(), categories: ["raid"] }),
      q = compileFilters({ ...emptyFilters(), q: "caracas" });
    expect(refilterDates(ix, all, none, raid)).toBeNull();
    expect(refilterDates(ix, all, q, none)).toBeNull();
    expect(
      refilterDates(ix, all, none, compileFilters({ ...emptyFilters(), from: "2030-01-01" })),
    ).toBeNull(); // every event moves
    expect(refilterDates(ix, all, none, none)).toEqual(expect.objectContaining({ size: all.size }));
  });
});

describe("buildFilterIndex", () => {
  it("folds the search text only when a search needs it, and filters as the plain text array does", () => {
    const ix = buildFilterIndex(events);
    const descriptor = Object.getOwnPropertyDescriptor(ix, "text");
    expect(descriptor?.get).toBeTypeOf("function");
    const f = { ...emptyFilters(), categories: ["raid" as const] };
    expect(filterEvents(events, ix, f)).toEqual(filterEvents(events, buildSearchText(events), f));
    const q = { ...emptyFilters(), q: "RODRIGUEZ" };
    expect(filterEvents(events, ix, q)).toEqual(filterEvents(events, buildSearchText(events), q));
    expect(filterEvents(events, ix, q).length).toBeGreaterThan(0);
    expect(ix.text).toBe(ix.text);
  });

  it("warms the search text in slices that resume where they stopped, and ends with the same text", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(2000, 9, generatorContext()).features;
    const ix = buildFilterIndex(many);
    let calls = 0;
    // No time left: each slice still does its minimum, so warming always gets somewhere: the
    // filter columns first (7 slices of 300 events), then the text (7 more; the first in the same
    // call as the columns' last).
    while (!ix.warmText(() => 0, 300)) calls++;
    expect(calls).toBe(2 * (Math.ceil(2000 / 300) - 1));
    expect(ix.text).toEqual(buildSearchText(many));
    // The columns made in slices are the ones made at once.
    expect(ix.columns()).toEqual(buildFilterIndex(many).columns());
    expect(ix.columns().citeStart[2000]).toBe(
      many.reduce((k, e) => k + e.properties.citations.length, 0),
    );
    const half = buildFilterIndex(many);
    expect(half.warmText(() => 0, 1000)).toBe(false);
    // A search before warming is done finishes the rest at once.
    const q = { ...emptyFilters(), q: "caracas" };
    expect(filterEvents(many, half, q)).toEqual(filterEvents(many, buildSearchText(many), q));
    expect(half.warmText(() => 100)).toBe(true);
  });

  it("filters dates alone from the spans (the timeline drag's path) exactly as the full check does", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(3000, 4, generatorContext()).features;
    const ix = buildFilterIndex(many);
    const text = buildSearchText(many);
    for (const range of [
      { from: "2025-12-01" },
      { to: "2025-06-30" },
      { from: "2025-09-15", to: "2025-09-15" },
      { from: "2026-01-01", to: "2026-01-31" },
    ]) {
      const f = { ...emptyFilters(), ...range };
      const fast = filterEvents(many, ix, f);
      expect(fast).toEqual(filterEvents(many, text, f));
      expect(fast.length).toBeGreaterThan(0);
      expect(fast.length).toBeLessThan(many.length);
    }
  });
});

describe("search text folded ahead (very big datasets)", () => {
  it("is the same text in slices, and an index given it folds none (one warm-up call makes the rest)", async () => {
    const { searchTextSteps } = await import("../../../src/model/query/search-text.ts");
    const { runStepsPaused } = await import("../../../src/model/slices.ts");
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(1200, 2, generatorContext()).features;
    let pauses = 0;
    const text = await runStepsPaused(searchTextSteps(many, 500), async () => void pauses++);
    expect(text).toEqual(buildSearchText(many));
    expect(pauses).toBe(2);
    const ix = buildFilterIndex(many, text);
    expect(ix.warmText(() => 0, 1200)).toBe(true); // columns and date keys for all 1200, no text to fold
    expect(ix.text).toEqual(text);
    const q = { ...emptyFilters(), q: "caracas" };
    expect(filterEvents(many, ix, q)).toEqual(filterEvents(many, text, q));
  });
});
