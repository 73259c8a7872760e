import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  LEAD_SHARE,
  axisTicks,
  densityColumns,
  fromFraction,
  linearScale,
  makeShownDensity,
  monthTicks,
  onStrip,
  packLanes,
  timelineDomain,
  toFraction,
  zoomScale,
} from "../../../src/model/query/timeline.ts";
import { eventSpan } from "../../../src/model/query/dates.ts";
import { readFileSync } from "node:fs";
import type { EventCollection } from "../../../src/model/types.ts";

const loadShippedEvents = () =>
  (
    JSON.parse(
      readFileSync(new URL("../../../data/events.geojson", import.meta.url), "utf8"),
    ) as EventCollection
  ).features;
import type { SituationEvent } from "../../../src/model/types.ts";

const DAY = 86_400_000;
const ev = (start: string, end?: string): SituationEvent => ({
  type: "Feature",
  id: `e${start}${end ?? ""}`,
  geometry: null,
  properties: {
    title: "",
    summary: "",
    category: "raid",
    actors: [],
    status: "reported",
    citations: [],
    date: { start, end, precision: end ? "range" : "day", basis: "" },
    place: { name: "", precision: "country", basis: "" },
  },
});

describe("timeline layout", () => {
  it("puts overlapping spans in different lanes and reuses free lanes", () => {
    const events = [ev("2026-01-01", "2026-01-10"), ev("2026-01-05"), ev("2026-01-20")];
    const { lane, lanes } = packLanes(events, [0, 1, 2]);
    expect(lane[0]).not.toBe(lane[1]);
    expect(lane[2]).toBe(0);
    expect(lanes).toBe(2);
  });
  it("ticks on the first of each month", () => {
    const ticks = monthTicks(
      Date.parse("2025-11-10T00:00:00Z"),
      Date.parse("2026-01-15T00:00:00Z"),
    );
    expect(ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      "2025-12-01",
      "2026-01-01",
    ]);
  });
});

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

describe("timelineDomain", () => {
  it("covers every event's span, and compresses a long lead-in of vague ranges", () => {
    const d = timelineDomain([ev("2025-01-01", "2025-11-23"), ev("2025-11-16"), ev("2026-01-10")]);
    expect(d.first).toBe(day("2025-01-01"));
    expect(d.last).toBe(day("2026-01-10"));
    expect(d.lo).toBeLessThanOrEqual(d.first);
    expect(d.hi).toBeGreaterThan(d.last);
    // The short events start on 16 Nov: the focus begins a week before, after the lead-in.
    expect(d.knee).toBe(day("2025-11-16") - 7 * DAY);
    expect(d.kneeAt).toBe(LEAD_SHARE);
    expect(toFraction(d, d.knee)).toBeCloseTo(LEAD_SHARE, 12);
  });

  it("is linear when the early events are not far ahead of the rest", () => {
    const d = timelineDomain([ev("2025-11-01", "2025-11-30"), ev("2025-11-16"), ev("2026-01-10")]);
    expect(d.kneeAt).toBe(0);
    expect(d.knee).toBe(d.lo);
    expect(toFraction(d, (d.lo + d.hi) / 2)).toBeCloseTo(0.5, 12);
  });

  it("on the shipped data: from 1 Sep 2025, with the crisis months on most of the strip", () => {
    const events = loadShippedEvents();
    const d = timelineDomain(events);
    for (const e of events) {
      const [a, b] = eventSpan(e);
      expect(toFraction(d, a)).toBeGreaterThanOrEqual(0);
      expect(toFraction(d, b + DAY)).toBeLessThanOrEqual(1);
    }
    expect(d.first).toBe(day("2025-09-01"));
    // 16 Nov 2025 (the carrier group) to the end: at least 70 % of the width.
    expect(1 - toFraction(d, day("2025-11-16"))).toBeGreaterThan(0.7);
  });

  it("has a one-day axis and no events' dates for an empty dataset", () => {
    const d = timelineDomain([]);
    expect(d.hi - d.lo).toBe(DAY);
    expect(d.kneeAt).toBe(0);
  });

  it("maps fractions back to the same dates, and holds off-strip values at the edges", () => {
    const d = timelineDomain([ev("2025-01-01", "2025-11-23"), ev("2025-11-16"), ev("2026-01-10")]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (f) => {
        expect(toFraction(d, fromFraction(d, f))).toBeCloseTo(f, 9);
      }),
    );
    // Monotonic across the knee.
    const xs = [d.lo, d.knee - DAY, d.knee, d.knee + DAY, d.hi].map((t) => toFraction(d, t));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(onStrip(toFraction(d, day("2030-01-01")))).toBe(1);
    expect(onStrip(toFraction(d, day("2020-01-01")))).toBe(0);
    expect(onStrip(Number.NaN)).toBe(0);
  });
});

