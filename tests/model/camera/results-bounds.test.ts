import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resultsBounds, unionBounds } from "../../../src/model/camera/results-bounds.ts";
import { indexSet } from "../../../src/model/query/index-set.ts";
import { makeMapFeatures } from "../../../src/model/markers/map-features.ts";
import type { EventCollection } from "../../../src/model/types.ts";

const events = (
  JSON.parse(
    readFileSync(new URL("../../../data/events.geojson", import.meta.url), "utf8"),
  ) as EventCollection
).features;
const features = makeMapFeatures(events);
const idxOf = (id: string) => events.findIndex((e) => e.id === id);

describe("resultsBounds", () => {
  it("is a point's whole circle of uncertainty, not its pin", () => {
    const i = idxOf("caracas-night-raid");
    const [lng, lat] = (events[i]!.geometry as { coordinates: number[] }).coordinates as [
      number,
      number,
    ];
    const [w, s, e, n] = resultsBounds(features, indexSet(events.length, [i]))!;
    // 12 km: about 0.108° of latitude, a little more of longitude at 10.5° N.
    expect(n - lat).toBeCloseTo(12 / 111.32, 4);
    expect(lat - s).toBeCloseTo(12 / 111.32, 4);
    expect(e - lng).toBeGreaterThan(n - lat);
    expect(lng - w).toBeCloseTo(e - lng, 6);
  });

  it("takes an area's whole extent, not only its marker", () => {
    const i = idxOf("fifth-tanker-seized-caribbean");
    const g = events[i]!.geometry as { coordinates: number[][][] };
    const ring = g.coordinates[0]!;
    const lngs = ring.map((p) => p[0]!),
      lats = ring.map((p) => p[1]!);
    expect(resultsBounds(features, indexSet(events.length, [i]))).toEqual([
      Math.min(...lngs),
      Math.min(...lats),
      Math.max(...lngs),
      Math.max(...lats),
    ]);
  });

  it("holds every shown event and only those", () => {
    const a = idxOf("caracas-night-raid"),
      b = idxOf("el-rodeo-families-waiting");
    const both = resultsBounds(features, indexSet(events.length, [a, b]))!;
    const one = resultsBounds(features, indexSet(events.length, [a]))!;
    expect(both[2]).toBeGreaterThan(one[2]);
    const all = resultsBounds(features)!;
    for (const k of [0, 1] as const) expect(all[k]).toBeLessThanOrEqual(both[k]);
    for (const k of [2, 3] as const) expect(all[k]).toBeGreaterThanOrEqual(both[k]);
  });

  it("is null when nothing shown is on the map", () => {
    expect(resultsBounds(features, indexSet(events.length, []))).toBeNull();
    const unplaced = events.findIndex((e) => !e.geometry);
    if (unplaced >= 0)
      expect(resultsBounds(features, indexSet(events.length, [unplaced]))).toBeNull();
  });
});

describe("resultsBounds of markers alone", () => {
  it("leaves out an area's extent but keeps its marker", () => {
    const i = idxOf("fifth-tanker-seized-caribbean");
    const whole = resultsBounds(features, indexSet(events.length, [i]))!;
    const marker = resultsBounds(features, indexSet(events.length, [i]), false)!;
    expect(marker[0]).toBe(marker[2]);
    expect(marker[0]).toBeGreaterThan(whole[0]);
    expect(marker[2]).toBeLessThan(whole[2]);
  });

  it("unionBounds holds both boxes", () => {
    expect(unionBounds([0, 0, 1, 1], [-1, 0.5, 0.5, 2])).toEqual([-1, 0, 1, 2]);
    expect(unionBounds([0, 0, 1, 1], null)).toEqual([0, 0, 1, 1]);
  });
});
