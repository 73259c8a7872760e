import { describe, expect, it } from "vitest";
import { eventSpans, isoDay } from "../../../src/model/query/dates.ts";
import {
  inWindow,
  nextCursor,
  playbackCursors,
  playbackWindow,
  previousCursor,
} from "../../../src/model/query/playback.ts";
import { make } from "./event-fixtures.ts";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const ids = ["a-day", "b-range", "c-week", "d-month"];
const spans = eventSpans([
  make("a-day", { date: { start: "2026-01-03", precision: "day", basis: "" } }),
  make("b-range", {
    date: { start: "2026-01-03", end: "2026-01-11", precision: "range", basis: "" },
  }),
  make("c-week", {
    date: { start: "2026-01-03", end: "2026-01-09", precision: "week", basis: "" },
  }),
  make("d-month", {
    date: { start: "2025-12-01", end: "2025-12-31", precision: "month", basis: "" },
  }),
]);
const shown = (w: [number, number]) => inWindow(spans, w).map((i) => ids[i]);

describe("playback windows", () => {
  it("shows a day window only the events whose span covers that day", () => {
    expect(shown(playbackWindow(day("2026-01-03"), "day", 0))).toEqual([
      "a-day",
      "b-range",
      "c-week",
    ]);
    expect(shown(playbackWindow(day("2026-01-10"), "day", 0))).toEqual(["b-range"]);
    expect(shown(playbackWindow(day("2026-01-12"), "day", 0))).toEqual([]);
  });
  it("keeps a range visible on its last day and a month event on every day of it", () => {
    expect(shown(playbackWindow(day("2026-01-11"), "day", 0))).toEqual(["b-range"]);
    expect(shown(playbackWindow(day("2025-12-31"), "day", 0))).toEqual(["d-month"]);
    expect(shown(playbackWindow(day("2025-12-15"), "day", 0))).toEqual(["d-month"]);
  });
  it("never shows a week-precise event as a single day", () => {
    for (const iso of ["2026-01-03", "2026-01-06", "2026-01-09"])
      expect(shown(playbackWindow(day(iso), "day", 0))).toContain("c-week");
    expect(shown(playbackWindow(day("2026-01-10"), "day", 0))).not.toContain("c-week");
  });
  it("spans a week window over seven days, meeting spans that overlap it", () => {
    const w = playbackWindow(day("2025-12-28"), "week", 0);
    expect([isoDay(w[0]), isoDay(w[1])]).toEqual(["2025-12-28", "2026-01-03"]);
    expect(shown(w)).toEqual(ids);
  });
  it("grows a cumulative window from the data's first day", () => {
    const from = day("2025-12-01");
    expect(shown(playbackWindow(day("2025-12-01"), "cumulative", from))).toEqual(["d-month"]);
    expect(shown(playbackWindow(day("2026-01-03"), "cumulative", from))).toEqual([
      "a-day",
      "b-range",
      "c-week",
      "d-month",
    ]);
  });
  it("steps calendar months, and back", () => {
    expect(isoDay(nextCursor(day("2026-01-01"), "month"))).toBe("2026-02-01");
    expect(isoDay(nextCursor(day("2025-12-01"), "month"))).toBe("2026-01-01");
    expect(isoDay(previousCursor(day("2026-01-01"), "month"))).toBe("2025-12-01");
    expect(isoDay(previousCursor(day("2026-01-10"), "week"))).toBe("2026-01-03");
    const w = playbackWindow(day("2026-02-01"), "month", 0);
    expect(isoDay(w[1])).toBe("2026-02-28");
  });
  it("lists every frame from the data's first day to its last", () => {
    const span: [number, number] = [day("2025-11-22"), day("2026-01-11")];
    expect(playbackCursors(span, "month").map(isoDay)).toEqual([
      "2025-11-01",
      "2025-12-01",
      "2026-01-01",
    ]);
    const weeks = playbackCursors(span, "week").map(isoDay);
    expect(weeks[0]).toBe("2025-11-22");
    expect(weeks.at(-1)).toBe("2026-01-10");
    expect(weeks).toHaveLength(8);
    expect(playbackCursors(span, "day")).toHaveLength(51);
  });
});
