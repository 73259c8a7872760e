/**
 * The camera: where a selection sends it, what a move writes into the link, and which moves are
 * not the user's.
 */
import { bbox } from "@turf/turf";
import type { FeatureCollection } from "geojson";
import type { Map as MapLibreMap, MapLibreEvent } from "maplibre-gl";
import type { Camera } from "../model/view-state.ts";

export const MAX_ZOOM = 14;

/** Marks the move events of our own `map.resize()` calls (MapLibre passes the event data on). */
export const RESIZED = "vsmResized";

/** A resize (the window, the bottom sheet, the timeline settling while loading) leaves the centre
 * and zoom as they were: it is not a move to write into the link. */
export function isOwnResize(e: MapLibreEvent | object): boolean {
  return !!(e as { [RESIZED]?: boolean })[RESIZED];
}

/** The camera as the link keeps it, rounded so that links stay short. */
export function cameraOf(m: MapLibreMap): Camera {
  const { lng, lat } = m.getCenter();
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  return {
    zoom: r(m.getZoom(), 2),
    lat: r(lat, 5),
    lng: r(lng, 5),
    bearing: r(m.getBearing(), 1),
    pitch: Math.round(m.getPitch()),
  };
}

/** [west, south, east, north] of a selection; a point known to within a radius (`rkm`) gives the
 * whole circle, not a street-level pin. */
export function selectionBounds(selection: FeatureCollection): [number, number, number, number] {
  let [w, s, e, n] = bbox(selection) as [number, number, number, number];
  const rkm = Math.max(0, ...selection.features.map((f) => Number(f.properties?.rkm ?? 0)));
  if (rkm > 0 && w === e && s === n) {
    const dLat = rkm / 111.32,
      dLng = dLat / Math.cos((s * Math.PI) / 180);
    [w, s, e, n] = [w - dLng, s - dLat, e + dLng, n + dLat];
  }
  return [w, s, e, n];
}

/**
 * Frames a selection. `animate` false jumps (before the first render, an animation would only
 * delay readiness).
 */
export function frameSelection(
  m: MapLibreMap,
  selection: FeatureCollection,
  animate: boolean,
): void {
  const [w, s, e, n] = selectionBounds(selection);
  const pad = m.getContainer().clientWidth < 500 ? 40 : 80;
  // `duration` is named only when it is set: MapLibre copies an explicit `duration: undefined`
  // over its default, and a flight that asks for the view already shown becomes an ease with no
  // duration, whose every frame is NaN ("Invalid LngLat object: (NaN, NaN)").
  const timing = animate ? {} : { duration: 0 };
  if (w === e && s === n)
    m.flyTo({ center: [w, s], zoom: Math.max(m.getZoom(), 8), essential: true, ...timing });
  else m.fitBounds([w, s, e, n], { padding: pad, maxZoom: 10, essential: true, ...timing });
}
