/**
 * Cuts the basemap's layers into Mapbox Vector Tiles with geojson-vt and vt-pbf. A feature that
 * the style only shows from some zoom on is left out of the tiles of lower zooms (they would
 * carry it for nothing): each layer's features are indexed by the zoom they show from, and a
 * tile takes those that show before the next zoom.
 */
import geojsonvt from "geojson-vt";
import { fromGeojsonVt } from "vt-pbf";
import type { Feature, FeatureCollection, GeometryCollection } from "geojson";
import type { Tile } from "./pmtiles-writer.ts";

type Index = InstanceType<typeof geojsonvt>;
interface VtTile {
  features: unknown[];
}

export interface TilingOptions {
  bounds: readonly [number, number, number, number];
  maxZoom: number;
  /** The zoom a feature of a layer shows from (0 when not given). */
  minZoom?: Record<string, (f: Feature) => number>;
}

function lngToTile(lng: number, z: number) {
  return Math.floor(((lng + 180) / 360) * 2 ** z);
}
function latToTile(lat: number, z: number) {
  const r = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
}

/** mapshaper writes a layer without attributes as a GeometryCollection: the same, as features. */
function featuresOf(layer: FeatureCollection | GeometryCollection): Feature[] {
  return layer.type === "GeometryCollection"
    ? layer.geometries.map((geometry) => ({ type: "Feature", geometry, properties: {} }))
    : layer.features;
}

/** Every tile of the bounds at every zoom; open sea comes out as an empty tile. */
export function cutTiles(
  layers: Record<string, FeatureCollection | GeometryCollection>,
  o: TilingOptions,
): Tile[] {
  const options = {
    maxZoom: o.maxZoom,
    indexMaxZoom: o.maxZoom,
    tolerance: 2,
    extent: 4096,
    buffer: 64,
  };
  // layer → [the zoom its features show from, their index]
  const indexes = new Map<string, [number, Index][]>();
  for (const [name, fc] of Object.entries(layers)) {
    const from = o.minZoom?.[name] ?? (() => 0);
    const groups = new Map<number, Feature[]>();
    for (const f of featuresOf(fc)) {
      const z = from(f);
      groups.set(z, [...(groups.get(z) ?? []), f]);
    }
    indexes.set(
      name,
      [...groups].map(([z, features]) => [
        z,
        new geojsonvt({ type: "FeatureCollection", features }, options),
      ]),
    );
  }
  const [w, s, e, n] = o.bounds;
  const tiles: Tile[] = [];
  for (let z = 0; z <= o.maxZoom; z++) {
    for (let x = lngToTile(w, z); x <= lngToTile(e, z); x++) {
      for (let y = latToTile(n, z); y <= latToTile(s, z); y++) {
        const tileLayers: Record<string, VtTile> = {};
        for (const [name, groups] of indexes) {
          const features = groups
            .filter(([from]) => from < z + 1 || z === o.maxZoom)
            .flatMap(([, index]) => (index.getTile(z, x, y) as VtTile | null)?.features ?? []);
          if (features.length) tileLayers[name] = { features };
        }
        const data = Object.keys(tileLayers).length
          ? fromGeojsonVt(tileLayers as never, { version: 2 })
          : new Uint8Array(0);
        tiles.push({ z, x, y, data });
      }
    }
  }
  return tiles;
}
