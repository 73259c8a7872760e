import { readFileSync } from "node:fs";
import { along, booleanPointInPolygon, centroid, length } from "@turf/turf";
import { generateCollection, generatorContext } from "../../../src/cli/synthetic/events.ts";
import { describe, expect, it } from "vitest";
import { pointBuffers } from "../../../src/model/markers/point-buffers.ts";
import {
  iconMinZoom,
  makeMapFeatures,
  markerPoint,
  selectionFeatures,
  subsetMapFeatures,
} from "../../../src/model/markers/map-features.ts";
import type { EventCollection, SituationEvent } from "../../../src/model/types.ts";

const shipped = (): EventCollection =>
  JSON.parse(readFileSync(new URL("../../../data/events.geojson", import.meta.url), "utf8"));

describe("makeMapFeatures", () => {
  it("gives every mappable event exactly one marker, and none to unplaced events", () => {
    const events = shipped().features;
    const { markers } = makeMapFeatures(events);
    const expected = events.flatMap((e, i) => (e.geometry ? [i] : []));
    expect(markers.features.map((f) => f.properties.idx)).toEqual(expected);
  });

  it("marks an expected event's marker and extent as expected, and no other event's", () => {
    const [happened, expected] = shipped().features.filter((e) => e.geometry?.type === "Point");
    const announced: SituationEvent = {
      ...expected!,
      id: "announced",
      properties: { ...expected!.properties, expected: true },
    };
    const { markers, radii } = makeMapFeatures([happened!, announced]);
    expect(markers.features.map((f) => f.properties.expected)).toEqual([undefined, true]);
    expect(radii.features.find((f) => f.properties.idx === 1)?.properties.expected).toBe(true);
    expect("expected" in markers.features[0]!.properties).toBe(false);
  });

  it("gives a point with a radius its radius in pixels at zoom 0, true to the ground", () => {
    const event = shipped().features.find(
      (e) => e.geometry?.type === "Point" && e.properties.place.radius_km,
    )!;
    const { radii, extents } = makeMapFeatures([event]);
    expect(extents.features).toHaveLength(0);
    const [, lat] = (event.geometry as GeoJSON.Point).coordinates as [number, number];
    const metresPerPixelZ0 = (40_075_016.686 * Math.cos((lat * Math.PI) / 180)) / 512;
    expect(radii.features[0]!.properties.rpx0! * metresPerPixelZ0).toBeCloseTo(
      event.properties.place.radius_km! * 1000,
      3,
    );
  });

  // Markers of areas sit at the centroid (cheaper than turf's pointOnFeature): check that every
  // shipped area really contains its marker, so no pin floats outside its own area.
  it.each(
    shipped()
      .features.filter((e) => e.geometry?.type === "Polygon" || e.geometry?.type === "MultiPolygon")
      .map((e) => [e.id, e] as const),
  )("puts the marker of %s inside its area", (_id, event: SituationEvent) => {
    const { markers } = makeMapFeatures([event]);
    expect(
      booleanPointInPolygon(markers.features[0]!.geometry, event.geometry as GeoJSON.Polygon),
    ).toBe(true);
  });

  it("puts a line's marker on the line's extent", () => {
    const line = shipped().features.find((e) => e.geometry?.type === "LineString")!;
    const [x, y] = makeMapFeatures([line]).markers.features[0]!.geometry.coordinates as [
      number,
      number,
    ];
    const xs = (line.geometry as GeoJSON.LineString).coordinates.map((c) => c[0]!);
    const ys = (line.geometry as GeoJSON.LineString).coordinates.map((c) => c[1]!);
    expect(x).toBeGreaterThanOrEqual(Math.min(...xs));
    expect(x).toBeLessThanOrEqual(Math.max(...xs));
    expect(y).toBeGreaterThanOrEqual(Math.min(...ys));
    expect(y).toBeLessThanOrEqual(Math.max(...ys));
  });

  it("places route and area markers exactly where turf's along, length and centroid put them", () => {
    const extents = generateCollection(3000, 9, generatorContext()).features.filter(
      (e) => e.geometry && e.geometry.type !== "Point",
    );
    const polygons: GeoJSON.Geometry[] = [
      ...shipped().features.flatMap((e) =>
        e.geometry && e.geometry.type !== "Point" ? [e.geometry] : [],
      ),
      {
        type: "MultiPolygon",
        coordinates: [
          [
            [
              [-67, 10],
              [-66, 10],
              [-66, 11],
              [-67, 10],
            ],
          ],
          [
            [
              [-70, 8],
              [-69, 8],
              [-69, 9],
              [-70, 9],
              [-70, 8],
            ],
          ],
        ],
      },
      {
        type: "MultiLineString",
        coordinates: [
          [
            [-67, 10],
            [-66, 10.5],
            [-65.5, 11],
          ],
          [
            [0, 0],
            [1, 1],
          ],
        ],
      },
      { type: "LineString", coordinates: [[-67, 10]] },
    ];
    const geometries = [...extents.map((e) => e.geometry!), ...polygons];
    expect(geometries.filter((g) => g.type === "LineString").length).toBeGreaterThan(100);
    expect(geometries.filter((g) => g.type === "Polygon").length).toBeGreaterThan(100);
    for (const g of geometries) {
      const feature = {
        type: "Feature" as const,
        id: 0,
        geometry: g,
        properties: { idx: 0, category: "raid", status: "reported", precision: "exact" },
      };
      const line =
        g.type === "LineString"
          ? g
          : g.type === "MultiLineString"
            ? { type: "LineString" as const, coordinates: g.coordinates[0]! }
            : null;
      const turfs = line
        ? along(line, length({ type: "Feature", geometry: line, properties: {} }) / 2)
        : centroid(feature);
      expect(markerPoint(feature).geometry.coordinates).toEqual(turfs.geometry.coordinates);
    }
  });

  it("subsets and selects by event index without mutating", () => {
    const all = makeMapFeatures(shipped().features);
    const before = JSON.stringify(all);
    const idx = all.markers.features[0]!.properties.idx;
    expect(
      subsetMapFeatures(all, new Set([idx])).markers.features.map((f) => f.properties.idx),
    ).toEqual([idx]);
    expect(selectionFeatures(all, idx).features.every((f) => f.properties.idx === idx)).toBe(true);
    expect(JSON.stringify(all)).toBe(before);
  });
});

