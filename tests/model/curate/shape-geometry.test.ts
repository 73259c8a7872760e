import type { Polygon, Position } from "geojson";
import { booleanClockwise } from "@turf/turf";
import { describe, expect, it } from "vitest";
import {
  formatVertices,
  readVertices,
  shapeGeometry,
  vertexCount,
} from "../../../src/model/curate/shape-geometry.ts";

// Caracas, Maracay, Valencia: a triangle listed clockwise (east to west along the coast, then
// back inland would be counter-clockwise; these run west → north-east → south).
const CLOCKWISE: Position[] = [
  [-68.0, 10.16],
  [-66.9, 10.5],
  [-67.6, 9.9],
];

describe("shapeGeometry: a line", () => {
  it("rounds as a point is and keeps the clicked order", () => {
    expect(
      shapeGeometry("LineString", [
        [-66.903612345, 10.480598765],
        [-67.59581, 10.24692],
      ]),
    ).toEqual({
      type: "LineString",
      coordinates: [
        [-66.90361, 10.4806],
        [-67.59581, 10.24692],
      ],
    });
  });

  it("drops a vertex repeated straight after itself (a double-click's two clicks)", () => {
    const line = shapeGeometry("LineString", [
      [-66.9, 10.5],
      [-67.6, 10.2],
      [-67.600001, 10.2],
    ]);
    expect(line?.coordinates).toEqual([
      [-66.9, 10.5],
      [-67.6, 10.2],
    ]);
  });

  it.each([
    [[]],
    [[[-66.9, 10.5]]],
    [
      [
        [-66.9, 10.5],
        [-66.9, 10.5],
      ],
    ],
  ])("is null with fewer than two distinct vertices (%j)", (vertices) => {
    expect(shapeGeometry("LineString", vertices as Position[])).toBeNull();
  });
});

describe("shapeGeometry: an area", () => {
  it("closes the ring and winds it counter-clockwise", () => {
    const polygon = shapeGeometry("Polygon", CLOCKWISE) as Polygon;
    expect(polygon.type).toBe("Polygon");
    const ring = polygon.coordinates[0]!;
    expect(ring).toHaveLength(4);
    expect(ring[0]).toEqual(ring[3]);
    expect(booleanClockwise(ring)).toBe(false);
    expect(booleanClockwise([...CLOCKWISE, CLOCKWISE[0]!])).toBe(true);
  });

  it("keeps a counter-clockwise ring's order", () => {
    const ccw = [...CLOCKWISE].reverse();
    expect(shapeGeometry("Polygon", ccw)!.coordinates[0]).toEqual([...ccw, ccw[0]]);
  });

  it("does not count a closing vertex the curator gave twice", () => {
    const closed = [...CLOCKWISE, CLOCKWISE[0]!];
    expect(shapeGeometry("Polygon", closed)).toEqual(shapeGeometry("Polygon", CLOCKWISE));
  });

  it("is null with fewer than three distinct vertices", () => {
    expect(shapeGeometry("Polygon", CLOCKWISE.slice(0, 2))).toBeNull();
    expect(shapeGeometry("Polygon", [...CLOCKWISE.slice(0, 2), CLOCKWISE[0]!])).toBeNull();
  });

  it("does not change the vertices it is given", () => {
    const given = structuredClone(CLOCKWISE);
    shapeGeometry("Polygon", given);
    expect(given).toEqual(CLOCKWISE);
  });
});

describe("vertexCount and formatVertices", () => {
  it("count a ring's vertices without its closing repeat", () => {
    const polygon = shapeGeometry("Polygon", CLOCKWISE)!;
    expect(vertexCount(polygon)).toBe(3);
    expect(formatVertices(polygon).split("\n")).toHaveLength(3);
  });

  it("write lng,lat lines that read back to the same geometry", () => {
    for (const kind of ["LineString", "Polygon"] as const) {
      const shape = shapeGeometry(kind, CLOCKWISE)!;
      const read = readVertices(formatVertices(shape));
      expect(read.ok && shapeGeometry(kind, read.vertices)).toEqual(shape);
    }
  });
});

describe("readVertices", () => {
  it("reads lng,lat lines, with spaces or a semicolon as separators, skipping blank lines", () => {
    expect(readVertices("-66.9,10.5\n\n  -67.6 , 10.2 \n-68;10.1\n-68.1 10")).toEqual({
      ok: true,
      vertices: [
        [-66.9, 10.5],
        [-67.6, 10.2],
        [-68, 10.1],
        [-68.1, 10],
      ],
    });
  });

  it.each([
    ["-66.9,10.5\nCaracas", 2, "Caracas"],
    ["-66.9,10.5,3", 1, "-66.9,10.5,3"],
    ["10.5", 1, "10.5"],
    ["-66.9,95", 1, "-66.9,95"],
    ["-190,10", 1, "-190,10"],
  ])("names the first line that is not a position: %j", (text, line, shown) => {
    expect(readVertices(text)).toEqual({ ok: false, line, text: shown });
  });
});
