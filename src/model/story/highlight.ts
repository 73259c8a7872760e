/**
 * The markers and extents of several events at once (a story step's), drawn as the selection is.
 */
import type { FeatureCollection, Geometry } from "geojson";
import type { MapFeatures } from "../markers/map-features.ts";
import type { MapProps } from "../markers/map-props.ts";

export function featuresOf(
  data: MapFeatures,
  idxs: readonly number[],
): FeatureCollection<Geometry, MapProps> {
  const wanted = new Set(idxs);
  return {
    type: "FeatureCollection",
    features: [
      ...data.extents.features.filter((f) => wanted.has(f.properties.idx)),
      ...data.markers.features.filter((f) => wanted.has(f.properties.idx)),
    ],
  };
}
