/**
 * The event layers: honest extents (areas, lines, uncertainty circles) under clustered category
 * markers, plus a separate unclustered source for the selected event so its highlight is never
 * swallowed by a cluster.
 */
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { MapFeatures } from "../model/map-features.ts";
import { addCategoryIcons } from "./icons.ts";
import { FONT } from "./basemap-style.ts";
import type { EventTiles } from "./event-tiles.ts";
import { TILE_LAYER, TILE_MAXZOOM } from "./event-tiles-protocol.ts";

export const MARKER_LAYERS = ["event-markers", "event-marker-rings", "event-dots"];
export const CLUSTER_LAYER = "event-clusters";
export const EXTENT_LAYERS = ["event-extent-fill", "event-lines"];
export const CLUSTER_MAX_ZOOM = 13;

/** Dense datasets are filtered by a feature-state (see setHidden): a hidden event draws nothing. */
const unlessHidden = (v: unknown) => ["case", ["boolean", ["feature-state", "hidden"], false], 0, v];
/** Icons at full strength for exact places, faded for places known only roughly (dense mode). */
const iconOpacity = (dense: boolean) => unlessHidden(dense ? ["match", ["get", "precision"], "exact", 1, 0.55] : 1);

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };
const categoryColor = ["match", ["get", "category"], ...Object.entries(CATEGORY_STYLE).flatMap(([k, v]) => [k, v.color]), "#555"];

/**
 * `clustered` is fixed here rather than switched after: re-clustering makes MapLibre's worker
 * index all the markers a second time (seconds, at 100k events). With `tiles` (big datasets),
 * markers and extents come as vector tiles cut in our own worker (event-tiles.ts) instead of
 * as GeoJSON that the main thread would serialise for MapLibre's worker.
 */
