/**
 * The event layers: honest extents (areas, lines, uncertainty circles) under clustered category
 * markers, plus a separate unclustered source for the selected event so its highlight is never
 * swallowed by a cluster.
 */
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import type { FeatureCollection } from "geojson";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { MapFeatures } from "../model/markers/map-features.ts";
import { addCategoryIcons } from "./icons.ts";
import { FONT } from "./basemap-style.ts";
import { POINTS_LAYER, type EventPointsLayer } from "./event-points.ts";
import type { EventTiles } from "./event-tiles.ts";
import { TILE_LAYER, TILE_MAXZOOM } from "./event-tiles-protocol.ts";

export const MARKER_LAYERS = ["event-markers", "event-marker-rings"];
export const CLUSTER_LAYER = "event-clusters";
export const EXTENT_LAYERS = ["event-extent-fill", "event-lines"];
export const CLUSTER_MAX_ZOOM = 13;

/** Dense datasets are filtered by a feature-state (see setHidden): a hidden event draws nothing. */
const unlessHidden = (v: unknown) => [
  "case",
  ["boolean", ["feature-state", "hidden"], false],
  0,
  v,
];

const empty: FeatureCollection = { type: "FeatureCollection", features: [] };
const categoryColor = [
  "match",
  ["get", "category"],
  ...Object.entries(CATEGORY_STYLE).flatMap(([k, v]) => [k, v.color]),
  "#555",
];
/** The category's icon; hollow and dashed for an event that is only expected or announced. */
const categoryIcon = [
  "concat",
  "cat-",
  ["get", "category"],
  ["case", ["==", ["get", "expected"], true], "-expected", ""],
];
/** A marker icon: always drawn, and basemap labels make way for it (placed after our layers). */
const iconLayout = {
  "icon-image": categoryIcon,
  "icon-allow-overlap": true,
  "icon-ignore-placement": false,
};

export interface EventLayerOptions {
  /** Fixed here rather than switched after: re-clustering makes MapLibre's worker index all the
   * markers a second time, which a big dataset pays for all over again. */
  clustered: boolean;
  /** Big datasets: the extents come as vector tiles cut in our own worker (event-tiles.ts)
   * instead of as GeoJSON that the main thread would serialise for MapLibre's worker. */
  tiles?: EventTiles;
  /** Big datasets: the markers are drawn by our point layer (event-points.ts), not by MapLibre
   * layers on a markers source. */
  points?: EventPointsLayer;
}

/** A layer as addEventLayers adds it (on an event source; see `add` there). */
interface LayerSpec {
  id: string;
  source: string;
  filter?: unknown[];
  [key: string]: unknown;
}

/** Fill of an unselected event's radius disc (zoomed out, where it is a small blob; from city
 * zoom on, nearly an outline), and of the selected event's disc or area. */
export const UNSELECTED_DISC_FILL = [0.05, 0.012] as const;
export const SELECTED_FILL = 0.22;

const polygonal = ["in", ["geometry-type"], ["literal", ["Polygon", "MultiPolygon"]]];
const linear = ["in", ["geometry-type"], ["literal", ["LineString", "MultiLineString"]]];
// rpx0 is the radius in pixels at zoom 0; ×2^zoom keeps it true to the ground at every zoom.
const radius = [
  "interpolate",
  ["exponential", 2],
  ["zoom"],
  0,
  ["get", "rpx0"],
  22,
  ["*", ["get", "rpx0"], 2 ** 22],
];

/** The extents (areas, lines, uncertainty circles), and the selected event's, under the markers
 * and under the basemap's labels (see addEventLayers). */
function extentLayers(): LayerSpec[] {
  return [...everyExtentLayers(), ...selectedExtentLayers()];
}

/** Every event's extent, outlined and barely filled so that stacked ones stay readable. */
function everyExtentLayers(): LayerSpec[] {
  return [
    // A country-wide "somewhere in Venezuela" is not an area where something happened: outline it
    // faintly and fill it only when selected, so stacked country-level events don't paint the map.
    {
      id: "event-extent-fill",
      type: "fill",
      source: "event-extents",
      filter: ["all", polygonal, ["!=", ["get", "precision"], "country"]],
      paint: {
        "fill-color": categoryColor,
        "fill-opacity": unlessHidden(["match", ["get", "precision"], "region", 0.03, 0.05]),
        // The dashed outline drawn over it hides its edge; antialiasing it would take a GL
        // program of its own in the first frame (see basemap-style.ts).
        "fill-antialias": false,
      },
    },
    {
      id: "event-radius",
      type: "circle",
      source: "event-radii",
      filter: ["has", "rpx0"],
      paint: {
        "circle-radius": radius,
        "circle-color": categoryColor,
        // Outlined, barely filled: discs stacked on one city (five at Caracas) leave it readable.
        "circle-opacity": [
          "interpolate",
          ["linear"],
          ["zoom"],
          7,
          unlessHidden(UNSELECTED_DISC_FILL[0]),
          10,
          unlessHidden(UNSELECTED_DISC_FILL[1]),
        ],
        "circle-stroke-color": categoryColor,
        "circle-stroke-opacity": unlessHidden(0.5),
        "circle-stroke-width": 1,
        "circle-pitch-alignment": "map",
      },
    },
    {
      id: "event-extent-outline",
      type: "line",
      source: "event-extents",
      filter: polygonal,
      paint: {
        "line-color": categoryColor,
        "line-width": 1,
        "line-opacity": unlessHidden(["match", ["get", "precision"], "country", 0.25, 0.6]),
        "line-dasharray": [2, 2],
      },
    },
    {
      id: "event-lines",
      type: "line",
      source: "event-extents",
      filter: linear,
      layout: { "line-cap": "round", "line-join": "round" },
      paint: {
        "line-color": categoryColor,
        "line-width": ["interpolate", ["linear"], ["zoom"], 4, 3, 10, 6],
        "line-opacity": unlessHidden(0.75),
        "line-dasharray": [1.5, 1],
      },
    },
  ];
}

