import { describe, expect, it } from "vitest";
import { inSlices } from "../../src/model/slices.ts";

describe("inSlices", () => {
  it("covers [0, n) in order, in slices, with a pause between slices only", async () => {
    const seen: [number, number][] = [];
    let pauses = 0;
    await inSlices(25, 10, async () => void pauses++, (from, to) => void seen.push([from, to]));
    expect(seen).toEqual([[0, 10], [10, 20], [20, 25]]);
    expect(pauses).toBe(2);
    await inSlices(0, 10, async () => void pauses++, () => seen.push([-1, -1]));
    expect(seen).toHaveLength(3);
    expect(pauses).toBe(2);
  });
});
