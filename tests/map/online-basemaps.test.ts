/**
 * The online basemaps' pure parts: the satellite style (imagery under the embedded map's borders
 * and labels, with EOX's credit word for word), the tile that checks the imagery answers, and
 * online styles losing their own camera.
 */
import type { StyleSpecification } from "maplibre-gl";
import { describe, expect, test } from "vitest";
import { embeddedStyle } from "../../src/map/basemap-style.ts";
import {
  SATELLITE_ATTRIBUTION,
  SATELLITE_TILES,
  satelliteStyle,
  STREETS_STYLE,
  tileUrlAt,
  withoutCamera,
} from "../../src/map/online-basemaps.ts";

const embedded = embeddedStyle(
  {
    url: "http://127.0.0.1:4173/data/basemap/basemap.pmtiles",
    bounds: [-90, -5, -52, 26],
    minzoom: 0,
    maxzoom: 8,
  },
  "http://127.0.0.1:4173/",
);

/** What MapLibre's credit shows of an HTML attribution: its text. */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");

describe("online basemaps", () => {
  test("keyless public services, over https", () => {
    expect(STREETS_STYLE).toBe("https://tiles.openfreemap.org/styles/liberty");
    expect(SATELLITE_TILES).toMatch(/^https:\/\/tiles\.maps\.eox\.at\/.*s2cloudless_3857\//);
    for (const k of ["{z}", "{x}", "{y}"]) expect(SATELLITE_TILES).toContain(k);
  });

  test("the satellite credit reads as EOX asks for its CC BY 4.0 2016 mosaic", () => {
    expect(text(SATELLITE_ATTRIBUTION)).toBe(
      "Sentinel-2 cloudless - https://s2maps.eu by EOX IT Services GmbH (Contains modified Copernicus Sentinel data 2016 & 2017)",
    );
    expect(SATELLITE_ATTRIBUTION).toContain('href="https://s2maps.eu"');
  });

  test("satellite: imagery first, then the embedded map's borders and labels, light on dark", () => {
    const s = satelliteStyle("http://127.0.0.1:9/sat/{z}/{x}/{y}.png", embedded);
    expect(s.layers[0]).toEqual({ id: "imagery", type: "raster", source: "imagery" });
    expect(s.sources.imagery).toMatchObject({
      type: "raster",
      tiles: ["http://127.0.0.1:9/sat/{z}/{x}/{y}.png"],
      attribution: SATELLITE_ATTRIBUTION,
    });
    const ids = s.layers.map((l) => l.id);
    expect(ids).toContain("city-labels");
    expect(ids).toContain("borders");
    // No land fill: it would hide the imagery.
    expect(ids).not.toContain("land");
    for (const l of s.layers)
      if (l.type === "symbol") expect(l.paint?.["text-color"]).toBe("#ffffff");
    expect(s["font-faces"]).toEqual(embedded["font-faces"]);
    expect(s.sources.basemap).toEqual(embedded.sources.basemap);
  });

  test("satellite without the embedded map: the imagery alone", () => {
    const s = satelliteStyle("http://x/{z}/{x}/{y}.png", null);
    expect(s.layers.map((l) => l.id)).toEqual(["imagery"]);
    expect(Object.keys(s.sources)).toEqual(["imagery"]);
  });

  test("tileUrlAt: the tile holding a point, its zoom within the imagery's", () => {
    const t = "http://x/{z}/{x}/{y}.png";
    expect(tileUrlAt(t, 0, 0, 0)).toBe("http://x/0/0/0.png");
    // Caracas at zoom 12: tile 1286/1927 (lng -66.9, lat 10.5).
    expect(tileUrlAt(t, -66.9, 10.5, 12.7)).toBe("http://x/12/1286/1927.png");
    expect(tileUrlAt(t, -66.9, 10.5, 22)).toMatch(/^http:\/\/x\/14\//);
    expect(tileUrlAt(t, 180, 90, 3)).toBe("http://x/3/7/0.png");
  });

  test("withoutCamera drops a style's own camera and nothing else", () => {
    const s = {
      version: 8,
      center: [0, 0],
      zoom: 1,
      bearing: 3,
      pitch: 4,
      sources: {},
      layers: [],
    } as StyleSpecification;
    expect(withoutCamera(s)).toEqual({ version: 8, sources: {}, layers: [] });
  });
});
