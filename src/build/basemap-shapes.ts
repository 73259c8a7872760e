/**
 * The embedded basemap's land, borders and state lines, read from its PMTiles archive at build
 * time, as the shapes the preview images draw (src/model/share/preview-map.ts). The images show
 * the same map as the app, from the same bytes, with no second copy of the data.
 */
import { VectorTile } from "@mapbox/vector-tile";
import type { Geometry } from "geojson";
import { PbfReader } from "pbf";
import { readArchiveFile } from "./archive-file.ts";
import type { BasemapPlace } from "../model/share/preview-labels.ts";
import type { BasemapShape } from "../model/share/preview-map.ts";
import type { Bbox } from "../model/share/preview-frame.ts";

/** One zoom's detail suits every preview: a tile unit is ~40 m, finer than an image's pixel. */
const ZOOM = 6;
const LAYERS: Record<string, BasemapShape["kind"]> = {
  countries: "land",
  borders: "border",
  states: "state",
};

const tileX = (lng: number, z: number) => Math.floor(((lng + 180) / 360) * 2 ** z);
const tileY = (lat: number, z: number) => {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

function partsOf(g: Geometry): number[][][] {
  switch (g.type) {
    case "Polygon":
    case "MultiLineString":
      return g.coordinates;
    case "MultiPolygon":
      return g.coordinates.flat();
    case "LineString":
      return [g.coordinates];
    default:
      return [];
  }
}

function bboxOf(parts: number[][][]): Bbox {
  const b: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of parts.flat()) {
    b[0] = Math.min(b[0], p[0]!);
    b[1] = Math.min(b[1], p[1]!);
    b[2] = Math.max(b[2], p[0]!);
    b[3] = Math.max(b[3], p[1]!);
  }
  return b;
}

/** A tile's city labels, as places in degrees. */
function placesOf(vt: VectorTile, x: number, y: number): BasemapPlace[] {
  const layer = vt.layers.places;
  const out: BasemapPlace[] = [];
  for (let k = 0; layer && k < layer.length; k++) {
    const f = layer.feature(k);
    const { kind, name, rank, pop } = f.properties;
    const g = f.toGeoJSON(x, y, ZOOM).geometry;
    if (kind !== "city" || typeof name !== "string" || g.type !== "Point") continue;
    const [lng, lat] = g.coordinates as [number, number];
    out.push({ name, rank: Number(rank) || 99, pop: Number(pop) || 0, lng, lat });
  }
  return out;
}

/** Every shape and city label of the archive's tiles at ZOOM within its bounds. */
export async function basemapShapes(
  archive: string,
): Promise<{ shapes: BasemapShape[]; places: BasemapPlace[] }> {
  const pm = readArchiveFile(archive);
  const h = await pm.getHeader();
  const shapes: BasemapShape[] = [];
  const places = new Map<string, BasemapPlace>();
  for (let x = tileX(h.minLon, ZOOM); x <= tileX(h.maxLon, ZOOM); x++)
    for (let y = tileY(h.maxLat, ZOOM); y <= tileY(h.minLat, ZOOM); y++) {
      const tile = await pm.getZxy(ZOOM, x, y);
      if (!tile) continue;
      const vt = new VectorTile(new PbfReader(new Uint8Array(tile.data)));
      for (const [name, kind] of Object.entries(LAYERS)) {
        const layer = vt.layers[name];
        for (let k = 0; layer && k < layer.length; k++) {
          const parts = partsOf(layer.feature(k).toGeoJSON(x, y, ZOOM).geometry);
          if (parts.length) shapes.push({ kind, parts, bbox: bboxOf(parts) });
        }
      }
      // A label near a tile's edge is in its neighbour's buffer too: keep one.
      for (const p of placesOf(vt, x, y))
        places.set(`${p.name}@${p.lng.toFixed(2)},${p.lat.toFixed(2)}`, p);
    }
  return { shapes, places: [...places.values()] };
}
