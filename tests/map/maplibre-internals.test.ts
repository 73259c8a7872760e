/**
 * src/map/maplibre-internals.ts reaches into MapLibre's painter. These checks read the installed
 * maplibre-gl (the very files Vite bundles) and fail loudly when an upgrade changes what it relies
 * on, instead of the map silently drawing slower (or never) in the browser.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const dist = dirname(require.resolve("maplibre-gl/package.json"));
const bundle = readFileSync(join(dist, "dist/maplibre-gl.mjs"), "utf8");
const types = readFileSync(join(dist, "dist/maplibre-gl.d.ts"), "utf8");

describe("the maplibre-gl internals we rely on", () => {
  it("draws every frame through map.painter.render, which holdFrames replaces until the first full draw", () => {
    expect(bundle, "Map no longer renders through this.painter.render(…)").toMatch(
      /this\.painter\.render\(this\.style,/,
    );
    expect(types).toMatch(/\bpainter: Painter;/);
    expect(types).toMatch(/declare class Painter \{[\s\S]*?\n\s+render\(style: Style, /);
  });

  it("draws the sky through painter.drawFunctions.sky, which skipSky replaces", () => {
    expect(bundle, "the painter no longer calls drawFunctions.sky(…)").toMatch(
      /drawFunctions\.sky\(/,
    );
    expect(types).toMatch(/drawFunctions: DrawFunctions;/);
    expect(types).toMatch(/type DrawFunctions = \{[\s\S]*?\bsky: /);
  });
});
