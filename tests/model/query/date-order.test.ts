import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DAY } from "../../../src/model/query/dates.ts";
import { INDEX_BITS, dateBand, dayKey, dayKeys } from "../../../src/model/query/date-order.ts";

const T0 = Date.UTC(2025, 8, 1);

describe("dayKeys", () => {
  it("orders events by day, then by index, with non-dates first", () => {
    const values = Float64Array.from([T0 + 2 * DAY, Number.NaN, T0, T0 + 2 * DAY + 5, T0]);
    const order = Array.from(dayKeys(values), (k) => k % INDEX_BITS);
    expect(order).toEqual([1, 2, 4, 0, 3]);
  });

  it("gives the same order as a sort, near days or centuries apart", () => {
    const day = fc.oneof(
      fc.integer({ min: 0, max: 400 }).map((d) => T0 + d * DAY),
      fc.integer({ min: -300_000, max: 300_000 }).map((d) => T0 + d * DAY),
      fc.constant(Number.NaN),
    );
    fc.assert(
      fc.property(fc.array(day, { maxLength: 60 }), (days) => {
        const keys = dayKeys(Float64Array.from(days));
        const sorted = days.map((v, i) => dayKey(v) * INDEX_BITS + i).sort((a, b) => a - b);
        expect(Array.from(keys)).toEqual(sorted);
      }),
    );
  });
});

describe("dateBand", () => {
  it("finds the events whose day lies between two bounds, both included", () => {
    const values = Float64Array.from([T0, T0 + DAY, T0 + 2 * DAY, T0 + 3 * DAY]);
    const keys = dayKeys(values);
    const [a, b] = dateBand(keys, T0 + 3 * DAY - 1, T0 + DAY);
    expect(Array.from(keys.subarray(a, b), (k) => k % INDEX_BITS)).toEqual([1, 2]);
    expect(dateBand(keys, T0 - 9 * DAY, T0 - 8 * DAY)).toEqual([0, 0]);
  });
});
