/**
 * A big dataset's markers drawn by our own WebGL layer inside MapLibre, and where and when they are
 * drawn: the points in one `gl.POINTS` draw call from buffers uploaded once
 * (src/model/markers/point-buffers.ts; the program and buffers: point-painter.ts, what a point
 * looks like: point-shaders.ts). A frame draws the shown points near the view, at most one per
 * pixel below `iconZoom` (src/model/markers/point-cull.ts): a filter change or a move uploads only
 * their indices. Nothing is tiled, decoded or diffed per feature, as MapLibre's feature-state would
 * (a state per changed event, on every category click).
 *
 * Two places to draw them. In a frame MapLibre draws anyway (a move, the selection, routes and
 * areas changing), they go in its canvas, under its selection layers. When only the points change
 * (a filter, a timeline step), they go in a canvas of their own over the map, with the selected
 * marker over them, in the view of MapLibre's last frame: the basemap is not drawn again, neither
 * by MapLibre's render loop on the main thread nor by a software GPU.
 * The first such change after a MapLibre frame costs one more MapLibre frame, which leaves them out
 * of its canvas; the next cost only the points. Not always in their own canvas: a frame in which
 * both change draws two canvases, which costs a software GPU more than one (a pan, or choosing an
 * event, measured slower that way: docs/performance-log.md).
 */
import type {
  CustomLayerInterface,
  CustomRenderMethodInput,
  Map as MapLibreMap,
} from "maplibre-gl";
import type { PointBuffers } from "../model/markers/point-buffers.ts";
import { makePointCuller } from "../model/markers/point-cull.ts";
import { type Frame, makePainter, type Painter, type SelectedMarker } from "./point-painter.ts";

export type { SelectedMarker } from "./point-painter.ts";

export const POINTS_LAYER = "event-points";

/** A frame draws only the points near the view, and below the icon zoom only the topmost of each
 * pixel (src/model/markers/point-cull.ts): a software GPU pays for every point it is handed. The
 * choice is remade when the filter changes, when the view has settled, and every CULL_MS while it
 * moves (the margin around the view covers what a move brings in meanwhile). */
const CULL_MS = 200;

export interface EventPointsLayer extends CustomLayerInterface {
  readonly points: PointBuffers;
  /** What is drawn now, one byte per point (shared: do not modify). */
  readonly visible: Uint8Array;
  /** `mapDraws`: MapLibre draws a frame anyway (its own layers changed too): then the points go in
   * its canvas, as one canvas drawn is cheaper than two. */
  setVisible(visible: Uint8Array, mapDraws?: boolean): void;
  setIconZoom(zoom: number): void;
  /** The selected event's marker, which the points' own canvas draws over them (null: none). */
  setSelected(selected: SelectedMarker | null): void;
  /** How many points the last frame drew. */
  readonly drawn: number;
  /** Draws from the next frame on (until then, frames draw no points): call once the basemap has
   * loaded. */
  start(): void;
  /** Whether a frame has drawn the points (all the shown ones near the view) since start(). */
  readonly painted: boolean;
  /** Makes the points' own canvas and draws it once, hidden, ahead of the first filter change (call
   * when the page is idle: a context's making and first drawing would otherwise fall on that change). */
  prepare(): void;
}

/**
 * @param onDrawn called after each drawing of the points, with how many were drawn.
 */
