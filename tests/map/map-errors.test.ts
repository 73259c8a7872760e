import { describe, expect, it } from "vitest";
import { failedResource, mapErrorMessage } from "../../src/map/map-errors.ts";

const ORIGIN = "http://127.0.0.1:4173";
const ARCHIVE_TILES = `pmtiles://${ORIGIN}/data/basemap/basemap.pmtiles/{z}/{x}/{y}`;
const tile = (z: number, x: number, y: number) => ({ tileID: { canonical: { z, x, y } } });

describe("failedResource", () => {
  it("names a basemap tile by the archive's path and the tile's z/x/y", () => {
    expect(
      failedResource({ sourceId: "basemap", tile: tile(4, 5, 7) }, ARCHIVE_TILES, ORIGIN),
    ).toBe("/data/basemap/basemap.pmtiles/4/5/7");
  });

  it("names a URL the error carries, on this site as a path, elsewhere in full", () => {
    expect(
      failedResource(
        { error: { url: `${ORIGIN}/data/x.json` }, sourceId: "basemap", tile: tile(1, 0, 0) },
        ARCHIVE_TILES,
        ORIGIN,
      ),
    ).toBe("/data/x.json");
    expect(
      failedResource({ error: { url: "https://tiles.example/3/2/1.pbf" } }, undefined, ORIGIN),
    ).toBe("https://tiles.example/3/2/1.pbf");
  });

  it("falls back to the source, then to the map", () => {
    expect(failedResource({ sourceId: "land", tile: tile(2, 1, 1) }, undefined, ORIGIN)).toBe(
      "source “land” tile 2/1/1",
    );
    expect(failedResource({ sourceId: "land" }, undefined, ORIGIN)).toBe("source “land”");
    expect(failedResource({}, undefined, ORIGIN)).toBe("map");
  });
});

describe("mapErrorMessage", () => {
  const tilesOf = (src: string) => (src === "basemap" ? ARCHIVE_TILES : undefined);

  it("calls a failure of our own event sources the events'", () => {
    expect(
      mapErrorMessage({ sourceId: "event-markers", error: { message: "boom" } }, tilesOf, ORIGIN),
    ).toBe("The map could not draw the events: boom");
    expect(mapErrorMessage({ error: { url: "vsm-events://3/1/2" } }, tilesOf, ORIGIN)).toBe(
      "The map could not draw the events: unknown error",
    );
  });

  it("calls anything else the basemap's, naming the tile through its source's template", () => {
    expect(
      mapErrorMessage(
        { sourceId: "basemap", tile: tile(4, 5, 7), error: { message: "404" } },
        tilesOf,
        ORIGIN,
      ),
    ).toBe("Basemap /data/basemap/basemap.pmtiles/4/5/7 failed: 404");
  });
});
