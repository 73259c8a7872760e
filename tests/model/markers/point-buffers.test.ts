import { describe, expect, it } from "vitest";
import { generateCollection, generatorContext } from "../../../src/cli/synthetic/events.ts";
import { CATEGORY_STYLE } from "../../../src/model/category-style.ts";
import { filterEvents } from "../../../src/model/query/filter.ts";
import { indexSet } from "../../../src/model/query/index-set.ts";
import { makeMapFeatures } from "../../../src/model/markers/map-features.ts";
import { runStepsPaused } from "../../../src/model/slices.ts";
import {
  CATEGORY_ORDER,
  DISPUTED,
  ROUGH,
  atSameSpot,
  mercatorX,
  mercatorY,
  pickPoints,
  pointBuffers,
  pointBufferSteps,
  visibilityBytes,
} from "../../../src/model/markers/point-buffers.ts";
import { emptyFilters } from "../../../src/model/view-state.ts";

const events = generateCollection(3000, 5, generatorContext()).features;
const markers = makeMapFeatures(events).markers.features;
const b = pointBuffers(markers);

describe("point buffers (what the point layer draws)", () => {
  it("hold one point per marker, in marker order, with its event, category and flags", () => {
    expect(b.count).toBe(markers.length);
    expect(b.xy).toHaveLength(2 * markers.length);
    markers.forEach((f, i) => {
      const p = f.properties;
      expect(b.idx[i]).toBe(p.idx);
      expect(CATEGORY_ORDER[b.category[i]!]).toBe(p.category);
      expect((b.flags[i]! & ROUGH) !== 0).toBe(p.precision !== "exact");
      expect((b.flags[i]! & DISPUTED) !== 0).toBe(p.status === "disputed");
    });
    // Every flag combination occurs in a realistic mix, so the shader's branches are all exercised.
    expect(new Set(b.flags)).toEqual(new Set([0, ROUGH, DISPUTED, ROUGH | DISPUTED]));
  });

  it("orders categories as the style does, so the icon atlas and the colours line up", () => {
    expect(CATEGORY_ORDER).toEqual(Object.keys(CATEGORY_STYLE));
  });

  it("project to Web Mercator [0, 1] with north up, as MapLibre's MercatorCoordinate", () => {
    expect(mercatorX(-180)).toBe(0);
    expect(mercatorX(0)).toBe(0.5);
    expect(mercatorY(0)).toBeCloseTo(0.5, 12);
    // MapLibre's mercatorYfromLat, written its way: (180 − 180/π · ln tan(π/4 + lat·π/360)) / 360.
    const maplibreY = (lat: number) =>
      (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360))) / 360;
    for (const lat of [-33.4, 0.5, 10.49, 16.5, 60])
      expect(mercatorY(lat)).toBeCloseTo(maplibreY(lat), 12);
    expect(mercatorX(-66.9)).toBeCloseTo((180 - 66.9) / 360, 12);
    expect(mercatorY(60)).toBeLessThan(mercatorY(10));
  });

  it("show exactly the filtered events: one byte per point, 1 when its event passes", () => {
    const shown = filterEvents(
      events,
      events.map(() => ""),
      { ...emptyFilters(), categories: ["protest"], statuses: ["disputed"] },
    );
    expect(shown.length).toBeGreaterThan(10);
    const v = visibilityBytes(b, indexSet(events.length, shown));
    const drawn = [...v.keys()].filter((i) => v[i] === 1).map((i) => b.idx[i]!);
    const mappable = new Set(markers.map((f) => f.properties.idx));
    expect(drawn.sort((x, y) => x - y)).toEqual(shown.filter((i) => mappable.has(i)));
    // A set without a mask (only `has`) gives the same bytes.
    const set = new Set(shown);
    expect(visibilityBytes(b, { size: set.size, has: (i) => set.has(i) })).toEqual(v);
    expect(visibilityBytes(b, null).every((x) => x === 1)).toBe(true);
    // The same array is reused when it fits (no allocation per timeline step).
    expect(visibilityBytes(b, null, v)).toBe(v);
  });

  it("pick the drawn points near the pointer, nearest first, and never a hidden one", () => {
    const all = visibilityBytes(b, null);
    const i = 17;
    const x = b.xy[2 * i]!,
      y = b.xy[2 * i + 1]!;
    const r = 1e-7;
    const hits = pickPoints(b, all, x + r / 4, y, r);
    expect(hits[0] === i || (b.xy[2 * hits[0]!] === x && b.xy[2 * hits[0]! + 1] === y)).toBe(true);
    for (const h of hits)
      expect(Math.hypot(b.xy[2 * h]! - x - r / 4, b.xy[2 * h + 1]! - y)).toBeLessThanOrEqual(r);
    const hidden = Uint8Array.from(all);
    for (const h of hits) hidden[h] = 0;
    expect(pickPoints(b, hidden, x + r / 4, y, r)).toEqual([]);
    expect(pickPoints(b, all, 0, 0, 1e-3)).toEqual([]); // nothing near the world's north-west corner
  });

  it("group the events at one spot, which no zoom separates, and only those", () => {
    const tiny = pointBuffers([
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [-66.9, 10.49] },
        properties: { idx: 4, category: "raid", status: "reported", precision: "exact" },
      },
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [-66.9, 10.49] },
        properties: { idx: 9, category: "protest", status: "disputed", precision: "city" },
      },
      {
        type: "Feature",
        geometry: { type: "Point", coordinates: [-66.8999, 10.49] },
        properties: { idx: 2, category: "protest", status: "reported", precision: "exact" },
      },
    ]);
    const v = visibilityBytes(tiny, null);
    const hits = pickPoints(tiny, v, tiny.xy[0]!, tiny.xy[1]!, 1e-6);
    expect(hits).toEqual([0, 1, 2]);
    expect(atSameSpot(tiny, hits, 1e-9).map((k) => tiny.idx[k])).toEqual([4, 9]);
    expect(atSameSpot(tiny, [2, 0], 1e-9).map((k) => tiny.idx[k])).toEqual([2]);
    expect(atSameSpot(tiny, [], 1e-9)).toEqual([]);
  });
});

describe("pointBuffers in slices (1M events)", () => {
  it("fills the same buffers as at once, pausing between slices", async () => {
    const markers = makeMapFeatures(generateCollection(2100, 4, generatorContext()).features)
      .markers.features;
    let pauses = 0;
    const sliced = await runStepsPaused(pointBufferSteps(markers, 500), async () => void pauses++);
    expect(sliced).toEqual(pointBuffers(markers));
    expect(pauses).toBe(Math.ceil(markers.length / 500) - 1);
  });
});
