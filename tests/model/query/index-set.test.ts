import { describe, expect, it } from "vitest";
import { indexSet, setIndexes } from "../../../src/model/query/index-set.ts";

describe("indexSet", () => {
  it("has exactly the given indexes, and their count", () => {
    const s = indexSet(6, [0, 3, 5]);
    expect(s.size).toBe(3);
    expect([0, 1, 2, 3, 4, 5, 6, -1].map((i) => s.has(i))).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      false,
      false,
    ]);
    expect(indexSet(0, []).size).toBe(0);
  });

  it("holds every index when given all of them, as filterEvents gives them with nothing filtered", () => {
    const all = indexSet(5, [0, 1, 2, 3, 4]);
    expect([...all.mask!]).toEqual([1, 1, 1, 1, 1]);
    expect(all.size).toBe(5);
    expect([...indexSet(5, [0, 2, 4]).mask!]).toEqual([1, 0, 1, 0, 1]);
  });
});

describe("setIndexes", () => {
  it("lists a set's indexes in ascending order, from its mask or from has()", () => {
    expect(setIndexes(indexSet(6, [0, 3, 5]), 6)).toEqual([0, 3, 5]);
    expect(setIndexes({ size: 2, has: (i) => i === 1 || i === 4 }, 6)).toEqual([1, 4]);
  });
});