export function addEventLayers(map: MapLibreMap, data: MapFeatures, clustered = true, tiles?: EventTiles): void {
  if (!map.hasImage("cat-raid")) addCategoryIcons(map);
  const tiled = (layer: "markers" | "extents") => ({ type: "vector" as const, tiles: [tiles!.url(layer)], maxzoom: TILE_MAXZOOM });
  map.addSource("event-extents", tiles ? tiled("extents") : { type: "geojson", data: data.extents });
  map.addSource("event-radii", { type: "geojson", data: data.radii });
  map.addSource("event-markers", tiles ? tiled("markers") : { type: "geojson", data: data.markers, cluster: clustered, clusterRadius: 34, clusterMaxZoom: CLUSTER_MAX_ZOOM });
  map.addSource("event-selection", { type: "geojson", data: empty });
  const polygonal = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];
  const linear = ["in", ["geometry-type"], ["literal", ["LineString", "MultiLineString"]]];
  const add = (layer: { id: string; source: string; filter?: unknown[]; [key: string]: unknown }) =>
    map.addLayer((tiles && (layer.source === "event-markers" || layer.source === "event-extents") ? { ...layer, "source-layer": TILE_LAYER } : layer) as never);
  // A country-wide "somewhere in Venezuela" is not an area where something happened: outline it
  // faintly and fill it only when selected, so stacked country-level events don't paint the map.
  add({
    id: "event-extent-fill", type: "fill", source: "event-extents", filter: ["all", polygonal, ["!=", ["get", "precision"], "country"]],
    paint: { "fill-color": categoryColor, "fill-opacity": unlessHidden(["match", ["get", "precision"], "region", 0.06, 0.14]) },
  });
  // rpx0 is the radius in pixels at zoom 0; ×2^zoom keeps it true to the ground at every zoom.
  const radius = ["interpolate", ["exponential", 2], ["zoom"], 0, ["get", "rpx0"], 22, ["*", ["get", "rpx0"], 2 ** 22]];
  add({
    id: "event-radius", type: "circle", source: "event-radii", filter: ["has", "rpx0"],
    paint: {
      "circle-radius": radius, "circle-color": categoryColor, "circle-opacity": unlessHidden(0.08),
      "circle-stroke-color": categoryColor, "circle-stroke-opacity": unlessHidden(0.5), "circle-stroke-width": 1,
      "circle-pitch-alignment": "map",
    },
  });
  add({
    id: "event-extent-outline", type: "line", source: "event-extents", filter: polygonal,
    paint: { "line-color": categoryColor, "line-width": 1, "line-opacity": unlessHidden(["match", ["get", "precision"], "country", 0.25, 0.6]), "line-dasharray": [2, 2] },
  });
  add({
    id: "event-lines", type: "line", source: "event-extents", filter: linear,
    layout: { "line-cap": "round", "line-join": "round" },
    paint: { "line-color": categoryColor, "line-width": ["interpolate", ["linear"], ["zoom"], 4, 3, 10, 6], "line-opacity": unlessHidden(0.75), "line-dasharray": [1.5, 1] },
  });
  add({
    id: "selected-extent-fill", type: "fill", source: "event-selection", filter: polygonal,
    paint: { "fill-color": categoryColor, "fill-opacity": 0.12 },
  });
  add({
    id: "selected-extent", type: "line", source: "event-selection", filter: ["!=", ["geometry-type"], "Point"],
    paint: { "line-color": "#111827", "line-width": 3 },
  });
  add({
    id: CLUSTER_LAYER, type: "circle", source: "event-markers", filter: ["has", "point_count"],
    paint: { "circle-color": "#1f2937", "circle-radius": ["step", ["get", "point_count"], 13, 5, 16, 10, 19], "circle-stroke-color": "#fff", "circle-stroke-width": 2 },
  });
  add({
    id: "event-cluster-count", type: "symbol", source: "event-markers", filter: ["has", "point_count"],
    layout: { "text-field": ["to-string", ["get", "point_count"]], "text-font": [FONT.bold], "text-size": 12, "text-allow-overlap": true },
    paint: { "text-color": "#fff" },
  });
  // Dense unclustered datasets (see setDense): a small dot per event below the icon zoom, in its
  // category colour; disputed ones keep a red outline. A place known only to within a radius, an
  // area or a route gets a pale dot: zoomed out, its extent is not drawn, so the dot must not
  // pass for an exact pin.
  add({
    id: "event-dots", type: "circle", source: "event-markers", filter: ["!", ["has", "point_count"]],
    layout: { visibility: "none" },
    paint: {
      "circle-radius": ["interpolate", ["linear"], ["zoom"], 3, 2, 8, 4, 12, 6], "circle-color": categoryColor,
      "circle-opacity": unlessHidden(["match", ["get", "precision"], "exact", 1, 0.4]), "circle-stroke-opacity": unlessHidden(1),
      "circle-stroke-color": ["match", ["get", "status"], "disputed", "#dc2626", "#ffffff"],
      "circle-stroke-width": ["interpolate", ["linear"], ["zoom"], 3, 0.3, 8, 1],
    },
  });
  // Disputed events carry a red ring, so status is visible on the map without colour alone.
  add({
    id: "event-marker-rings", type: "circle", source: "event-markers",
    filter: ["all", ["!", ["has", "point_count"]], ["==", ["get", "status"], "disputed"]],
    paint: { "circle-radius": 13, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#dc2626", "circle-stroke-width": 2, "circle-stroke-opacity": unlessHidden(1) },
  });
  add({
    id: "event-markers", type: "symbol", source: "event-markers", filter: ["!", ["has", "point_count"]],
    layout: { "icon-image": ["concat", "cat-", ["get", "category"]], "icon-size": 0.9, "icon-allow-overlap": true, "icon-ignore-placement": true },
    paint: { "icon-opacity": iconOpacity(false) },
  });
  add({
    id: "selected-radius", type: "circle", source: "event-selection", filter: ["has", "rpx0"],
    paint: { "circle-radius": radius, "circle-color": "rgba(0,0,0,0)", "circle-stroke-color": "#111827", "circle-stroke-width": 2.5, "circle-pitch-alignment": "map" },
  });
  add({
    id: "selected-halo", type: "circle", source: "event-selection", filter: ["==", ["geometry-type"], "Point"],
    paint: { "circle-radius": 17, "circle-color": "rgba(17,24,39,0.12)", "circle-stroke-color": "#111827", "circle-stroke-width": 2.5 },
  });
  add({
    id: "selected-marker", type: "symbol", source: "event-selection", filter: ["==", ["geometry-type"], "Point"],
    layout: { "icon-image": ["concat", "cat-", ["get", "category"]], "icon-size": 1.15, "icon-allow-overlap": true, "icon-ignore-placement": true },
  });
}

