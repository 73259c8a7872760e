import { describe, expect, it } from "vitest";
import { inSlices, paced } from "../../src/model/slices.ts";

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

describe("paced", () => {
  it("breaks the task only once the budget has passed since the last break", async () => {
    let clock = 0, breaks = 0;
    const pause = paced(async () => void (breaks++, (clock += 4)), 10, () => clock);
    await pause();
    expect(breaks).toBe(0);
    clock = 9.9;
    await pause();
    expect(breaks).toBe(0);
    clock = 10;
    await pause();
    expect(breaks).toBe(1);
    // The budget counts from the end of the break (14), not from its start.
    clock = 23.9;
    await pause();
    expect(breaks).toBe(1);
    clock = 24;
    await pause();
    expect(breaks).toBe(2);
  });
});