export function eventPointsLayer(
  points: PointBuffers,
  iconZoom: number,
  onDrawn?: (drawn: number) => void,
): EventPointsLayer {
  let map: MapLibreMap | null = null;
  /** The points in MapLibre's context, and in their own canvas's (made once the map is ready). */
  let inMap: Painter | null = null;
  let own: { canvas: HTMLCanvasElement; painter: Painter } | null = null;
  /** Where the points are now; "own" asked for: the next MapLibre frame leaves them out of its canvas. */
  let where: "map" | "own" = "map";
  let toOwn = false;
  let selected: SelectedMarker | null = null;
  let visible: Uint8Array = new Uint8Array(points.count).fill(1);
  const culler = makePointCuller(points.count);
  const indices = new Uint32Array(points.count);
  let drawn = 0;
  /** Counts the choices of points, so that each context uploads a new one once. */
  let version = 0;
  /** Whether to draw (see start), and whether a frame has drawn since. */
  let started = false;
  let painted = false;
  let frame: Frame | null = null;
  /** A drawing in the points' own canvas, asked for (an animation frame) and not yet done. */
  let redraw = 0;
  /** The view and mode the drawn indices were chosen for; null: choose again. */
  let culledFor: {
    matrix: Float64Array;
    width: number;
    height: number;
    dedupe: boolean;
    at: number;
  } | null = null;

  /** Chooses the points to draw again if the filter, the mode or the view changed (while the map
   * moves, at most every CULL_MS). */
  function cull(f: Frame): void {
    const under = map!.getCanvas();
    const width = under.width / f.ratio,
      height = under.height / f.ratio;
    const dedupe = f.zoom < iconZoom;
    const now = performance.now();
    const was = culledFor,
      matrix = f.matrix;
    if (was && was.dedupe === dedupe && was.width === width && was.height === height) {
      if (was.matrix.every((v, k) => v === matrix[k])) return;
      if (map!.isMoving() && now - was.at < CULL_MS) return;
    }
    drawn = culler.cull(points.xy, visible, { matrix, width, height }, dedupe, indices);
    culledFor = { matrix: Float64Array.from(matrix), width, height, dedupe, at: now };
    version++;
  }

  /** The points' own canvas over MapLibre's, and its context (null without WebGL2 there). */
  function ownCanvas(m: MapLibreMap): typeof own {
    if (own) return own;
    const canvas = document.createElement("canvas");
    canvas.className = "event-points";
    canvas.setAttribute("aria-hidden", "true");
    Object.assign(canvas.style, {
      position: "absolute",
      left: "0",
      top: "0",
      pointerEvents: "none",
      visibility: "hidden",
    });
    matchCanvasSize(canvas, m);
    // Premultiplied, as the shader's colours are; no depth or stencil (points only).
    const gl = canvas.getContext("webgl2", {
      alpha: true,
      premultipliedAlpha: true,
      antialias: false,
      depth: false,
      stencil: false,
    });
    if (!gl) return null;
    m.getCanvasContainer().appendChild(canvas);
    return (own = { canvas, painter: makePainter(gl, points) });
  }

  /** A canvas at the map canvas's size (device pixels) and place. */
  function matchCanvasSize(c: HTMLCanvasElement, m: MapLibreMap): void {
    const under = m.getCanvas();
    if (c.width !== under.width) c.width = under.width;
    if (c.height !== under.height) c.height = under.height;
    if (c.style.width !== under.style.width) c.style.width = under.style.width;
    if (c.style.height !== under.style.height) c.style.height = under.style.height;
  }

  /** Draws the points, and the selected marker over them, in their own canvas (shown or not), in
   * the view of MapLibre's last frame; null when it cannot. */
  function paintOwn(): NonNullable<typeof own> | null {
    if (!map || !frame || !started) return null;
    const o = ownCanvas(map);
    if (!o) return null;
    matchCanvasSize(o.canvas, map);
    const g = o.painter.gl;
    cull(frame);
    g.viewport(0, 0, g.drawingBufferWidth, g.drawingBufferHeight);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    return o.painter.draw(frame, iconZoom, indices, drawn, version, selected) ? o : null;
  }

  /** The points, and the selected marker over them, in their own canvas, shown. False when it
   * cannot (then they stay in MapLibre's). */
  function drawOwn(): boolean {
    const o = paintOwn();
    if (!o) return false;
    o.canvas.style.visibility = "visible";
    where = "own";
    painted = true;
    onDrawn?.(drawn);
    return true;
  }

  /**
   * The points changed, the map did not (a filter, a timeline step, the view settling): drawn in
   * their own canvas in the next animation frame, so that MapLibre does not draw the basemap again.
   * While they are still in MapLibre's canvas, one more MapLibre frame leaves them out of it first.
   */
  function pointsChanged(): void {
    if (!started || !map) return;
    if (where === "map") {
      // Once they are drawn. Before that, MapLibre's next frame draws them anyway: the own canvas
      // (a second context, and the points uploaded to it) would only add to the first frame's cost.
      if (painted) toOwn = true;
      map.triggerRepaint();
      return;
    }
    if (redraw) return;
    redraw = requestAnimationFrame(() => {
      redraw = 0;
      if (where === "own" && !drawOwn()) backToMap();
    });
  }

  /** The points back in MapLibre's canvas from its next frame (the own canvas hidden then). */
  function backToMap(): void {
    toOwn = false;
    where = "map";
    map?.triggerRepaint();
  }

  /** The view settled: choose the points for it if the last choice was made while it moved. */
  const onMoveEnd = () => {
    const f = frame,
      was = culledFor;
    if (!f || !was?.matrix.every((v, k) => v === f.matrix[k])) map?.triggerRepaint();
  };

  const layer: EventPointsLayer = {
    id: POINTS_LAYER,
    type: "custom",
    renderingMode: "2d",
    points,
    get visible() {
      return visible;
    },
    onAdd(m, gl) {
      map = m;
      // onAdd runs outside MapLibre's render pass, which caches GL bindings: put back what was bound.
      const was = {
        array: gl.getParameter(gl.ARRAY_BUFFER_BINDING) as WebGLBuffer | null,
        vao: gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null,
        texture: gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null,
        premultiply: gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean,
      };
      inMap = makePainter(gl as WebGL2RenderingContext, points);
      gl.bindVertexArray(was.vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, was.array);
      gl.bindTexture(gl.TEXTURE_2D, was.texture);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, was.premultiply);
      m.on("moveend", onMoveEnd);
    },
    render(_gl: WebGL2RenderingContext, args: CustomRenderMethodInput) {
      // Added while the basemap loads, the points wait for start(): drawn in every frame of that
      // loading (each one software-drawn), and in the frame that completes it (which MapLibre
      // always follows with one more, to settle the labels), they would only make it later.
      if (!map || !started || !inMap) return;
      frame = {
        matrix: Float32Array.from(args.defaultProjectionData.mainMatrix),
        zoom: map.getZoom(),
        ratio: map.getPixelRatio(),
      };
      if (redraw) cancelAnimationFrame(redraw), (redraw = 0);
      // The points changed while the map did not: from this frame on, in their own canvas.
      if (toOwn) {
        toOwn = false;
        if (drawOwn()) return;
      }
      // MapLibre draws anyway (a move, the selection, routes and areas): the points go in its canvas,
      // as one canvas drawn is cheaper than two, with its selection layers over them.
      if (own && own.canvas.style.visibility !== "hidden") own.canvas.style.visibility = "hidden";
      where = "map";
      cull(frame);
      painted = inMap.draw(frame, iconZoom, indices, drawn, version, null) || painted;
      onDrawn?.(drawn);
    },
    onRemove(m) {
      m.off("moveend", onMoveEnd);
      if (redraw) cancelAnimationFrame(redraw), (redraw = 0);
      inMap?.dispose();
      if (own) {
        own.painter.dispose();
        // Frees the context at once rather than whenever the canvas is collected.
        own.painter.gl.getExtension("WEBGL_lose_context")?.loseContext();
        own.canvas.remove();
      }
      inMap = own = null;
      map = null;
      frame = null;
    },
    setVisible(v, mapDraws = false) {
      visible = v;
      culledFor = null;
      if (mapDraws) backToMap();
      else pointsChanged();
    },
    setSelected(s) {
      if (s?.x === selected?.x && s?.y === selected?.y && s?.category === selected?.category)
        return;
      selected = s;
      // MapLibre draws the selection's own layers (over the points when they are in its canvas).
      if (where === "own") pointsChanged();
    },
    get drawn() {
      return drawn;
    },
    prepare() {
      // Drawn once, hidden: the context's first drawing (its buffers, the program's first use) is
      // then not part of the first filter change.
      if (own || where !== "map") return;
      paintOwn();
    },
    start() {
      if (started) return;
      started = true;
      map?.triggerRepaint();
    },
    get painted() {
      return painted;
    },
    setIconZoom(z) {
      iconZoom = z;
      culledFor = null;
      map?.triggerRepaint();
    },
  };
  return layer;
}
