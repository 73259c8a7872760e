/**
 * What is under the pointer: the hover tooltip and the cursor, and what a click chooses (one
 * event, several at one spot, or a cluster to expand).
 */
import {
  MercatorCoordinate,
  Popup,
  type GeoJSONSource,
  type LngLat,
  type LngLatLike,
  type Map as MapLibreMap,
  type MapGeoJSONFeature,
  type MapMouseEvent,
  type PaddingOptions,
  type Point,
  type PointLike,
} from "maplibre-gl";
import { clusterAction } from "../model/camera/cluster-click.ts";
import { atSameSpot, pickPoints } from "../model/markers/point-buffers.ts";
import { MAX_ZOOM } from "./camera.ts";
import { showEventList } from "./cluster-list.ts";
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
  /** Lists go to onChooseAmong (the embed's panel), not to a popup over the map. */
  listsInPanel: boolean;
  /** Room to keep clear of the overlays when a cluster's click zooms to its events. */
  padding: () => PaddingOptions;
  /** A cluster's click moved the camera: it is the user's move, as a drag would be. */
  onUserZoom: () => void;
}

export function wirePicking(m: MapLibreMap, o: PickingOptions): void {
  const popup = new Popup({
    closeButton: false,
    closeOnClick: false,
    offset: 14,
    className: "event-tooltip",
  });
  const hoverable = [...MARKER_LAYERS, ...EXTENT_LAYERS, CLUSTER_LAYER];
  /** Where the pointer is over the map, to describe what is there once the map has settled. */
  let pointer: { point: Point; lngLat: LngLat } | null = null;
  const describe = () => {
    if (!pointer) return void popup.remove();
    const text = tooltipAt(m, o, pointer.point, hoverable);
    m.getCanvas().style.cursor = text ? "pointer" : "";
    if (!text) return void popup.remove();
    popup.setLngLat(pointer.lngLat).setText(text).addTo(m);
  };
  m.on("mousemove", (e) => {
    // A tap sends a mouse move too: a touch screen has no hover, and the tooltip would stay.
    if (firedByTouch(e.originalEvent)) return;
    pointer = { point: e.point, lngLat: e.lngLat };
    describe();
  });
  // A tooltip names what was under the pointer when it was drawn: a zoom regroups the clusters
  // and a filter changes them, so it goes when either starts and is made again, from what is
  // under the pointer then, once the map has settled.
  m.on("movestart", () => popup.remove());
  m.on("sourcedata", (e) => {
    if (e.sourceId === "event-markers" && e.sourceDataType === "content") popup.remove();
  });
  m.on("idle", () => {
    if (pointer && !popup.isOpen()) describe();
  });
  m.getCanvas().addEventListener("mouseleave", () => {
    pointer = null;
    popup.remove();
  });
  m.on("click", (e) => {
    popup.remove();
    void onClick(m, o, e);
  });
}

const firedByTouch = (e: MouseEvent) =>
  !!(e as MouseEvent & { sourceCapabilities?: { firesTouchEvents?: boolean } }).sourceCapabilities
    ?.firesTouchEvents;

/** The tooltip's words for what is under the pointer; "" for nothing. */
function tooltipAt(m: MapLibreMap, o: PickingOptions, at: Point, hoverable: string[]): string {
  const spot = pointsAt(m, o, at);
  if (spot.length > 1) return `${spot.length} events here — click to choose`;
  if (spot.length === 1) return o.titleOf(spot[0]!);
  const hits = m
    .queryRenderedFeatures(at, { layers: hoverable.filter((l) => m.getLayer(l)) })
    .filter((h) => !h.state?.hidden);
  const f = hits[0];
  if (!f) return "";
  const count = f.properties?.point_count as number | undefined;
  if (count) return `${count} events — click to expand`;
  const stacked = markerIdxs(hits);
  if (stacked.length > 1) return `${stacked.length} events here — click to choose`;
  return o.titleOf(Number(f.properties?.idx));
}

/** The distinct events among the icons hit (pins stacked on one spot), in dataset order. */
function markerIdxs(hits: MapGeoJSONFeature[]): number[] {
  const idxs = new Set<number>();
  for (const h of hits) if (h.layer.id === "event-markers") idxs.add(Number(h.properties?.idx));
  return [...idxs].sort((a, b) => a - b);
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

/** Events to choose from: in a popup at the spot, or in the app's own list (embed). */
function listEvents(m: MapLibreMap, o: PickingOptions, at: LngLatLike, idxs: number[]): void {
  if (o.listsInPanel) o.onChooseAmong(idxs);
  else showEventList(m, at, idxs, o.titleOf, o.onSelect);
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
  if (first.properties?.cluster) return clusterClick(m, o, first);
  const stacked = markerIdxs(hits);
  if (stacked.length > 1) {
    return listEvents(m, o, e.lngLat, stacked);
  }
  o.onSelect(Number(first.properties?.idx));
}

/** Zooms so that the cluster splits into its places in one step, or lists its events where no
 * zoom would split it (see clusterAction). */
async function clusterClick(
  m: MapLibreMap,
  o: PickingOptions,
  f: MapGeoJSONFeature,
): Promise<void> {
  const src = m.getSource("event-markers") as GeoJSONSource;
  const id = f.properties.cluster_id as number;
  const at = (f.geometry as GeoJSON.Point).coordinates as [number, number];
  // The data may have changed since the click (a filter, a draft's edit): the cluster is gone,
  // and so is what the click was on.
  const found = await Promise.all([
    src.getClusterExpansionZoom(id),
    src.getClusterLeaves(id, 1000, 0),
  ]).catch(() => null);
  if (!found) return;
  const [zoom, leaves] = found;
  const action = clusterAction(
    leaves.map((l) => {
      const [lng, lat] = (l.geometry as GeoJSON.Point).coordinates as [number, number];
      return { idx: Number(l.properties?.idx), lng, lat };
    }),
    zoom,
    CLUSTER_MAX_ZOOM,
  );
  if (action.kind === "list") {
    return listEvents(m, o, at, action.idxs);
  }
  const fit = m.cameraForBounds(action.bounds, {
    padding: o.padding(),
    maxZoom: CLUSTER_MAX_ZOOM + 1,
  });
  o.onUserZoom();
  m.easeTo({
    center: fit?.center ?? at,
    zoom: Math.max(fit?.zoom ?? action.minZoom, action.minZoom),
  });
}
