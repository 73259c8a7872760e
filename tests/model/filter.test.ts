import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildFilterIndex, buildSearchText, chronologicalOrder, compileFilters, eventSpan, filterEvents, filterSet, foldForSearch, hasActiveFilters, indexSet, isoDay, refilterDates, setIndexes, shownInOrder, shownPosition } from "../../src/model/filter.ts";
import type { SituationEvent } from "../../src/model/types.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";

const make = (id: string, over: Partial<SituationEvent["properties"]> = {}): SituationEvent => ({
  type: "Feature",
  id,
  geometry: null,
  properties: {
    title: id, summary: "", category: "raid", actors: [], status: "reported",
    date: { start: "2026-01-03", precision: "day", basis: "" },
    place: { name: "Caracas", precision: "city", basis: "" },
    citations: [{ source: "001", exact: "quoted words", stance: "reports" }],
    ...over,
  },
});

const events = [
  make("a-raid"),
  make("b-month", { category: "sanctions", date: { start: "2025-12-01", end: "2025-12-31", precision: "month", basis: "" } }),
  make("c-rodriguez", { title: "Delcy Rodríguez calls for ties", category: "diplomacy", status: "corroborated", citations: [{ source: "002", exact: "“improved relations”", stance: "reports" }] }),
  make("d-disputed", { status: "disputed", date: { start: "2025-11-22", precision: "day", basis: "" } }),
];
const text = buildSearchText(events);
const ids = (f: Partial<Filters>) => filterEvents(events, text, { ...emptyFilters(), ...f }).map((i) => events[i]!.id);

describe("filterEvents", () => {
  it.each<[string, Partial<Filters>, string[]]>([
    ["no filters", {}, ["a-raid", "b-month", "c-rodriguez", "d-disputed"]],
    ["category", { categories: ["raid"] }, ["a-raid", "d-disputed"]],
    ["status", { statuses: ["disputed", "corroborated"] }, ["c-rodriguez", "d-disputed"]],
    ["source", { sources: ["002"] }, ["c-rodriguez"]],
    ["a month-precise span overlaps a range inside it", { from: "2025-12-10", to: "2025-12-12" }, ["b-month"]],
    ["open-ended from", { from: "2026-01-01" }, ["a-raid", "c-rodriguez"]],
    ["search folds accents and case", { q: "RODRIGUEZ" }, ["c-rodriguez"]],
    ["search folds curly quotes in passages", { q: '"improved relations"' }, ["c-rodriguez"]],
    ["every search word must match", { q: "rodriguez raid" }, []],
  ])("%s", (_name, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });
});

describe("helpers", () => {
  it("orders chronologically by start, then end", () => {
    expect(chronologicalOrder(events).map((i) => events[i]!.id)).toEqual(["d-disputed", "b-month", "a-raid", "c-rodriguez"]);
  });
  it("orders same-day events by title, ignoring case and accents, then by dataset order", () => {
    const sameDay = ["zeta", "Éxodo", "alpha", "Delta", "alpha", "ébano"].map((title, k) => make(`e${k}`, { title }));
    expect(chronologicalOrder(sameDay).map((i) => sameDay[i]!.properties.title)).toEqual(["alpha", "alpha", "Delta", "ébano", "Éxodo", "zeta"]);
    expect(chronologicalOrder(sameDay).slice(0, 2)).toEqual([2, 4]);
  });
  it("folds every Latin-1 character as the Unicode decomposition does, and others too", () => {
    const fold = (t: string) => t.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    // One title per character from U+0080 to U+00FF between two letters, upper and lower case,
    // and a few beyond Latin-1 (Ł, ő, a combining acute): the same order as the plain fold.
    const chars = [...Array.from({ length: 128 }, (_, k) => String.fromCharCode(0x80 + k)), "Ł", "ő", "e\u0301"];
    const titles = chars.flatMap((c) => [`m${c}n`, `M${c.toUpperCase()}N`, `${c}b`]);
    const sameDay = titles.map((title, k) => make(`t${k}`, { title }));
    const folded = titles.map(fold);
    const naive = titles.map((_, i) => i).sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : a - b));
    expect(chronologicalOrder(sameDay)).toEqual(naive);
  });
  it("spans a day-precise event as one day", () => {
    const [s, t] = eventSpan(events[0]!);
    expect(t).toBe(s);
  });
  it("folds for search", () => {
    expect(foldForSearch("Nicolás  “Maduro” — X")).toBe('nicolas "maduro" - x');
  });
  it.each([
    ["Plain ASCII, Upper Case", "plain ascii, upper case"],
    ["two  spaces", "two spaces"],
    ["tab\tand\nnewline", "tab and newline"],
    ["El Rodeo I (#12)", "el rodeo i (#12)"],
    ["Title \u0001 Summary", "title \u0001 summary"],
    ["Bogotá – ‘quoted’", "bogota - 'quoted'"],
  ])("folds %j to %j (plain ASCII is only lowercased)", (s, folded) => {
    expect(foldForSearch(s)).toBe(folded);
  });
  it("knows when filters are active", () => {
    expect(hasActiveFilters(emptyFilters())).toBe(false);
    expect(hasActiveFilters({ ...emptyFilters(), q: " x " })).toBe(true);
  });
});

