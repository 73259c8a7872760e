import { describe, expect, it } from "vitest";
import { monthTicks, packLanes, tickStride, timelineAxis } from "../../src/model/timeline.ts";
import type { SituationEvent } from "../../src/model/types.ts";

const DAY = 86_400_000;
const ev = (start: string, end?: string): SituationEvent => ({
  type: "Feature", id: `e${start}${end ?? ""}`, geometry: null,
  properties: {
    title: "", summary: "", category: "raid", actors: [], status: "reported", citations: [],
    date: { start, end, precision: end ? "range" : "day", basis: "" }, place: { name: "", precision: "country", basis: "" },
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
    const [lo, hi] = timelineAxis([ev("2025-01-01", "2025-11-23"), ev("2025-11-16"), ev("2026-01-10")]);
    expect(lo).toBe(Date.parse("2025-11-16T00:00:00Z") - 7 * DAY);
    expect(hi).toBe(Date.parse("2026-01-10T00:00:00Z") + 4 * DAY);
  });
  it("ticks on the first of each month", () => {
    const ticks = monthTicks(Date.parse("2025-11-10T00:00:00Z"), Date.parse("2026-01-15T00:00:00Z"));
    expect(ticks.map((t) => new Date(t).toISOString().slice(0, 10))).toEqual(["2025-12-01", "2026-01-01"]);
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
