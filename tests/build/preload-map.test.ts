import { describe, expect, it } from "vitest";
import { type ChunkInfo, mapPreloads } from "../../src/build/preload-map.ts";

const chunk = (fileName: string, o: Partial<ChunkInfo> = {}): ChunkInfo => ({
  type: "chunk",
  fileName,
  imports: [],
  ...o,
});

/** An entry with a shared chunk, and a lazy map chunk that imports MapLibre and the shared one. */
const bundle: Record<string, ChunkInfo> = {
  "assets/index.js": chunk("assets/index.js", {
    isEntry: true,
    facadeModuleId: "/r/src/main.tsx",
    imports: ["assets/first-view.js"],
  }),
  "assets/first-view.js": chunk("assets/first-view.js"),
  "assets/map-controller.js": chunk("assets/map-controller.js", {
    facadeModuleId: "/r/src/map/map-controller.ts",
    imports: ["assets/maplibre.js", "assets/first-view.js", "assets/pmtiles.js"],
  }),
  "assets/maplibre.js": chunk("assets/maplibre.js"),
  "assets/pmtiles.js": chunk("assets/pmtiles.js", { imports: ["assets/maplibre.js"] }),
  "assets/curate.js": chunk("assets/curate.js", { facadeModuleId: "/r/src/ui/curate/x.tsx" }),
  "assets/maplibre.css": { type: "asset", fileName: "assets/maplibre.css" },
};

describe("modulepreload hints for the map's chunks", () => {
  it("names the map chunk and its static imports, not what the entry loads or lazy views", () => {
    const tags = mapPreloads(bundle, "/src/map/map-controller.ts");
    expect(tags.map((t) => t.attrs?.href).sort()).toEqual([
      "./assets/map-controller.js",
      "./assets/maplibre.js",
      "./assets/pmtiles.js",
    ]);
    for (const t of tags) {
      expect(t.tag).toBe("link");
      expect(t.attrs).toMatchObject({ rel: "modulepreload", crossorigin: "" });
    }
  });

  it("fails the build when the map's module is no chunk of its own", () => {
    expect(() => mapPreloads(bundle, "/src/map/missing.ts")).toThrow(/no chunk/);
  });
});