describe("indexSet", () => {
  it("has exactly the given indexes, and their count", () => {
    const s = indexSet(6, [0, 3, 5]);
    expect(s.size).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6, -1].map((i) => s.has(i))).toEqual([true, false, false, true, false, true, false, false]);
    expect(indexSet(0, []).size).toBe(0);
  });

  it("holds every index when given all of them, as filterEvents gives them with nothing filtered", () => {
    const all = indexSet(5, [0, 1, 2, 3, 4]);
    expect([...all.mask!]).toEqual([1, 1, 1, 1, 1]);
    expect(all.size).toBe(5);
    expect([...indexSet(5, [0, 2, 4]).mask!]).toEqual([1, 0, 1, 0, 1]);
  });
});

describe("filterSet", () => {
  it("holds the events the per-event match finds, for dates alone and with every other filter", async () => {
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const many = generateCollection(3000, 4, generatorContext()).features;
    const ix = buildFilterIndex(many), text3000 = buildSearchText(many);
    const cases: Partial<Filters>[] = [
      {}, { from: "2025-06-01" }, { from: "2025-06-01", to: "2025-06-20" }, { to: "2025-03-01" },
      { categories: ["protest", "raid"] }, { statuses: ["disputed"], from: "2025-09-01" },
      { sources: [many[0]!.properties.citations[0]!.source] }, { q: "caracas" }, { q: "no such words at all" },
      // Words found only in quotes, with the event's own words, and every kind of filter at once.
      { q: "imperialist" }, { q: "caracas imperialist" }, { q: "aggression", sources: [many[0]!.properties.citations[0]!.source] },
      { categories: ["raid", "checkpoint", "statement"], statuses: ["reported", "corroborated"], sources: [many[1]!.properties.citations[0]!.source, many[2]!.properties.citations[0]!.source], from: "2025-10-01", q: "reported" },
    ];
    for (const c of cases) {
      const f = { ...emptyFilters(), ...c };
      // The reference: the search text alone, so every filter (dates too) goes through the
      // per-event match, not the typed arrays' date pass.
      const listed = filterEvents(many, text3000, f), set = filterSet(many, ix, f);
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
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const many = generateCollection(2000, 6, generatorContext()).features;
    const ix0 = buildFilterIndex(many);
    // Some events whose dates could not be read: they pass any range (as in matchesSpan).
    const starts = ix0.starts.slice(), ends = ix0.ends.slice();
    for (const i of [3, 500, 1999]) starts[i] = ends[i] = NaN;
    const ix = buildFilterIndex(many, undefined, { starts, ends });
    const day = fc.option(fc.integer({ min: -20, max: 420 }).map((d) => isoDay(Date.UTC(2025, 1, 1) + d * 86_400_000)), { nil: null });
    let applied = 0;
    fc.assert(
      fc.property(fc.array(fc.record({ from: day, to: day, small: fc.boolean() }), { minLength: 1, maxLength: 25 }), (steps) => {
        let f = emptyFilters(), set = filterSet(many, ix, f);
        for (const step of steps) {
          // Small steps (a day at a time, as a drag makes them) and jumps anywhere.
          const next = step.small && f.from ? { ...f, from: isoDay(Date.parse(f.from) + 86_400_000) } : { ...f, from: step.from, to: step.to };
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
      }),
      { numRuns: 150 },
    );
    expect(applied).toBeGreaterThan(100); // it did apply, not only decline
  });

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
      expect(idx).toEqual(starts.map((_, i) => i).sort((a, b) => day(starts[a]!) - day(starts[b]!) || a - b));
    };
    const d = (iso: string) => Date.parse(iso);
    check([d("2026-01-03"), d("2025-11-01"), NaN, d("2026-01-03") + 3_600_000, d("2025-12-24"), NaN]);
    check([d("2026-01-03"), d("1800-05-01"), d("2025-11-01")]); // days too far apart to count
    check([NaN, NaN]);
  });

  it("declines when anything but dates is chosen, before or after, and for a move over many events", () => {
    const ix = buildFilterIndex(events);
    const none = compileFilters(emptyFilters()), all = filterSet(events, ix, emptyFilters());
    const raid = compileFilters({ ...emptyFilters(), categories: ["raid"] }), q = compileFilters({ ...emptyFilters(), q: "caracas" });
    expect(refilterDates(ix, all, none, raid)).toBeNull();
    expect(refilterDates(ix, all, q, none)).toBeNull();
    expect(refilterDates(ix, all, none, compileFilters({ ...emptyFilters(), from: "2030-01-01" }))).toBeNull(); // every event moves
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
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
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
    expect(ix.columns().citeStart[2000]).toBe(many.reduce((k, e) => k + e.properties.citations.length, 0));
    const half = buildFilterIndex(many);
    expect(half.warmText(() => 0, 1000)).toBe(false);
    // A search before warming is done finishes the rest at once.
    const q = { ...emptyFilters(), q: "caracas" };
    expect(filterEvents(many, half, q)).toEqual(filterEvents(many, buildSearchText(many), q));
    expect(half.warmText(() => 100)).toBe(true);
  });

  it("filters dates alone from the spans (the timeline drag's path) exactly as the full check does", async () => {
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const many = generateCollection(3000, 4, generatorContext()).features;
    const ix = buildFilterIndex(many);
    const text = buildSearchText(many);
    for (const range of [{ from: "2025-12-01" }, { to: "2025-06-30" }, { from: "2025-09-15", to: "2025-09-15" }, { from: "2026-01-01", to: "2026-01-31" }]) {
      const f = { ...emptyFilters(), ...range };
      const fast = filterEvents(many, ix, f);
      expect(fast).toEqual(filterEvents(many, text, f));
      expect(fast.length).toBeGreaterThan(0);
      expect(fast.length).toBeLessThan(many.length);
    }
  });
});

