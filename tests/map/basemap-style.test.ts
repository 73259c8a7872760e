/**
 * The embedded basemap's sea is the map container's own colour (no background layer: one more
 * full-canvas pass a frame for a software GPU), so the two must agree.
 */
import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { embeddedStyle, SEA } from "../../src/map/basemap-style.ts";

const css = readFileSync(new URL("../../src/styles/base.css", import.meta.url), "utf8");

describe("embedded basemap style", () => {
  const archive = "http://127.0.0.1:4173/data/basemap/basemap.pmtiles";
  const style = embeddedStyle(
    { url: archive, bounds: [-90, 0, -55, 20], minzoom: 0, maxzoom: 9 },
    "http://127.0.0.1:4173/",
  );

  test("reads its tiles from the archive through the pmtiles protocol, within the archive's bounds and zooms", () => {
    expect(style.sources.basemap).toMatchObject({
      type: "vector",
      tiles: [`pmtiles://${archive}/{z}/{x}/{y}`],
      bounds: [-90, 0, -55, 20],
      minzoom: 0,
      maxzoom: 9,
    });
  });

  test("draws no background: the sea is the map container's colour", () => {
    expect(style.layers.filter((l) => l.type === "background")).toEqual([]);
    const rule = /(^|\n)\.map\s*\{([^}]*)\}/.exec(css);
    expect(rule, ".map rule in src/styles/base.css").not.toBeNull();
    expect(/background(-color)?:\s*([^;]+);/.exec(rule![2]!)?.[2]?.trim().toLowerCase()).toBe(
      SEA.toLowerCase(),
    );
  });

  test("the water labels' halo is the sea's colour", () => {
    const water = style.layers.find((l) => l.id === "water-labels") as {
      paint: Record<string, unknown>;
    };
    expect(water.paint["text-halo-color"]).toBe(SEA);
  });
});
