import { describe, expect, it } from "vitest";
import { shapeFeatures } from "../../src/map/curate-draw.ts";

describe("shapeFeatures", () => {
  it("draws nothing for no shape", () => {
    expect(shapeFeatures(null)).toEqual({ type: "FeatureCollection", features: [] });
  });

  it("draws a pin alone when there is no radius", () => {
    const point = { type: "Point" as const, coordinates: [-67.59, 10.25] };
    expect(shapeFeatures({ geometry: point }).features.map((f) => f.geometry)).toEqual([point]);
  });

  it("draws a point with a radius as the point and its circle", () => {
    const point = { type: "Point" as const, coordinates: [-67.59, 10.25] };
    const [pin, disc] = shapeFeatures({ geometry: point, radiusKm: 12 }).features;
    expect(pin!.geometry).toEqual(point);
    expect(disc!.geometry.type).toBe("Polygon");
  });

  it("draws a line as it is, with no circle even if a radius is set", () => {
    const line = {
      type: "LineString" as const,
      coordinates: [
        [-67, 10],
        [-66, 10.5],
      ],
    };
    expect(shapeFeatures({ geometry: line, radiusKm: 5 }).features.map((f) => f.geometry)).toEqual([
      line,
    ]);
  });
});