describe("zoomScale", () => {
  const d = timelineDomain([ev("2025-09-01", "2025-11-23"), ev("2025-11-16"), ev("2026-01-10")]);
  it("puts the chosen days inside the strip, with a margin", () => {
    const z = zoomScale(day("2026-01-01"), day("2026-01-31"), d);
    expect(z.kneeAt).toBe(0);
    const a = toFraction(z, day("2026-01-01")),
      b = toFraction(z, day("2026-01-31"));
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThan(1);
    expect(b - a).toBeGreaterThan(0.85);
  });
  it("takes an open end as the data's first or last day, and works beyond the data", () => {
    const z = zoomScale(null, day("2025-10-01"), d);
    expect(z.lo).toBeLessThan(day("2025-09-01"));
    const far = zoomScale(day("2030-01-01"), null, d);
    // From after the data to its last day: still a valid, non-empty strip.
    expect(far.hi).toBeGreaterThan(far.lo);
  });
});

describe("axisTicks", () => {
  it("labels months as far apart as the width allows, never near the right end", () => {
    const sc = linearScale(day("2025-01-01"), day("2026-02-25"));
    const wide = axisTicks(sc, 1200),
      narrow = axisTicks(sc, 360);
    expect(wide.every((t) => t.kind === "month")).toBe(true);
    expect(wide.filter((t) => t.labelled).length).toBe(wide.length);
    const labelled = narrow.filter((t) => t.labelled);
    expect(labelled.length).toBeLessThan(narrow.length);
    for (let i = 1; i < labelled.length; i++)
      expect((labelled[i]!.at - labelled[i - 1]!.at) * 360).toBeGreaterThanOrEqual(64);
    for (const t of labelled) expect((1 - t.at) * 360).toBeGreaterThanOrEqual(56);
    expect(axisTicks(sc, 0).every((t) => t.labelled)).toBe(true); // not measured yet
  });
  it("ticks on Mondays when zoomed to a few weeks", () => {
    const ticks = axisTicks(linearScale(day("2026-01-01"), day("2026-01-31")), 800);
    expect(ticks.map((t) => new Date(t.t).toISOString().slice(0, 10))).toEqual([
      "2026-01-05",
      "2026-01-12",
      "2026-01-19",
      "2026-01-26",
    ]);
    expect(ticks.every((t) => t.kind === "week" && new Date(t.t).getUTCDay() === 1)).toBe(true);
  });
  it("places ticks by the compressed scale", () => {
    const d = timelineDomain([ev("2025-01-01", "2025-11-23"), ev("2025-11-16"), ev("2026-01-10")]);
    const ticks = axisTicks(d, 1000);
    const early = ticks.filter((t) => t.t < d.knee);
    expect(early.every((t) => t.at < LEAD_SHARE)).toBe(true);
  });
});