/**
 * Dense mode for big unclustered datasets: below `iconZoom`, dots instead of icons (MapLibre's
 * symbol buckets break with tens of thousands of icons in one tile, and dots are cheaper anyway);
 * from `iconZoom` on, icons, rings, routes and area outlines. Translucent area fills and radius
 * discs are not drawn for unselected events at all: thousands of overlapping discs say nothing,
 * and each one fills its whole circle, so a city view would paint billions of pixels per frame.
 * A rough place shows as a faded dot or icon instead, and its extent appears when selected.
 * `iconZoom` 0 (or null): the normal mode, everything at every zoom.
 */
export function setDense(map: MapLibreMap, iconZoom: number | null): void {
  const z = iconZoom ?? 0;
  if (!map.getLayer("event-dots")) return;
  const dense = z > 0;
  map.setLayoutProperty("event-dots", "visibility", dense ? "visible" : "none");
  map.setLayerZoomRange("event-dots", 0, Math.max(z, 0.01));
  for (const id of ["event-radius", "event-extent-fill"]) map.setLayoutProperty(id, "visibility", dense ? "none" : "visible");
  for (const id of ["event-markers", "event-marker-rings", "event-lines", "event-extent-outline"]) map.setLayerZoomRange(id, z, 24);
  map.setPaintProperty("event-markers", "icon-opacity", iconOpacity(dense) as never);
}

export const EVENT_SOURCES = ["event-markers", "event-extents", "event-radii"] as const;

/** Removes every event layer and source (to add them again, tiled or not). */
export function removeEventLayers(map: MapLibreMap): void {
  const ours = new Set<string>([...EVENT_SOURCES, "event-selection"]);
  for (const layer of map.getStyle().layers) if ("source" in layer && ours.has(layer.source)) map.removeLayer(layer.id);
  for (const source of ours) if (map.getSource(source)) map.removeSource(source);
}

/** A feature-state target: vector tiles name their layer, GeoJSON sources don't. */
function target(map: MapLibreMap, source: string): { source: string; sourceLayer?: string } {
  return map.getSource(source)?.type === "vector" ? { source, sourceLayer: TILE_LAYER } : { source };
}

/**
 * Show or hide events by feature-state, without re-tiling: only the events whose visibility
 * changed are touched, so a timeline step that moves a handful of events costs a handful of calls.
 */
export function setHidden(map: MapLibreMap, changes: Iterable<[idx: number, hidden: boolean, sources: readonly string[]]>): void {
  const targets = new Map(EVENT_SOURCES.map((s) => [s as string, target(map, s)]));
  for (const [id, hidden, sources] of changes) for (const source of sources) map.setFeatureState({ ...targets.get(source)!, id }, { hidden });
}

export function clearHidden(map: MapLibreMap): void {
  for (const source of EVENT_SOURCES) if (map.getSource(source)) map.removeFeatureState(target(map, source));
}

/** New GeoJSON for the event sources (tiled sources get theirs from their tiles). */
export function setEventData(map: MapLibreMap, data: MapFeatures): void {
  for (const [id, fc] of [["event-extents", data.extents], ["event-markers", data.markers], ["event-radii", data.radii]] as const) {
    const source = map.getSource(id);
    if (source?.type === "geojson") (source as GeoJSONSource).setData(fc);
  }
}

export function setSelection(map: MapLibreMap, features: FeatureCollection): void {
  (map.getSource("event-selection") as GeoJSONSource | undefined)?.setData(features);
}
