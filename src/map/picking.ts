/**
 * What is under the pointer: the hover tooltip and the cursor, and what a click chooses (one
 * event, several at one spot, or a cluster to expand).
 */
import {
  MercatorCoordinate,
  Popup,
  type GeoJSONSource,
  type Map as MapLibreMap,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type PointLike,
} from "maplibre-gl";
import { atSameSpot, pickPoints } from "../model/markers/point-buffers.ts";
import { MAX_ZOOM } from "./camera.ts";
import { CLUSTER_LAYER, CLUSTER_MAX_ZOOM, EXTENT_LAYERS, MARKER_LAYERS } from "./event-layers.ts";
import type { EventPointsLayer } from "./event-points.ts";
import { pickRadiusPx } from "./point-shaders.ts";

export interface PickingOptions {
  /** The point layer, when a big dataset's markers are drawn by it (else MapLibre's layers). */
  points: () => EventPointsLayer | null;
  iconZoom: () => number;
  /** The title of an event, for the tooltip (map features carry only its index). */
  titleOf: (idx: number) => string;
  onSelect: (idx: number) => void;
  /** Several events share one spot even at full zoom: let the user choose. */
  onChooseAmong: (idxs: number[]) => void;
}

export function wirePicking(m: MapLibreMap, o: PickingOptions): void {
  const popup = new Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 14,
    className: "event-tooltip",
  });
  const hoverable = [...MARKER_LAYERS, ...EXTENT_LAYERS, CLUSTER_LAYER];
  m.on("mousemove", (e) => {
    const spot = pointsAt(m, o, e.point);
    const f = spot.length
      ? null
      : m
          .queryRenderedFeatures(e.point, { layers: hoverable.filter((l) => m.getLayer(l)) })
          .find((h) => !h.state?.hidden);
    m.getCanvas().style.cursor = spot.length || f ? "pointer" : "";
    if (!spot.length && !f) return void popup.remove();
    const count =
      spot.length > 1 ? spot.length : (f?.properties?.point_count as number | undefined);
    const text =
      spot.length > 1
        ? `${count} events here — click to choose`
        : count
          ? `${count} events — click to expand`
          : o.titleOf(spot[0] ?? Number(f?.properties?.idx));
    popup.setLngLat(e.lngLat).setText(text).addTo(m);
  });
  m.getCanvas().addEventListener("mouseleave", () => popup.remove());
  m.on("click", (e) => void onClick(m, o, e));
}

/** The point layer's drawn markers under the cursor: the nearest one, with any others at its very
 * spot (which no zoom would separate), as event indexes. */
function pointsAt(m: MapLibreMap, o: PickingOptions, at: PointLike): number[] {
  const points = o.points();
  if (!points || !m.getLayer(points.id)) return [];
  const z = m.getZoom();
  const world = 512 * 2 ** z; // MapLibre's world width in CSS pixels at this zoom (512 px tiles)
  const c = MercatorCoordinate.fromLngLat(m.unproject(at));
  const coarse = !!window.matchMedia?.("(pointer: coarse)").matches;
  const hits = pickPoints(
    points.points,
    points.visible,
    c.x,
    c.y,
    pickRadiusPx(z, o.iconZoom(), coarse) / world,
  );
  // Half a pixel at the deepest zoom: points closer than that stay one spot however far one zooms.
  return atSameSpot(points.points, hits, 0.5 / (512 * 2 ** MAX_ZOOM)).map(
    (i) => points.points.idx[i]!,
  );
}

async function onClick(m: MapLibreMap, o: PickingOptions, e: MapMouseEvent): Promise<void> {
  const spot = pointsAt(m, o, e.point);
  if (spot.length > 1) return o.onChooseAmong(spot);
  if (spot.length === 1) return o.onSelect(spot[0]!);
  const layers = [CLUSTER_LAYER, ...MARKER_LAYERS, ...EXTENT_LAYERS].filter((l) => m.getLayer(l));
  const hits = m.queryRenderedFeatures(e.point, { layers }).filter((h) => !h.state?.hidden);
  const first: MapGeoJSONFeature | undefined =
    hits.find((h) => h.layer.id !== "event-extent-fill" && h.layer.id !== "event-lines") ?? hits[0];
  if (!first) return;
  if (first.properties?.cluster) {
    const src = m.getSource("event-markers") as GeoJSONSource;
    const id = first.properties.cluster_id as number;
    const zoom = await src.getClusterExpansionZoom(id);
    if (zoom <= CLUSTER_MAX_ZOOM && zoom > m.getZoom() + 0.5) {
      m.easeTo({ center: (first.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
    } else {
      const leaves = await src.getClusterLeaves(id, 1000, 0);
      o.onChooseAmong(leaves.map((l) => Number(l.properties?.idx)));
    }
    return;
  }
  o.onSelect(Number(first.properties?.idx));
}
