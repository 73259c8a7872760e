/**
 * An event's place as a point and an uncertainty radius: what clicking or dragging on the map
 * gives, what the latitude/longitude/radius fields give, and the circle drawn for it.
 */
import type { Point, Polygon } from "geojson";
import { circle, distance } from "@turf/turf";

/** 5 decimals is about a metre: finer is a precision no source gives. */
const COORD_DECIMALS = 5;

export interface PointPlace {
  geometry: Point;
  /** Undefined for a pin: no radius at all. */
  radiusKm: number | undefined;
}

const round = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

/** Kilometres as a curator would write them: 0.1 km steps below 10 km, whole ones above. */
export function roundRadiusKm(km: number): number {
  return km < 10 ? round(km, 1) : Math.round(km);
}

/**
 * A point (longitude, latitude, as in GeoJSON) and its radius, rounded; a radius under 0.1 km
 * (a click, or a drag of a few pixels) is none.
 */
export function pointPlace(lng: number, lat: number, radiusKm = 0): PointPlace {
  const r = roundRadiusKm(Math.max(0, radiusKm));
  return {
    geometry: {
      type: "Point",
      coordinates: [round(lng, COORD_DECIMALS), round(lat, COORD_DECIMALS)],
    },
    radiusKm: r > 0 ? r : undefined,
  };
}

/** The great-circle distance of a drag, in kilometres: the radius it gives. */
export function dragRadiusKm(from: [number, number], to: [number, number]): number {
  return distance(from, to, { units: "kilometers" });
}

/** The uncertainty circle around a point, as a polygon to draw (outer ring counter-clockwise). */
export function radiusCircle(center: [number, number], radiusKm: number, steps = 64): Polygon {
  return circle(center, radiusKm, { units: "kilometers", steps }).geometry;
}

/** Reads a coordinate typed into a field: a finite number within its range, else undefined. */
export function readCoordinate(text: string, limit: 90 | 180): number | undefined {
  const x = Number(text.trim().replace(",", "."));
  return text.trim() !== "" && Number.isFinite(x) && Math.abs(x) <= limit ? x : undefined;
}
