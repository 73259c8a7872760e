/**
 * Drawing a line or an area on the map for curate mode, with terra-draw and its MapLibre adapter:
 * each click adds a vertex, a double-click (a click on the last vertex) or Enter finishes, Escape
 * cancels. terra-draw is used for one drawing at a time and stopped when it ends, so its layers
 * and listeners live only while the curator draws; the finished shape is drawn by curate-draw.ts
 * in the draft's colour, like any other.
 */
import type { Position } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import { TerraDraw, TerraDrawLineStringMode, TerraDrawPolygonMode } from "terra-draw";
import { TerraDrawMapLibreGLAdapter } from "terra-draw-maplibre-gl-adapter";
import type { ShapeKind } from "../model/curate/shape-geometry.ts";

/** The draft's colour (curate-draw.ts), for the shape being drawn too. */
const COLOUR = "#c026d3";
/** How near (px) a click must come to the last vertex to finish, or to the first to close. */
const CLOSE_PX = 12;
/** Its own prefix, so its sources and layers are never taken for ours. */
const PREFIX = "curate-td";

/**
 * The map's own clicks, which would pick the event under a new vertex, and its double-click zoom.
 * terra-draw reads pointer events, which pass; mousedown passes too, so the map still pans.
 */
const SWALLOWED = ["click", "dblclick"];

function modes() {
  const vertex = {
    closingPointColor: COLOUR,
    closingPointOutlineColor: "#ffffff",
    closingPointWidth: 5,
    closingPointOutlineWidth: 2,
  } as const;
  // Escape is ours (it must not also close the event); Enter reaches terra-draw as its keyup.
  const keyEvents = { cancel: null, finish: "Enter" };
  return [
    new TerraDrawLineStringMode({
      pointerDistance: CLOSE_PX,
      keyEvents,
      styles: { lineStringColor: COLOUR, lineStringWidth: 3, ...vertex },
    }),
    new TerraDrawPolygonMode({
      pointerDistance: CLOSE_PX,
      keyEvents,
      styles: {
        fillColor: COLOUR,
        fillOpacity: 0.15,
        outlineColor: COLOUR,
        outlineWidth: 3,
        ...vertex,
      },
    }),
  ];
}

/** A drawn feature's vertices: a line's positions, or an area's outer ring. */
function verticesOf(draw: TerraDraw, id: string | number): Position[] | null {
  const geometry = draw.getSnapshotFeature(id)?.geometry;
  if (geometry?.type === "LineString") return geometry.coordinates;
  if (geometry?.type === "Polygon") return geometry.coordinates[0] ?? null;
  return null;
}

/** Draws one line or area, reported once; Escape (or a style change, which drops terra-draw's
 * layers) reports null. Returns a stop function that reports nothing. */
export function drawShapeOnce(
  map: MapLibreMap,
  kind: ShapeKind,
  done: (vertices: Position[] | null) => void,
): () => void {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: PREFIX, coordinatePrecision: 6 }),
    modes: modes(),
  });
  draw.start();
  draw.setMode(kind === "LineString" ? "linestring" : "polygon");

  const finish = (vertices: Position[] | null) => {
    stop();
    done(vertices);
  };
  draw.on("finish", (id, context) => {
    if (context.action === "draw") finish(verticesOf(draw, id));
  });
  const onCanvas = (e: Event) => e.target instanceof Node && canvas.contains(e.target);
  const swallow = (e: Event) => {
    if (onCanvas(e)) e.stopPropagation();
  };
  const key = (e: KeyboardEvent) => {
    if (stopped) return;
    if (e.key === "Escape") {
      // Escape cancels the drawing only: the page's own Escape (closing the event) leaves it be.
      e.preventDefault();
      finish(null);
    } else if (e.key === "Enter" && e.target === document.body) {
      // terra-draw listens on the canvas, which has the focus only after a click on it.
      canvas.dispatchEvent(new KeyboardEvent("keyup", { key: "Enter" }));
    }
  };
  const restyled = () => {
    if (!map.getSource(`${PREFIX}-linestring`)) finish(null);
  };
  const listeners: [EventTarget, string, (e: never) => void][] = [
    [document, "keydown", key],
    ...SWALLOWED.map((type) => [container, type, swallow] as [EventTarget, string, typeof swallow]),
  ];
  for (const [target, type, fn] of listeners)
    target.addEventListener(type, fn as EventListener, { capture: true });
  map.on("styledata", restyled);
  container.dataset.drawing = kind;

  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    map.off("styledata", restyled);
    delete container.dataset.drawing;
    // The click that finished is still on its way to the map: swallowed until it has passed.
    setTimeout(() => {
      for (const [target, type, fn] of listeners)
        target.removeEventListener(type, fn as EventListener, { capture: true });
      // A basemap switch has already taken terra-draw's layers; stopping would remove them again.
      if (map.getSource(`${PREFIX}-linestring`)) draw.stop();
    }, 0);
  }
  return stop;
}