describe("density strip", () => {
  // Six events over ten days on a 10-column axis: one day each, except #4 (days 2–5) and #5 (all ten).
  const starts = Float64Array.from([0, 1, 1, 9, 2, 0].map((d) => d * DAY));
  const ends = Float64Array.from([0, 1, 1, 9, 5, 9].map((d) => d * DAY + DAY - 1));
  const cols = densityColumns(starts, ends, linearScale(0, 10 * DAY), 10);
  const mask = (...shown: number[]) =>
    Uint8Array.from({ length: 6 }, (_, i) => (shown.includes(i) ? 1 : 0));
  const near = (a: ArrayLike<number>, b: number[]) =>
    expect(Array.from(a).map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual(b);

  it("spreads each event over the columns its span covers", () => {
    expect([...cols.x0]).toEqual([0, 1, 1, 9, 2, 0]);
    expect([...cols.x1]).toEqual([0, 1, 1, 9, 5, 9]);
    near(cols.all, [1.1, 2.1, 0.35, 0.35, 0.35, 0.35, 0.1, 0.1, 0.1, 1.1]);
  });

  it("leaves out the events off a zoomed strip, rather than piling them up at its edges", () => {
    // Days 2–6 of the ten on five columns: #0, #1, #2 (days 0–1) and #3 (day 9) are off it.
    const z = densityColumns(starts, ends, linearScale(2 * DAY, 7 * DAY), 5);
    expect([...z.x0]).toEqual([-1, -1, -1, -1, 0, 0]);
    expect([...z.x1]).toEqual([-1, -1, -1, -1, 3, 4]);
    near(z.all, [0.45, 0.45, 0.45, 0.45, 0.2]);
    near(makeShownDensity(z)(mask(0, 1, 2, 3, 4, 5)), [0.45, 0.45, 0.45, 0.45, 0.2]);
  });

  it("sums the shown events, and after a change only what changed, to the same result", () => {
    const shown = makeShownDensity(cols);
    near(shown(mask(0, 1, 2, 3, 4, 5)), [1.1, 2.1, 0.35, 0.35, 0.35, 0.35, 0.1, 0.1, 0.1, 1.1]);
    near(shown(mask(1, 4)), [0, 1, 0.25, 0.25, 0.25, 0.25, 0, 0, 0, 0]);
    near(shown(mask()), [0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    near(shown(mask(5, 3)), [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 1.1]);
  });

  it("matches a fresh sum after many random steps", () => {
    const n = 5000;
    let seed = 3;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const s = Float64Array.from({ length: n }, () => Math.floor(random() * 365) * DAY);
    const e = s.map((v) => v + Math.floor(random() ** 4 * 60) * DAY + DAY - 1);
    const c = densityColumns(s, e, linearScale(0, 400 * DAY), 300);
    const stepped = makeShownDensity(c);
    const range = (from: number, to: number) =>
      Uint8Array.from({ length: n }, (_, i) => (s[i]! <= to && e[i]! >= from ? 1 : 0));
    for (let step = 0; step < 200; step++) {
      const from = random() * 365 * DAY;
      stepped(range(from, from + random() * 100 * DAY));
    }
    // Then one more step, and the same mask summed afresh: equal, to rounding.
    const from = 100 * DAY,
      to = 130 * DAY;
    const m = range(from, to);
    const a = stepped(m),
      b = makeShownDensity(c)(m);
    expect(a.some((v) => v > 0)).toBe(true);
    for (let x = 0; x < 300; x++) expect(a[x]).toBeCloseTo(b[x]!, 9);
  });

  it("compares masks of any length, aligned or not (a change in the last bytes, past the whole words, counts)", () => {
    const n = 4003,
      s = Float64Array.from({ length: n }, (_, i) => (i % 300) * DAY),
      e = s.map((v) => v + DAY - 1);
    const c = densityColumns(s, e, linearScale(0, 300 * DAY), 300);
    const stepped = makeShownDensity(c);
    // Every event, then the last three dropped (beyond the whole words), then a mask one byte into
    // its buffer (not aligned) that drops the first event too.
    const all = new Uint8Array(n).fill(1),
      lastOff = all.slice(),
      shifted = new Uint8Array(n + 1).fill(1).subarray(1);
    lastOff.fill(0, n - 3);
    shifted.fill(0, n - 3);
    shifted[0] = 0;
    for (const m of [all, lastOff, shifted, all]) {
      const a = stepped(m),
        b = makeShownDensity(c)(m);
      for (let x = 0; x < 300; x++) expect(a[x]).toBeCloseTo(b[x]!, 9);
    }
    expect(stepped(lastOff).reduce((t, v) => t + v, 0)).toBeCloseTo(n - 3, 6);
    expect(stepped(shifted).reduce((t, v) => t + v, 0)).toBeCloseTo(n - 4, 6);
  });
});
