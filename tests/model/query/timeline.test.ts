import { describe, expect, it } from "vitest";
import {
  densityColumns,
  makeShownDensity,
  monthTicks,
  packLanes,
  tickStride,
  timelineAxis,
} from "../../../src/model/query/timeline.ts";
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
  it("focuses the axis on short events and clips long vague ones", () => {
    const [lo, hi] = timelineAxis([
      ev("2025-01-01", "2025-11-23"),
      ev("2025-11-16"),
      ev("2026-01-10"),
    ]);
    expect(lo).toBe(Date.parse("2025-11-16T00:00:00Z") - 7 * DAY);
    expect(hi).toBe(Date.parse("2026-01-10T00:00:00Z") + 4 * DAY);
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

describe("tickStride", () => {
  it("labels every month when they fit, and thins them out on a narrow strip", () => {
    expect(tickStride(3, 800)).toBe(1); // the shipped data's three months on a laptop
    expect(tickStride(13, 1200)).toBe(1);
    expect(tickStride(13, 360)).toBe(3); // a year of months on a phone: every third one
    expect(tickStride(13, 0)).toBe(1); // not measured yet
    expect(tickStride(1, 10)).toBe(1);
  });
});

describe("density strip", () => {
  // Six events over ten days on a 10-column axis: one day each, except #4 (days 2–5) and #5 (all ten).
  const starts = Float64Array.from([0, 1, 1, 9, 2, 0].map((d) => d * DAY));
  const ends = Float64Array.from([0, 1, 1, 9, 5, 9].map((d) => d * DAY + DAY - 1));
  const cols = densityColumns(starts, ends, 0, 10 * DAY, 10);
  const mask = (...shown: number[]) =>
    Uint8Array.from({ length: 6 }, (_, i) => (shown.includes(i) ? 1 : 0));
  const near = (a: ArrayLike<number>, b: number[]) =>
    expect(Array.from(a).map((v) => Math.round(v * 1e6) / 1e6 + 0)).toEqual(b);

  it("spreads each event over the columns its span covers", () => {
    expect([...cols.x0]).toEqual([0, 1, 1, 9, 2, 0]);
    expect([...cols.x1]).toEqual([0, 1, 1, 9, 5, 9]);
    near(cols.all, [1.1, 2.1, 0.35, 0.35, 0.35, 0.35, 0.1, 0.1, 0.1, 1.1]);
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
    const c = densityColumns(s, e, 0, 400 * DAY, 300);
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
    const c = densityColumns(s, e, 0, 300 * DAY, 300);
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
