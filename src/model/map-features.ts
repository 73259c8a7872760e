/**
 * Turns events into what the map draws: one marker per mappable event (its point, or a point on
 * its line or area) and the honest extent of its place — lines, areas, and a translucent circle
 * for a point whose place is only known to within `radius_km`.
 */
import { along, centroid, circle, length } from "@turf/turf";
import type { Feature, FeatureCollection, Geometry, Point } from "geojson";
import type { SituationEvent } from "./types.ts";

/** Flat properties the map styles and filters on (MapLibre cannot reach into nested objects). */
export interface MapProps {
  /** Index of the event in the loaded dataset: the feature id, so feature-state works. */
  idx: number;
  slug: string;
  title: string;
  category: string;
  status: string;
  precision: string;
}

export interface MapFeatures {
  markers: FeatureCollection<Point, MapProps>;
  extents: FeatureCollection<Geometry, MapProps>;
}

export function makeMapFeatures(events: readonly SituationEvent[]): MapFeatures {
  const markers: Feature<Point, MapProps>[] = [];
  const extents: Feature<Geometry, MapProps>[] = [];
  events.forEach((event, idx) => {
    const g = event.geometry;
    if (!g) return;
    const p = event.properties;
    const props: MapProps = { idx, slug: event.id, title: p.title, category: p.category, status: p.status, precision: p.place.precision };
    if (g.type === "Point") {
      markers.push({ type: "Feature", id: idx, geometry: g, properties: props });
      const r = p.place.radius_km;
      if (r && r > 0) extents.push({ ...circle(g.coordinates, r, { steps: 48, units: "kilometers" }), id: idx, properties: props });
      return;
    }
    const feature: Feature<Geometry, MapProps> = { type: "Feature", id: idx, geometry: g, properties: props };
    extents.push(feature);
    markers.push({ ...markerPoint(feature), id: idx, properties: props });
  });
  return { markers: { type: "FeatureCollection", features: markers }, extents: { type: "FeatureCollection", features: extents } };
}

/** Only the features of the events in `shown`. */
export function subsetMapFeatures(data: MapFeatures, shown: ReadonlySet<number>): MapFeatures {
  return {
    markers: { type: "FeatureCollection", features: data.markers.features.filter((f) => shown.has(f.properties.idx)) },
    extents: { type: "FeatureCollection", features: data.extents.features.filter((f) => shown.has(f.properties.idx)) },
  };
}

/** The marker and extent of one event, for the selection highlight. */
export function selectionFeatures(data: MapFeatures, idx: number): FeatureCollection<Geometry, MapProps> {
  const pick = (f: Feature<Geometry, MapProps>) => f.properties.idx === idx;
  return { type: "FeatureCollection", features: [...data.extents.features.filter(pick), ...data.markers.features.filter(pick)] };
}

/**
 * Where a line's or area's marker goes: halfway along a line; an area's centroid. (Turf's
 * pointOnFeature guarantees a point inside concave areas, but costs ~20 KB of bundle; our areas
 * — regions, a country outline — contain their centroids, which the unit tests check.)
 */
export function markerPoint(feature: Feature<Geometry, MapProps>): Feature<Point> {
  const g = feature.geometry;
  if (g.type === "LineString" || g.type === "MultiLineString") {
    const line = g.type === "LineString" ? g : { type: "LineString" as const, coordinates: g.coordinates[0] ?? [] };
    return along(line, length({ type: "Feature", geometry: line, properties: {} }) / 2);
  }
  return centroid(feature);
}
