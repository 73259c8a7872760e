/**
 * Curate mode's drawing on the map: the edited event's shape (dashed, over the event layers) and
 * placing a point: a click gives a pin, a drag from the place outwards gives its uncertainty
 * radius, drawn while dragging. Loaded only in curate mode (MapPane imports it when curate mode
 * opens), so readers who never curate never download it.
 *
 * Point and radius are a few pointer events, written here; a line or an area is drawn vertex by
 * vertex with terra-draw (curate-shape.ts), a chunk of its own fetched on the first such drawing:
 * most curation places points, and terra-draw weighs far more than this module.
 */
import type { Feature, FeatureCollection, Point, Position } from "geojson";
import type { GeoJSONSource, Map as MapLibreMap } from "maplibre-gl";
import { dragRadiusKm, radiusCircle } from "../model/curate/place-geometry.ts";
import type { CurateDrawPort, DraftShape, PlacedPoint } from "../model/curate/draw-port.ts";
import type { ShapeKind } from "../model/curate/shape-geometry.ts";

const SOURCE = "curate-draft";
// No category has it (category-style.ts): the draft is never taken for an event.
const COLOUR = "#c026d3";

/** The features that draw a shape: the geometry, and for a Point with a radius its circle. */
export function shapeFeatures(shape: DraftShape | null): FeatureCollection {
  if (!shape) return { type: "FeatureCollection", features: [] };
  const features: Feature[] = [{ type: "Feature", properties: {}, geometry: shape.geometry }];
  if (shape.geometry.type === "Point" && shape.radiusKm)
    features.push({
      type: "Feature",
      properties: {},
      geometry: radiusCircle(shape.geometry.coordinates as [number, number], shape.radiusKm),
    });
  return { type: "FeatureCollection", features };
}

const LAYERS = ["curate-draft-fill", "curate-draft-line", "curate-draft-point"];

/** Keeps the draft's layers over all others: the map controller re-makes the event layers on
 * every change of data, and in curate mode every edit is one, which would bury the shape. */
function raiseLayers(map: MapLibreMap): void {
  const order = map.getLayersOrder();
  if (order.slice(-LAYERS.length).join() === LAYERS.join()) return;
  for (const id of LAYERS) map.moveLayer(id);
}

function addLayers(map: MapLibreMap, data: FeatureCollection): void {
  if (map.getSource(SOURCE)) {
    raiseLayers(map);
    return;
  }
  map.addSource(SOURCE, { type: "geojson", data });
  const polygon = ["==", ["geometry-type"], "Polygon"] as const;
  map.addLayer({
    id: "curate-draft-fill",
    type: "fill",
    source: SOURCE,
    filter: polygon as never,
    paint: { "fill-color": COLOUR, "fill-opacity": 0.12 },
  });
  map.addLayer({
    id: "curate-draft-line",
    type: "line",
    source: SOURCE,
    filter: ["!=", ["geometry-type"], "Point"],
    paint: { "line-color": COLOUR, "line-width": 2, "line-dasharray": [2, 1.5] },
  });
  map.addLayer({
    id: "curate-draft-point",
    type: "circle",
    source: SOURCE,
    filter: ["==", ["geometry-type"], "Point"],
    paint: {
      "circle-radius": 6,
      "circle-color": COLOUR,
      "circle-stroke-color": "#fff",
      "circle-stroke-width": 2,
    },
  });
}

/** The pointer events a placement takes over: the map must not pan, pick or zoom meanwhile. */
const SWALLOWED = ["mousedown", "mouseup", "click", "dblclick", "touchstart", "touchend"];