describe("iconMinZoom", () => {
  const pt = (lng: number, lat: number) => ({
    type: "Feature" as const,
    properties: {},
    geometry: { type: "Point" as const, coordinates: [lng, lat] },
  });

  it("is 0 when every pin fits the budget at any zoom", () => {
    expect(iconMinZoom([pt(-66.9, 10.5), pt(-66.9, 10.5)], 2)).toBe(0);
  });

  it("is the first zoom at which no tile holds more than the budget", () => {
    // Caracas and Maracaibo share the zoom-0..2 tiles and fall apart at zoom 3
    // (x tiles 2.51 and 2.43 of 8 → both 2; at zoom 4: 5.02 vs 4.86 → 5 and 4).
    const pins = [pt(-66.9, 10.5), pt(-66.9, 10.5), pt(-71.6, 10.6), pt(-71.6, 10.6)];
    expect(iconMinZoom(pins, 2)).toBe(4);
    expect(iconMinZoom(pins, 3)).toBe(4);
    expect(iconMinZoom(pins, 4)).toBe(0);
  });

  it("finds the same zoom as counting every zoom in turn, on generated data", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const markers = makeMapFeatures(generateCollection(20_000, 2, generatorContext()).features)
      .markers.features;
    const linear = (limit: number) => {
      for (let z = 1; z <= 16; z++) {
        const counts = new Map<string, number>();
        for (const f of markers) {
          const [lng, lat] = f.geometry.coordinates as [number, number];
          const s = Math.sin((lat * Math.PI) / 180);
          const x = Math.floor(((lng + 180) / 360) * 2 ** z),
            y = Math.floor((0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * 2 ** z);
          counts.set(`${x}/${y}`, (counts.get(`${x}/${y}`) ?? 0) + 1);
        }
        if (Math.max(...counts.values()) <= limit) return z;
      }
      return 16;
    };
    const zooms = [8000, 2000, 500, 50].map((limit) => iconMinZoom(markers, limit));
    expect(zooms).toEqual([8000, 2000, 500, 50].map(linear));
    expect(new Set(zooms).size).toBeGreaterThan(2);
    // From the point layer's buffers (projected once, in single precision): the same zooms.
    const buffers = pointBuffers(markers);
    expect([8000, 2000, 500, 50].map((limit) => iconMinZoom(buffers, limit))).toEqual(zooms);
    // 20 000 generated events, counted at up to 16 zooms for four limits: seconds when loaded.
  }, 30_000);

  it("samples past 200k points, with the budget scaled to the sample", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const b = pointBuffers(
      makeMapFeatures(generateCollection(20_000, 2, generatorContext()).features).markers.features,
    );
    // Each point 15 times in a row: 300k points, sampled every third one (each point 5 times), with
    // the budget a third of 15 × limit: exactly the counts of the 20k points, times 5.
    const xy = new Float32Array(2 * 15 * b.count);
    for (let i = 0; i < 15 * b.count; i++)
      xy.set(b.xy.subarray(2 * Math.floor(i / 15), 2 * Math.floor(i / 15) + 2), 2 * i);
    const limits = [8000, 2000, 500, 50];
    const exact = limits.map((limit) => iconMinZoom(b, limit));
    expect(new Set(exact).size).toBeGreaterThan(2);
    expect(limits.map((limit) => iconMinZoom({ count: 15 * b.count, xy }, 15 * limit))).toEqual(
      exact,
    );
  });

  it("stops at maxZoom when pins share one spot", () => {
    expect(iconMinZoom([pt(-66.9, 10.5), pt(-66.9, 10.5), pt(-66.9, 10.5)], 2, 12)).toBe(12);
  });
});

