import { booleanPointInPolygon, distance } from "@turf/turf";
import { describe, expect, it } from "vitest";
import {
  dragRadiusKm,
  pointPlace,
  radiusCircle,
  readCoordinate,
  roundRadiusKm,
} from "../../../src/model/curate/place-geometry.ts";

const CARACAS: [number, number] = [-66.9036, 10.4806];

describe("pointPlace", () => {
  it("keeps longitude first, as GeoJSON does, rounded to 5 decimals", () => {
    expect(pointPlace(-66.903612345, 10.480598765, 12.34)).toEqual({
      geometry: { type: "Point", coordinates: [-66.90361, 10.4806] },
      radiusKm: 12,
    });
  });

  it("gives a click (no radius, or a few metres of drag) no radius at all", () => {
    expect(pointPlace(...CARACAS).radiusKm).toBeUndefined();
    expect(pointPlace(...CARACAS, 0.04).radiusKm).toBeUndefined();
    expect(pointPlace(...CARACAS, -3).radiusKm).toBeUndefined();
  });
});

describe("roundRadiusKm", () => {
  it.each([
    [0.26, 0.3],
    [3.04, 3],
    [9.94, 9.9],
    [10.4, 10],
    [123.6, 124],
  ])("%s km → %s km", (km, want) => expect(roundRadiusKm(km)).toBe(want));
});

describe("dragRadiusKm", () => {
  it("is the distance dragged: one degree of latitude is about 111 km", () => {
    expect(dragRadiusKm([-66, 10], [-66, 11])).toBeCloseTo(111.2, 0);
    expect(dragRadiusKm(CARACAS, CARACAS)).toBe(0);
  });
});

describe("radiusCircle", () => {
  it("is a closed, counter-clockwise ring at the radius around the point", () => {
    const ring = radiusCircle(CARACAS, 12).coordinates[0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    for (const p of ring) expect(distance(CARACAS, p, { units: "kilometers" })).toBeCloseTo(12, 1);
    const area2 = ring
      .slice(1)
      .reduce((sum, p, i) => sum + (ring[i]![0]! * p[1]! - p[0]! * ring[i]![1]!), 0);
    expect(area2, "positive signed area: counter-clockwise").toBeGreaterThan(0);
    expect(booleanPointInPolygon(CARACAS, radiusCircle(CARACAS, 12))).toBe(true);
  });
});

describe("readCoordinate", () => {
  it.each([
    ["10.48", 90, 10.48],
    [" -66,9 ", 180, -66.9],
    ["91", 90, undefined],
    ["-181", 180, undefined],
    ["", 90, undefined],
    ["north", 90, undefined],
    ["1e999", 180, undefined],
  ] as const)("%j (limit %s) → %s", (text, limit, want) =>
    expect(readCoordinate(text, limit)).toBe(want),
  );
});
