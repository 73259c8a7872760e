import { describe, expect, it } from "vitest";
import { previewCard, clip } from "../../../src/model/share/preview-card.ts";
import { siteSummary, siteTags } from "../../../src/model/share/site-card.ts";
import {
  eventBbox,
  fitProjection,
  VENEZUELA_BBOX,
} from "../../../src/model/share/preview-frame.ts";
import { type BasemapShape, previewMapLayers } from "../../../src/model/share/preview-map.ts";
import type { SituationEvent } from "../../../src/model/types.ts";

const event = (over: Partial<SituationEvent> = {}): SituationEvent => ({
  type: "Feature",
  id: "raid",
  geometry: { type: "Point", coordinates: [-66.9146, 10.5061] },
  properties: {
    title: "A raid",
    summary: "s",
    category: "raid",
    actors: [],
    date: { start: "2026-01-03", precision: "day", basis: "b" },
    place: { name: "Caracas", precision: "city", radius_km: 12, basis: "b" },
    status: "reported",
    citations: [],
  },
  ...over,
});

const layout = {
  width: 1200,
  height: 630,
  focus: [560, 40, 1160, 590] as [number, number, number, number],
};

describe("eventBbox", () => {
  it("frames a point with its radius, never tighter than the smallest span", () => {
    const [w, s, e, n] = eventBbox(event());
    expect(w).toBeLessThan(-66.9146);
    expect(e).toBeGreaterThan(-66.9146);
    expect(e - w).toBeGreaterThanOrEqual(1.6 - 1e-9);
    expect(n - s).toBeGreaterThanOrEqual(1.6 - 1e-9);
  });

  it("shows Venezuela for an event placed nowhere", () => {
    expect(eventBbox(event({ geometry: null }))).toEqual(VENEZUELA_BBOX);
  });

  it("does not change the event", () => {
    const e = event();
    const copy = structuredClone(e);
    eventBbox(e);
    previewMapLayers(e, [], layout);
    expect(e).toEqual(copy);
  });
});

describe("fitProjection", () => {
  it("puts the frame's middle at the box's middle, north up, east right", () => {
    const p = fitProjection([-68, 10, -66, 12], [0, 0, 200, 100]);
    const [x, y] = p.point(-67, 11);
    expect(x).toBeCloseTo(100, 0);
    expect(y).toBeCloseTo(50, 0);
    expect(p.point(-66.5, 11)[0]).toBeGreaterThan(x);
    expect(p.point(-67, 11.5)[1]).toBeLessThan(y);
  });

  it("bounds invert the projection", () => {
    const p = fitProjection([-68, 10, -66, 12], [0, 0, 200, 100]);
    const [w, s, e, n] = p.bounds(200, 100);
    expect(p.point(w, n)[0]).toBeCloseTo(0, 6);
    expect(p.point(w, n)[1]).toBeCloseTo(0, 6);
    expect(p.point(e, s)[0]).toBeCloseTo(200, 6);
    expect(p.point(e, s)[1]).toBeCloseTo(100, 6);
  });

  it("measures kilometres: a degree of latitude is about 111 km near the equator", () => {
    const p = fitProjection([-68, 10, -66, 12], [0, 0, 200, 100]);
    const oneDegree = p.point(-67, 10.5)[1] - p.point(-67, 11.5)[1];
    expect(oneDegree / p.pxPerKm(11)).toBeCloseTo(111.3, -1);
  });
});

describe("previewMapLayers", () => {
  const land: BasemapShape = {
    kind: "land",
    parts: [
      [
        [-70, 8],
        [-64, 8],
        [-64, 12],
        [-70, 12],
        [-70, 8],
      ],
    ],
    bbox: [-70, 8, -64, 12],
  };
  const faraway: BasemapShape = {
    ...land,
    bbox: [100, 8, 104, 12],
    parts: [
      [
        [100, 8],
        [104, 8],
        [104, 12],
      ],
    ],
  };

  it("draws the land in view, the halo of the radius and the category symbol", () => {
    const svg = previewMapLayers(event(), [land, faraway], layout);
    expect(svg).toContain('fill="#f4f1ea"');
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).toContain('fill="#991b1b"'); // the raid's colour, on its symbol
    expect(svg).not.toMatch(/M[^"]*NaN/);
  });

  it("skips shapes out of view", () => {
    const svg = previewMapLayers(event(), [faraway], layout);
    expect(svg).toContain('d=""');
  });

  it("draws no halo for an exact point, and no event for one placed nowhere", () => {
    const exact = event();
    exact.properties.place = { name: "x", precision: "exact", basis: "b" };
    expect(previewMapLayers(exact, [], layout)).not.toContain("<circle");
    expect(previewMapLayers(event({ geometry: null }), [], layout)).not.toContain("transform");
  });
});

describe("previewCard", () => {
  it("carries the title, the date with its precision and the place as text nodes", () => {
    const text = JSON.stringify(previewCard(event()));
    expect(text).toContain("A raid");
    expect(text).toContain("3 Jan 2026 (to the day)");
    expect(text).toContain("Caracas (city-level, ±12 km)");
    expect(text).toContain("OpenStreetMap");
  });

  it("cuts a long title at a word", () => {
    expect(clip("one two three four", 10)).toBe("one two…");
    expect(clip("short", 10)).toBe("short");
  });
});

describe("the site's own card", () => {
  it("says how many events, over which dates, from how many documents", () => {
    const a = event();
    const b = event({ id: "b" });
    b.properties.date = { start: "2025-09-01", end: "2025-11-23", precision: "range", basis: "b" };
    expect(siteSummary([a, b], 5)).toEqual([
      "2 events, 1 Sept 2025 – 3 Jan 2026",
      "each linked to its passages in 5 source documents",
    ]);
    expect(siteSummary([], 1)).toEqual([
      "0 events",
      "each linked to its passages in 1 source document",
    ]);
  });

  it("tags the app's page for a large card, escaped", () => {
    const tags = siteTags({ url: "./", image: "preview.png", description: 'a "b" <c> & d' });
    expect(tags).toContain('<meta property="og:image" content="preview.png">');
    expect(tags).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(tags).toContain(
      '<meta property="og:description" content="a &quot;b&quot; &lt;c&gt; &amp; d">',
    );
  });
});
