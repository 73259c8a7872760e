import { describe, expect, it } from "vitest";
import { overlayPadding } from "../../../src/model/camera/overlay-padding.ts";

const map = { left: 0, top: 50, right: 960, bottom: 700 };

describe("overlayPadding", () => {
  it("is the margin alone with nothing over the map", () => {
    expect(overlayPadding(map, [], 24)).toEqual({ top: 24, right: 24, bottom: 24, left: 24 });
  });

  it("clears a small button in a corner by pushing the results down", () => {
    const legendButton = { left: 10, top: 60, right: 80, bottom: 90 };
    const p = overlayPadding(map, [legendButton], 24);
    expect(p.top).toBe(90 - 50 + 24);
    expect(p.left).toBe(24);
  });

  it("clears a tall open legend by pushing the results sideways", () => {
    const legend = { left: 10, top: 60, right: 332, bottom: 333 + 200 };
    const p = overlayPadding(map, [legend], 24);
    expect(p.left).toBe(332 + 24);
    expect(p.top).toBe(24);
  });

  it("clears something at the bottom right from below", () => {
    const credit = { left: 700, top: 680, right: 960, bottom: 700 };
    const p = overlayPadding(map, [credit], 24);
    expect(p.bottom).toBe(20 + 24);
    expect(p.right).toBe(24);
  });

  it("ignores what is not over the map", () => {
    const beside = { left: 970, top: 60, right: 1280, bottom: 700 };
    expect(overlayPadding(map, [beside], 10)).toEqual({ top: 10, right: 10, bottom: 10, left: 10 });
  });

  it("never gives a side more than its share of a small map", () => {
    const phone = { left: 0, top: 0, right: 390, bottom: 300 };
    const wide = { left: 0, top: 0, right: 390, bottom: 250 };
    const p = overlayPadding(phone, [wide], 24, 0.45);
    expect(p.top).toBe(300 * 0.45);
  });
});
