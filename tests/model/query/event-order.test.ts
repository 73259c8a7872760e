import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chronologicalOrder,
  newestFirst,
  shownInOrder,
  shownPosition,
} from "../../../src/model/query/event-order.ts";
import { buildFilterIndex } from "../../../src/model/query/filter.ts";
import { eventSpan, eventSpans } from "../../../src/model/query/dates.ts";
import { indexSet } from "../../../src/model/query/index-set.ts";
import { events, make } from "./event-fixtures.ts";

describe("chronologicalOrder", () => {
  it("orders chronologically by start, then end", () => {
    expect(chronologicalOrder(events).map((i) => events[i]!.id)).toEqual([
      "d-disputed",
      "b-month",
      "a-raid",
      "c-rodriguez",
    ]);
  });
  it("orders same-day events by title, ignoring case and accents, then by dataset order", () => {
    const sameDay = ["zeta", "Éxodo", "alpha", "Delta", "alpha", "ébano"].map((title, k) =>
      make(`e${k}`, { title }),
    );
    expect(chronologicalOrder(sameDay).map((i) => sameDay[i]!.properties.title)).toEqual([
      "alpha",
      "alpha",
      "Delta",
      "ébano",
      "Éxodo",
      "zeta",
    ]);
    expect(chronologicalOrder(sameDay).slice(0, 2)).toEqual([2, 4]);
  });
  it("folds every Latin-1 character as the Unicode decomposition does, and others too", () => {
    const fold = (t: string) =>
      t
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "");
    // One title per character from U+0080 to U+00FF between two letters, upper and lower case,
    // and a few beyond Latin-1 (Ł, ő, a combining acute): the same order as the plain fold.
    const chars = [
      ...Array.from({ length: 128 }, (_, k) => String.fromCharCode(0x80 + k)),
      "Ł",
      "ő",
      "e\u0301",
    ];
    const titles = chars.flatMap((c) => [`m${c}n`, `M${c.toUpperCase()}N`, `${c}b`]);
    const sameDay = titles.map((title, k) => make(`t${k}`, { title }));
    const folded = titles.map(fold);
    const naive = titles
      .map((_, i) => i)
      .sort((a, b) => (folded[a]! < folded[b]! ? -1 : folded[a]! > folded[b]! ? 1 : a - b));
    expect(chronologicalOrder(sameDay)).toEqual(naive);
  });
});

describe("chronologicalOrder at scale", () => {
  it("agrees with a plain three-key comparator on as many generated events as are ordered by title", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const { TITLE_ORDER_UP_TO } = await import("../../../src/model/query/event-order.ts");
    const events = generateCollection(TITLE_ORDER_UP_TO, 3, generatorContext()).features;
    const fold = (t: string) =>
      t
        .toLowerCase()
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "");
    const spans = events.map(eventSpan);
    const titles = events.map((e) => fold(e.properties.title));
    const naive = events
      .map((_, i) => i)
      .sort(
        (a, b) =>
          spans[a]![0] - spans[b]![0] ||
          spans[a]![1] - spans[b]![1] ||
          (titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : a - b),
      );
    expect(chronologicalOrder(events)).toEqual(naive);
  });
});

describe("chronologicalOrder above TITLE_ORDER_UP_TO events", () => {
  it("keeps events on the same dates in dataset order", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const { TITLE_ORDER_UP_TO } = await import("../../../src/model/query/event-order.ts");
    const events = generateCollection(TITLE_ORDER_UP_TO + 1, 3, generatorContext()).features;
    const spans = events.map(eventSpan);
    const byDate = events
      .map((_, i) => i)
      .sort((a, b) => spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1] || a - b);
    const order = chronologicalOrder(events);
    expect(order).toEqual(byDate);
    // Titles would have ordered them otherwise: one event fewer is ordered by title.
    expect(chronologicalOrder(events.slice(1)).map((i) => i + 1)).not.toEqual(
      byDate.filter((i) => i > 0),
    );
  });
});