/** The selected event's extent: filled, and outlined in black. */
function selectedExtentLayers(): LayerSpec[] {
  return [
    {
      id: "selected-extent-fill",
      type: "fill",
      source: "event-selection",
      filter: polygonal,
      // Not antialiased: "selected-extent" outlines it.
      paint: {
        "fill-color": categoryColor,
        "fill-opacity": SELECTED_FILL,
        "fill-antialias": false,
      },
    },
    // The selected disc alone is filled, under the markers: the place it may be, among the
    // outlines of the rest.
    {
      id: "selected-radius-fill",
      type: "circle",
      source: "event-selection",
      filter: ["has", "rpx0"],
      paint: {
        "circle-radius": radius,
        "circle-color": categoryColor,
        "circle-opacity": SELECTED_FILL,
        "circle-pitch-alignment": "map",
      },
    },
    {
      id: "selected-extent",
      type: "line",
      source: "event-selection",
      filter: ["!=", ["geometry-type"], "Point"],
      paint: { "line-color": "#111827", "line-width": 3 },
    },
  ];
}

/** MapLibre's markers: clusters with their counts, and the category icons (small datasets). */
function markerLayers(): LayerSpec[] {
  return [
    {
      id: CLUSTER_LAYER,
      type: "circle",
      source: "event-markers",
      filter: ["has", "point_count"],
      paint: {
        "circle-color": "#1f2937",
        "circle-radius": ["step", ["get", "point_count"], 13, 5, 16, 10, 19],
        "circle-stroke-color": "#fff",
        "circle-stroke-width": 2,
      },
    },
    {
      id: "event-cluster-count",
      type: "symbol",
      source: "event-markers",
      filter: ["has", "point_count"],
      layout: {
        "text-field": ["to-string", ["get", "point_count"]],
        "text-font": [FONT.bold],
        "text-size": 12,
        "text-allow-overlap": true,
        "text-padding": 9, // about the cluster's disc, so that basemap labels make way for it too
      },
      paint: { "text-color": "#fff" },
    },
    // Disputed events carry a red ring, so status is visible on the map without colour alone.
    {
      id: "event-marker-rings",
      type: "circle",
      source: "event-markers",
      filter: ["all", ["!", ["has", "point_count"]], ["==", ["get", "status"], "disputed"]],
      paint: {
        "circle-radius": 13,
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": "#dc2626",
        "circle-stroke-width": 2,
        "circle-stroke-opacity": unlessHidden(1),
      },
    },
    {
      id: "event-markers",
      type: "symbol",
      source: "event-markers",
      filter: ["!", ["has", "point_count"]],
      layout: { ...iconLayout, "icon-size": 0.9 },
      paint: { "icon-opacity": unlessHidden(1) },
    },
  ];
}

/** The selected event's circle, halo and icon, over every marker. */
function selectedMarkerLayers(): LayerSpec[] {
  return [
    {
      id: "selected-radius",
      type: "circle",
      source: "event-selection",
      filter: ["has", "rpx0"],
      paint: {
        "circle-radius": radius,
        "circle-color": "rgba(0,0,0,0)",
        "circle-stroke-color": "#111827",
        "circle-stroke-width": 2.5,
        "circle-pitch-alignment": "map",
      },
    },
    {
      id: "selected-halo",
      type: "circle",
      source: "event-selection",
      filter: ["==", ["geometry-type"], "Point"],
      paint: {
        "circle-radius": 17,
        "circle-color": "rgba(17,24,39,0.12)",
        "circle-stroke-color": "#111827",
        "circle-stroke-width": 2.5,
      },
    },
    {
      id: "selected-marker",
      type: "symbol",
      source: "event-selection",
      filter: ["==", ["geometry-type"], "Point"],
      layout: { ...iconLayout, "icon-size": 1.15 },
    },
  ];
}