describe("chronologicalOrder at scale", () => {
  it("agrees with a plain three-key comparator on as many generated events as are ordered by title", async () => {
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const { TITLE_ORDER_UP_TO } = await import("../../src/model/filter.ts");
    const events = generateCollection(TITLE_ORDER_UP_TO, 3, generatorContext()).features;
    const fold = (t: string) => t.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    const spans = events.map(eventSpan);
    const titles = events.map((e) => fold(e.properties.title));
    const naive = events.map((_, i) => i).sort((a, b) =>
      spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1] || (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : a - b));
    expect(chronologicalOrder(events)).toEqual(naive);
  });
});

describe("chronologicalOrder above TITLE_ORDER_UP_TO events", () => {
  it("keeps events on the same dates in dataset order", async () => {
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const { TITLE_ORDER_UP_TO } = await import("../../src/model/filter.ts");
    const events = generateCollection(TITLE_ORDER_UP_TO + 1, 3, generatorContext()).features;
    const spans = events.map(eventSpan);
    const byDate = events.map((_, i) => i).sort((a, b) => spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1] || a - b);
    const order = chronologicalOrder(events);
    expect(order).toEqual(byDate);
    // Titles would have ordered them otherwise: one event fewer is ordered by title.
    expect(chronologicalOrder(events.slice(1)).map((i) => i + 1)).not.toEqual(byDate.filter((i) => i > 0));
  });
});

describe("search text folded ahead (very big datasets)", () => {
  it("is the same text in slices, and an index given it folds none (one warm-up call makes the rest)", async () => {
    const { buildSearchTextInSlices } = await import("../../src/model/filter.ts");
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const many = generateCollection(1200, 2, generatorContext()).features;
    let pauses = 0;
    const text = await buildSearchTextInSlices(many, async () => void pauses++, 500);
    expect(text).toEqual(buildSearchText(many));
    expect(pauses).toBe(2);
    const ix = buildFilterIndex(many, text);
    expect(ix.warmText(() => 0, 1200)).toBe(true); // columns and date keys for all 1200, no text to fold
    expect(ix.text).toEqual(text);
    const q = { ...emptyFilters(), q: "caracas" };
    expect(filterEvents(many, ix, q)).toEqual(filterEvents(many, text, q));
  });
});