describe("chronologicalOrderByDate (very big datasets)", () => {
  it("orders by start, then end, then dataset order, ignoring titles", async () => {
    const { chronologicalOrderByDate } = await import("../../../src/model/query/event-order.ts");
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const many = generateCollection(5000, 6, generatorContext()).features;
    const ix = buildFilterIndex(many);
    const naive = many
      .map((_, i) => i)
      .sort((a, b) => ix.starts[a]! - ix.starts[b]! || ix.ends[a]! - ix.ends[b]! || a - b);
    expect(chronologicalOrderByDate(ix.starts, ix.ends)).toEqual(naive);
  });

  it("is a stable sort by the packed dates: the same as comparing them, whatever the days and lengths", async () => {
    const { chronologicalOrderByDate } = await import("../../../src/model/query/event-order.ts");
    const DAY = 86_400_000;
    // Days from 1696 to 2413 (and beyond, clamped), lengths up to 22 years, unparsed dates (NaN).
    const day = fc.oneof(
      fc.integer({ min: -100_500, max: 170_000 }).map((d) => d * DAY),
      fc.constant(NaN),
      fc.integer({ min: 20_000, max: 20_010 }).map((d) => d * DAY),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(day, fc.oneof(fc.nat(9000), fc.constant(0))), { maxLength: 300 }),
        (rows) => {
          const starts = Float64Array.from(rows, ([s]) => s);
          const ends = Float64Array.from(rows, ([s, len]) => s + len * DAY);
          const key = (i: number) => {
            const s = starts[i]!,
              e = ends[i]!;
            const d = Number.isFinite(s)
              ? Math.min(2 ** 18 - 1, Math.max(0, Math.floor(s / DAY) + 100_000))
              : 0;
            const l = Number.isFinite(e - s)
              ? Math.min(2 ** 13 - 1, Math.max(0, Math.round((e - s) / DAY)))
              : 0;
            return d * 2 ** 13 + l;
          };
          const naive = rows.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
          expect(chronologicalOrderByDate(starts, ends)).toEqual(naive);
        },
      ),
    );
  });
});

describe("shownInOrder and shownPosition (the list's rows)", () => {
  it("give the rows and positions of listing every shown event in order, with or without a bitmask", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.infiniteStream(fc.boolean()),
        fc.nat(70),
        fc.nat(70),
        (n, flags, a, b) => {
          const order = Array.from({ length: n }, (_, k) => k).sort(
            (x, y) => ((x * 7919) % 61) - ((y * 7919) % 61),
          );
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
        },
      ),
    );
  });

  it("gives every event when nothing is filtered out", () => {
    const all = indexSet(5, [0, 1, 2, 3, 4]);
    expect(shownInOrder([4, 2, 0, 1, 3], all, 1, 3)).toEqual([2, 0]);
    expect(shownPosition([4, 2, 0, 1, 3], all, 3)).toBe(4);
  });
});

describe("newestFirst", () => {
  const day = (start: string, end?: string) => ({
    start,
    end,
    precision: end ? ("range" as const) : ("day" as const),
    basis: "",
  });
  it("lists the newest dates first, and events on the same dates by title as before", () => {
    const evs = [
      make("old", { title: "Old", date: day("2025-09-01") }),
      make("n2", { title: "Beta", date: day("2026-01-03") }),
      make("mid", { title: "Mid", date: day("2025-12-01", "2025-12-31") }),
      make("n1", { title: "alpha", date: day("2026-01-03") }),
      make("long", { title: "Long", date: day("2026-01-03", "2026-01-11") }),
    ];
    const order = chronologicalOrder(evs);
    const ids = newestFirst(order, eventSpans(evs)).map((i) => evs[i]!.id);
    // 3–11 Jan ends later than 3 Jan: newest; the two on 3 Jan keep their title order.
    expect(ids).toEqual(["long", "n1", "n2", "mid", "old"]);
  });
  it("is the chronological order read backwards by date: a permutation, not mutating its input", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 3 })), {
          maxLength: 40,
        }),
        (days) => {
          const evs = days.map(([d, len], k) =>
            make(`e${k}`, {
              date: day(
                `2026-01-${String(d).padStart(2, "0")}`,
                len ? `2026-02-${String(len).padStart(2, "0")}` : undefined,
              ),
            }),
          );
          const spans = eventSpans(evs);
          const order = chronologicalOrder(evs, spans);
          const copy = [...order];
          const newest = newestFirst(order, spans);
          expect(order).toEqual(copy);
          expect([...newest].sort((a, b) => a - b)).toEqual(evs.map((_, i) => i));
          for (let k = 1; k < newest.length; k++) {
            const a = newest[k - 1]!,
              b = newest[k]!;
            const later =
              spans.starts[a]! > spans.starts[b]! ||
              (spans.starts[a] === spans.starts[b] && spans.ends[a]! >= spans.ends[b]!);
            expect(later).toBe(true);
          }
        },
      ),
    );
  });
});
