/**
 * What the service worker precaches and the manifest says (src/build/pwa.ts). The built precache
 * itself, and its real size, are checked against the built site in tests/browser/offline.test.ts.
 */
import { describe, expect, it } from "vitest";
import {
  MANIFEST,
  PRECACHE_BUDGET,
  PRECACHE_GLOBS,
  pwaOptions,
  withinBudget,
} from "../../src/build/pwa.ts";

describe("the precache budget", () => {
  const entries = [
    { url: "index.html", size: 2_000, revision: "a" },
    { url: "data/basemap/basemap.pmtiles", size: 800_000, revision: "b" },
    { url: "assets/index.js", size: 1_200_000, revision: null },
  ];

  it("passes a list within it unchanged", () => {
    expect(withinBudget(2_002_000)(entries)).toEqual({ manifest: entries, warnings: [] });
  });

  it("fails the build over it, naming the total and the biggest files", () => {
    expect(() => withinBudget(2_001_999)(entries)).toThrow(
      /2002000 bytes, over its budget of 2001999.*assets\/index\.js \(1200000 bytes\), data\/basemap\/basemap\.pmtiles/,
    );
  });

  it("is the one the build uses", () => {
    const o = pwaOptions();
    expect(o.injectManifest?.maximumFileSizeToCacheInBytes).toBe(PRECACHE_BUDGET);
    expect(o.injectManifest?.manifestTransforms).toHaveLength(1);
    expect(() =>
      o.injectManifest!.manifestTransforms![0]!([
        { url: "x", size: PRECACHE_BUDGET + 1, revision: null },
      ]),
    ).toThrow(/over its budget/);
  });
});

describe("what is precached", () => {
  it("the shipped data, sources and basemap, never a generated dataset or a compressed copy", () => {
    expect(PRECACHE_GLOBS).toEqual(
      expect.arrayContaining([
        "index.html",
        "data/events.geojson",
        "data/sources.json",
        "data/basemap/*.pmtiles",
        "seeds/*.txt",
      ]),
    );
    expect(PRECACHE_GLOBS.filter((g) => /synthetic|\*\*|vsm/.test(g))).toEqual([]);
    expect(pwaOptions().injectManifest?.globIgnores).toEqual(
      expect.arrayContaining(["**/*.gz", "data/synthetic/**"]),
    );
  });

  it("registers from the app's code (no inline script), and asks before updating", () => {
    const o = pwaOptions();
    expect(o.injectRegister).toBe(false);
    expect(o.registerType).toBe("prompt");
    expect(o.selfDestroying).toBe(false);
    expect(pwaOptions(true).selfDestroying).toBe(true);
  });
});

describe("the web app manifest", () => {
  it("opens the app where it is served, standalone, with icons any and maskable", () => {
    expect(MANIFEST).toMatchObject({ start_url: ".", scope: ".", display: "standalone" });
    expect(MANIFEST.icons.map((i) => `${i.sizes} ${i.purpose}`)).toEqual([
      "192x192 any",
      "512x512 any",
      "512x512 maskable",
    ]);
  });
});