/** The event sources, but a big dataset's empty ones (returned: their layers are left out too). */
function addEventSources(
  map: MapLibreMap,
  data: MapFeatures,
  { clustered, tiles, points }: EventLayerOptions,
): Set<string> {
  // A big dataset's radii are drawn for the selected event only, and at 1M its extents too. Each
  // empty source would cost a source load, and a frame, before the map is idle.
  const skip = new Set<string>();
  if (points && !tiles && data.extents.features.length === 0) skip.add("event-extents");
  if (points && data.radii.features.length === 0) skip.add("event-radii");
  if (!skip.has("event-extents"))
    map.addSource(
      "event-extents",
      tiles
        ? { type: "vector", tiles: [tiles.url("extents")], maxzoom: TILE_MAXZOOM }
        : { type: "geojson", data: data.extents },
    );
  if (!skip.has("event-radii")) map.addSource("event-radii", { type: "geojson", data: data.radii });
  if (!points)
    map.addSource("event-markers", {
      type: "geojson",
      data: data.markers,
      cluster: clustered,
      clusterRadius: 34,
      clusterMaxZoom: CLUSTER_MAX_ZOOM,
    });
  addSelectionSource(map);
  return skip;
}

export function addEventLayers(map: MapLibreMap, data: MapFeatures, o: EventLayerOptions): void {
  const { tiles, points } = o;
  if (!map.hasImage("cat-raid-expected")) addCategoryIcons(map);
  const skip = addEventSources(map, data, o);
  // Areas, routes and radii go under the basemap's labels, so place names stay readable over
  // them; markers, clusters and the selection's marker go over the labels.
  const labels = map.getStyle().layers.find((l) => l.type === "symbol")?.id;
  const add = (layer: LayerSpec, before?: string) => {
    if ((points && layer.source === "event-markers") || skip.has(layer.source)) return;
    map.addLayer(
      (tiles && layer.source === "event-extents"
        ? { ...layer, "source-layer": TILE_LAYER }
        : layer) as never,
      before,
    );
  };
  for (const layer of extentLayers()) add(layer, labels);
  for (const layer of markerLayers()) add(layer);
  if (points) map.addLayer(points);
  for (const layer of selectedMarkerLayers()) add(layer);
}

/** The selected event's source, empty until something is selected. It needs no data, so it can
 * go in with the style, before the events are in: its loading then shares the basemap's frames
 * instead of costing frames of its own once the events are drawn (software-drawn here). */
export function addSelectionSource(map: MapLibreMap): void {
  if (!map.getSource("event-selection"))
    map.addSource("event-selection", { type: "geojson", data: empty });
}

/**
 * Dense mode for big unclustered datasets, whose markers the point layer draws (event-points.ts:
 * dots below `iconZoom`, icons from it on): routes and area outlines from `iconZoom` on. Translucent area fills and radius discs are not drawn for unselected
 * events at all: thousands of overlapping discs say nothing, and each one fills its whole circle,
 * so a city view would paint billions of pixels per frame. A rough place shows as a faded dot or
 * icon instead, and its extent appears when selected.
 * `iconZoom` 0 (or null): the normal mode, everything at every zoom.
 */
export function setDense(map: MapLibreMap, iconZoom: number | null): void {
  const z = iconZoom ?? 0;
  const dense = z > 0;
  const has = (id: string) => !!map.getLayer(id);
  for (const id of ["event-radius", "event-extent-fill"])
    if (has(id)) map.setLayoutProperty(id, "visibility", dense ? "none" : "visible");
  for (const id of ["event-markers", "event-marker-rings", "event-lines", "event-extent-outline"])
    if (has(id)) map.setLayerZoomRange(id, z, 24);
}

export const EVENT_SOURCES = ["event-markers", "event-extents", "event-radii"] as const;

/** Removes every event layer and source (to add them again, tiled or not). */
export function removeEventLayers(map: MapLibreMap): void {
  const ours = new Set<string>([...EVENT_SOURCES, "event-selection"]);
  for (const layer of map.getStyle().layers)
    if ("source" in layer && ours.has(layer.source)) map.removeLayer(layer.id);
  if (map.getLayer(POINTS_LAYER)) map.removeLayer(POINTS_LAYER);
  for (const source of ours) if (map.getSource(source)) map.removeSource(source);
}

/** New GeoJSON for the event sources (tiled sources get theirs from their tiles). */
export function setEventData(map: MapLibreMap, data: MapFeatures): void {
  for (const [id, fc] of [
    ["event-extents", data.extents],
    ["event-markers", data.markers],
    ["event-radii", data.radii],
  ] as const) {
    const source = map.getSource(id);
    if (source?.type === "geojson") (source as GeoJSONSource).setData(fc);
  }
}

export function setSelection(map: MapLibreMap, features: FeatureCollection): void {
  (map.getSource("event-selection") as GeoJSONSource | undefined)?.setData(features);
}