describe("foldForSearch on Latin-1 text", () => {
  // The general folding, spelled out: what the Latin-1 table must agree with.
  const reference = (s: string) =>
    s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[‘’‚‛]/g, "'").replace(/[“”„]/g, '"').replace(/[‐-―−]/g, "-").replace(/\s+/g, " ").toLowerCase();

  it("folds every Latin-1 text as the general folding does", () => {
    const latin1 = fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.array(fc.oneof(latin1, fc.constantFrom("á", "Ñ", "  ", "\u00a0", "ß", "Ø", "ÿ", "A")), { maxLength: 40 }), (cs) => {
      const s = cs.join("");
      expect(foldForSearch(s)).toBe(reference(s));
    }), { numRuns: 2000 });
    for (let c = 0; c <= 0xff; c++) expect(foldForSearch(`x${String.fromCharCode(c)}á`)).toBe(reference(`x${String.fromCharCode(c)}á`));
  });

  it("folds accented place names to what a plain search types", () => {
    expect(foldForSearch("Bogotá, Cúcuta  y Maiquetía")).toBe("bogota, cucuta y maiquetia");
    expect(foldForSearch("Rodríguez’s")).toBe("rodriguez's");
  });
});

describe("chronologicalOrderByDate (very big datasets)", () => {
  it("orders by start, then end, then dataset order, ignoring titles", async () => {
    const { chronologicalOrderByDate } = await import("../../src/model/filter.ts");
    const { generateCollection, generatorContext } = await import("../../src/cli/generate.ts");
    const many = generateCollection(5000, 6, generatorContext()).features;
    const ix = buildFilterIndex(many);
    const naive = many.map((_, i) => i).sort((a, b) => ix.starts[a]! - ix.starts[b]! || ix.ends[a]! - ix.ends[b]! || a - b);
    expect(chronologicalOrderByDate(ix.starts, ix.ends)).toEqual(naive);
  });

  it("is a stable sort by the packed dates: the same as comparing them, whatever the days and lengths", async () => {
    const { chronologicalOrderByDate } = await import("../../src/model/filter.ts");
    const DAY = 86_400_000;
    // Days from 1696 to 2413 (and beyond, clamped), lengths up to 22 years, unparsed dates (NaN).
    const day = fc.oneof(fc.integer({ min: -100_500, max: 170_000 }).map((d) => d * DAY), fc.constant(NaN), fc.integer({ min: 20_000, max: 20_010 }).map((d) => d * DAY));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.oneof(fc.nat(9000), fc.constant(0))), { maxLength: 300 }), (rows) => {
        const starts = Float64Array.from(rows, ([s]) => s);
        const ends = Float64Array.from(rows, ([s, len]) => s + len * DAY);
        const key = (i: number) => {
          const s = starts[i]!, e = ends[i]!;
          const d = Number.isFinite(s) ? Math.min(2 ** 18 - 1, Math.max(0, Math.floor(s / DAY) + 100_000)) : 0;
          const l = Number.isFinite(e - s) ? Math.min(2 ** 13 - 1, Math.max(0, Math.round((e - s) / DAY))) : 0;
          return d * 2 ** 13 + l;
        };
        const naive = rows.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
        expect(chronologicalOrderByDate(starts, ends)).toEqual(naive);
      }),
    );
  });
});

describe("shownInOrder and shownPosition (the list's rows)", () => {
  it("give the rows and positions of listing every shown event in order, with or without a bitmask", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.infiniteStream(fc.boolean()), fc.nat(70), fc.nat(70), (n, flags, a, b) => {
        const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => ((x * 7919) % 61) - ((y * 7919) % 61));
        const picked = [...flags.take(n)].flatMap((on, i) => (on ? [i] : []));
        const all = order.filter((i) => picked.includes(i));
        const masked = indexSet(n, picked);
        const plain = { size: masked.size, has: (i: number) => masked.has(i) };
        const [from, to] = a <= b ? [a, b] : [b, a];
        for (const shown of [masked, plain]) {
          expect(shownInOrder(order, shown, from, to)).toEqual(all.slice(from, to));
          expect(shownInOrder(order, shown)).toEqual(all);
          for (let i = 0; i < n; i++) expect(shownPosition(order, shown, i)).toBe(all.indexOf(i));
        }
      }),
    );
  });

  it("gives every event when nothing is filtered out", () => {
    const all = indexSet(5, [0, 1, 2, 3, 4]);
    expect(shownInOrder([4, 2, 0, 1, 3], all, 1, 3)).toEqual([2, 0]);
    expect(shownPosition([4, 2, 0, 1, 3], all, 3)).toBe(4);
  });
});