export function createCurateDraw(map: MapLibreMap): CurateDrawPort {
  let data = shapeFeatures(null);
  const setData = (next: FeatureCollection) => {
    data = next;
    const source = map.getSource(SOURCE) as GeoJSONSource | undefined;
    if (!source) return;
    source.setData(next);
    raiseLayers(map);
  };
  // Added as soon as the style takes layers, and again after a basemap switch (setStyle drops
  // every source). isStyleLoaded() also waits for tiles, so it cannot tell when that is.
  const onStyle = () => {
    try {
      addLayers(map, data);
    } catch {
      // The style is not in yet: its next styledata comes.
    }
  };
  onStyle();
  map.on("styledata", onStyle);

  return {
    show: (shape) => setData(shapeFeatures(shape)),
    place: (done) => placeOnce(map, setData, done),
    drawShape: (kind, done) => drawShapeLater(map, kind, done),
    destroy() {
      map.off("styledata", onStyle);
      for (const id of [...LAYERS].reverse()) if (map.getLayer(id)) map.removeLayer(id);
      if (map.getSource(SOURCE)) map.removeSource(SOURCE);
    },
  };
}

/** curate-shape.ts's drawing, once its chunk is in; stopping before then stops it coming. */
function drawShapeLater(
  map: MapLibreMap,
  kind: ShapeKind,
  done: (vertices: Position[] | null) => void,
): () => void {
  let stopped = false;
  let stop = () => {};
  import("./curate-shape.ts").then(
    (shape) => {
      if (!stopped) stop = shape.drawShapeOnce(map, kind, done);
    },
    // The chunk did not come (offline, a new deploy): the drawing ends as if cancelled.
    () => stopped || done(null),
  );
  return () => {
    stopped = true;
    stop();
  };
}

/** One click or drag on the map's canvas, reported once; Escape reports null. */
function placeOnce(
  map: MapLibreMap,
  draw: (data: FeatureCollection) => void,
  done: (placed: PlacedPoint | null) => void,
): () => void {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  let from: [number, number] | null = null;
  let radiusKm = 0;
  const lngLatOf = (e: PointerEvent): [number, number] => {
    const box = canvas.getBoundingClientRect();
    const at = map.unproject([e.clientX - box.left, e.clientY - box.top]);
    return [at.lng, at.lat];
  };
  const preview = () => {
    if (!from) return;
    const point: Point = { type: "Point", coordinates: from };
    draw(shapeFeatures({ geometry: point, radiusKm }));
  };
  const onCanvas = (e: Event) => e.target instanceof Node && canvas.contains(e.target);
  const swallow = (e: Event) => {
    if (onCanvas(e)) e.stopPropagation();
  };
  const down = (e: PointerEvent) => {
    if (!onCanvas(e) || e.button !== 0) return;
    e.stopPropagation();
    from = lngLatOf(e);
    radiusKm = 0;
    canvas.setPointerCapture?.(e.pointerId);
    preview();
  };
  const move = (e: PointerEvent) => {
    if (!from) return;
    e.stopPropagation();
    radiusKm = dragRadiusKm(from, lngLatOf(e));
    preview();
  };
  const up = (e: PointerEvent) => {
    if (!from) return;
    e.stopPropagation();
    const [lng, lat] = from;
    from = null;
    // The mouseup and click this pointerup makes come after it: still swallowed, or the map
    // would take them for a click on whatever event lies under the new point.
    setTimeout(stop, 0);
    done({ lng, lat, radiusKm });
  };
  const key = (e: KeyboardEvent) => {
    if (e.key !== "Escape") return;
    // Escape cancels the placing only: the page's own Escape (closing the event) leaves it be.
    e.preventDefault();
    stop();
    done(null);
  };
  const listeners: [EventTarget, string, (e: never) => void][] = [
    [container, "pointerdown", down],
    [container, "pointermove", move],
    [container, "pointerup", up],
    [document, "keydown", key],
    ...SWALLOWED.map((type) => [container, type, swallow] as [EventTarget, string, typeof swallow]),
  ];
  for (const [target, type, fn] of listeners)
    target.addEventListener(type, fn as EventListener, { capture: true });
  const cursor = canvas.style.cursor;
  canvas.style.cursor = "crosshair";
  container.dataset.placing = "true";
  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    for (const [target, type, fn] of listeners)
      target.removeEventListener(type, fn as EventListener, { capture: true });
    canvas.style.cursor = cursor;
    delete container.dataset.placing;
  }
  return stop;
}