describe("map features for very big datasets", () => {
  it("come out the same when made in slices, pausing between them", async () => {
    const { generateCollection, generatorContext } = await import(
      "../../../src/cli/synthetic/events.ts"
    );
    const { mapFeatureSteps } = await import("../../../src/model/markers/map-features.ts");
    const { runStepsPaused } = await import("../../../src/model/slices.ts");
    const many = generateCollection(2300, 8, generatorContext()).features;
    let pauses = 0;
    const sliced = await runStepsPaused(mapFeatureSteps(many, 500), async () => void pauses++);
    expect(sliced).toEqual(makeMapFeatures(many));
    expect(pauses).toBe(4);
  });

  it("choose the icon zoom from an even sample past 200k points, close to the exact count", async () => {
    const { iconMinZoom } = await import("../../../src/model/markers/map-features.ts");
    // 250k points on a 500 × 500 grid over ~5° around Caracas: the exact answer is known.
    const points = Array.from({ length: 250_000 }, (_, k) => ({
      type: "Feature" as const,
      properties: {},
      geometry: {
        type: "Point" as const,
        coordinates: [-69 + ((k % 500) / 500) * 5, 8 + (Math.floor(k / 500) / 500) * 5],
      },
    }));
    const exact = iconMinZoom(points.slice(0, 200_000), 8000 * 0.8); // 200k exactly: counted, limit scaled alike
    const sampled = iconMinZoom(points);
    expect(sampled).toBeGreaterThan(0);
    expect(Math.abs(sampled - exact)).toBeLessThanOrEqual(1);
  });
});
