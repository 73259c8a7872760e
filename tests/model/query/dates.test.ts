import { describe, expect, it } from "vitest";
import { DAY, dataSpan, dayMs, eventSpan, isoDay } from "../../../src/model/query/dates.ts";
import { events, make } from "./event-fixtures.ts";

describe("dates", () => {
  it("spans a day-precise event as one day", () => {
    const [s, t] = eventSpan(events[0]!);
    expect(t).toBe(s);
  });
  it("spans a month-precise event from its first to its last day", () => {
    const [s, t] = eventSpan(events[1]!);
    expect([isoDay(s), isoDay(t)]).toEqual(["2025-12-01", "2025-12-31"]);
  });
  it("reads only whole ISO days, and NaN otherwise", () => {
    expect(dayMs("2026-01-03")).toBe(Date.UTC(2026, 0, 3));
    expect(dayMs("2026-1-3")).toBeNaN();
    expect(dayMs("")).toBeNaN();
  });
  it("spans a dataset from its first start to the end of its last day", () => {
    expect(dataSpan(events)).toEqual([Date.UTC(2025, 10, 22), Date.UTC(2026, 0, 3) + DAY - 1]);
    expect(dataSpan([])).toEqual([0, 0]);
    expect(
      dataSpan([
        make("x", {
          date: { start: "2026-02-01", end: "2026-02-03", precision: "range", basis: "" },
        }),
      ]),
    ).toEqual([Date.UTC(2026, 1, 1), Date.UTC(2026, 1, 3) + DAY - 1]);
  });
});
