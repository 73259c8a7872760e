import { describe, expect, it } from "vitest";
import { dotRadiusPx, pickRadiusPx } from "../../src/map/point-shaders.ts";

describe("point layer sizes (what the pointer can hit)", () => {
  it("grows dots as the dot layer did: 2 px at zoom 3, 4 at 8, 6 at 12, clamped outside", () => {
    expect([2, 3, 5.5, 8, 10, 12, 14].map(dotRadiusPx)).toEqual([2, 2, 3, 4, 5, 6, 6]);
  });

  it("hits a dot a few pixels beyond its edge, an icon within its half-size, and more for a finger", () => {
    expect(pickRadiusPx(5, 11)).toBeCloseTo(dotRadiusPx(5) + 4, 9); // dots below the icon zoom
    expect(pickRadiusPx(12, 11)).toBeCloseTo(21.6 / 2 + 1, 9); // icons from it on
    expect(pickRadiusPx(3, 0)).toBeCloseTo(21.6 / 2 + 1, 9); // icon zoom 0 (≤ 8 000 points): icons at every zoom
    expect(pickRadiusPx(5, 11, true)).toBe(16);
    expect(pickRadiusPx(12, 11, true)).toBe(16);
  });
});
