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
  return new PointsLayer(points, iconZoom, onDrawn);
}

/** The points' own canvas over MapLibre's, and the painter in its context. */
interface OwnCanvas {
  canvas: HTMLCanvasElement;
  painter: Painter;
}

/** The view and mode that the drawn indices were chosen for. */
interface CulledFor {
  matrix: Float64Array;
  width: number;
  height: number;
  dedupe: boolean;
  at: number;
}

class PointsLayer implements EventPointsLayer {
  readonly id = POINTS_LAYER;
  readonly type = "custom";
  readonly renderingMode = "2d";
  private map: MapLibreMap | null = null;
  /** The points in MapLibre's context, and in their own canvas's (made once the map is ready). */
  private inMap: Painter | null = null;
  private own: OwnCanvas | null = null;
  /** Where the points are now; "own" asked for: the next MapLibre frame leaves them out of its canvas. */
  private where: "map" | "own" = "map";
  private toOwn = false;
  private selected: SelectedMarker | null = null;
  private shown: Uint8Array;
  private readonly culler: ReturnType<typeof makePointCuller>;
  private readonly indices: Uint32Array;
  private count = 0;
  /** Counts the choices of points, so that each context uploads a new one once. */
  private version = 0;
  /** Whether to draw (see start), and whether a frame has drawn since. */
  private started = false;
  private hasPainted = false;
  private frame: Frame | null = null;
  /** A drawing in the points' own canvas, asked for (an animation frame) and not yet done. */
  private redraw = 0;
  /** The view and mode the drawn indices were chosen for; null: choose again. */
  private culledFor: CulledFor | null = null;

  constructor(
    readonly points: PointBuffers,
    private iconZoom: number,
    private readonly onDrawn?: (drawn: number) => void,
  ) {
    this.shown = new Uint8Array(points.count).fill(1);
    this.culler = makePointCuller(points.count);
    this.indices = new Uint32Array(points.count);
  }

  get visible(): Uint8Array {
    return this.shown;
  }

  get drawn(): number {
    return this.count;
  }

  get painted(): boolean {
    return this.hasPainted;
  }

  onAdd(m: MapLibreMap, gl: WebGL2RenderingContext): void {
    this.map = m;
    this.inMap = inMapPainter(gl, this.points);
    m.on("moveend", this.onMoveEnd);
  }

  render(_gl: WebGL2RenderingContext, args: CustomRenderMethodInput): void {
    // Added while the basemap loads, the points wait for start(): drawn in every frame of that
    // loading (each one software-drawn), and in the frame that completes it (which MapLibre
    // always follows with one more, to settle the labels), they would only make it later.
    const { map, inMap } = this;
    if (!map || !this.started || !inMap) return;
    const frame: Frame = {
      matrix: Float32Array.from(args.defaultProjectionData.mainMatrix),
      zoom: map.getZoom(),
      ratio: map.getPixelRatio(),
    };
    this.frame = frame;
    if (this.redraw) cancelAnimationFrame(this.redraw), (this.redraw = 0);
    // The points changed while the map did not: from this frame on, in their own canvas.
    if (this.toOwn) {
      this.toOwn = false;
      if (this.drawOwn()) return;
    }
    // MapLibre draws anyway (a move, the selection, routes and areas): the points go in its canvas,
    // as one canvas drawn is cheaper than two, with its selection layers over them.
    const own = this.own;
    if (own && own.canvas.style.visibility !== "hidden") own.canvas.style.visibility = "hidden";
    this.where = "map";
    this.cull(frame);
    this.hasPainted =
      inMap.draw(frame, this.iconZoom, this.indices, this.count, this.version, null) ||
      this.hasPainted;
    this.onDrawn?.(this.count);
  }

  onRemove(m: MapLibreMap): void {
    m.off("moveend", this.onMoveEnd);
    if (this.redraw) cancelAnimationFrame(this.redraw), (this.redraw = 0);
    this.inMap?.dispose();
    if (this.own) removeOwnCanvas(this.own);
    this.inMap = this.own = null;
    this.map = null;
    this.frame = null;
  }

  setVisible(v: Uint8Array, mapDraws = false): void {
    this.shown = v;
    this.culledFor = null;
    if (mapDraws) this.backToMap();
    else this.pointsChanged();
  }

  setSelected(s: SelectedMarker | null): void {
    const was = this.selected;
    if (s?.x === was?.x && s?.y === was?.y && s?.category === was?.category) return;
    this.selected = s;
    // MapLibre draws the selection's own layers (over the points when they are in its canvas).
    if (this.where === "own") this.pointsChanged();
  }

  prepare(): void {
    // Drawn once, hidden: the context's first drawing (its buffers, the program's first use) is
    // then not part of the first filter change.
    if (this.own || this.where !== "map") return;
    this.paintOwn();
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.map?.triggerRepaint();
  }

  setIconZoom(z: number): void {
    this.iconZoom = z;
    this.culledFor = null;
    this.map?.triggerRepaint();
  }

  /** Chooses the points to draw again if the filter, the mode or the view changed (while the map
   * moves, at most every CULL_MS). */
  private cull(f: Frame): void {
    const map = this.map!;
    const under = map.getCanvas();
    const width = under.width / f.ratio,
      height = under.height / f.ratio;
    const dedupe = f.zoom < this.iconZoom;
    const now = performance.now();
    const was = this.culledFor,
      matrix = f.matrix;
    if (was && was.dedupe === dedupe && was.width === width && was.height === height) {
      if (was.matrix.every((v, k) => v === matrix[k])) return;
      if (map.isMoving() && now - was.at < CULL_MS) return;
    }
    const view = { matrix, width, height };
    this.count = this.culler.cull(this.points.xy, this.shown, view, dedupe, this.indices);
    this.culledFor = { matrix: Float64Array.from(matrix), width, height, dedupe, at: now };
    this.version++;
  }

  /** Draws the points, and the selected marker over them, in their own canvas (shown or not), in
   * the view of MapLibre's last frame; null when it cannot. */
  private paintOwn(): OwnCanvas | null {
    const { map, frame } = this;
    if (!map || !frame || !this.started) return null;
    const o = (this.own ??= makeOwnCanvas(map, this.points));
    if (!o) return null;
    matchCanvasSize(o.canvas, map);
    const g = o.painter.gl;
    this.cull(frame);
    g.viewport(0, 0, g.drawingBufferWidth, g.drawingBufferHeight);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    const { iconZoom, indices, count, version, selected } = this;
    return o.painter.draw(frame, iconZoom, indices, count, version, selected) ? o : null;
  }

  /** The points, and the selected marker over them, in their own canvas, shown. False when it
   * cannot (then they stay in MapLibre's). */
  private drawOwn(): boolean {
    const o = this.paintOwn();
    if (!o) return false;
    o.canvas.style.visibility = "visible";
    this.where = "own";
    this.hasPainted = true;
    this.onDrawn?.(this.count);
    return true;
  }

  /**
   * The points changed, the map did not (a filter, a timeline step, the view settling): drawn in
   * their own canvas in the next animation frame, so that MapLibre does not draw the basemap again.
   * While they are still in MapLibre's canvas, one more MapLibre frame leaves them out of it first.
   */
  private pointsChanged(): void {
    if (!this.started || !this.map) return;
    if (this.where === "map") {
      // Once they are drawn. Before that, MapLibre's next frame draws them anyway: the own canvas
      // (a second context, and the points uploaded to it) would only add to the first frame's cost.
      if (this.hasPainted) this.toOwn = true;
      this.map.triggerRepaint();
      return;
    }
    if (this.redraw) return;
    this.redraw = requestAnimationFrame(() => {
      this.redraw = 0;
      if (this.where === "own" && !this.drawOwn()) this.backToMap();
    });
  }

  /** The points back in MapLibre's canvas from its next frame (the own canvas hidden then). */
  private backToMap(): void {
    this.toOwn = false;
    this.where = "map";
    this.map?.triggerRepaint();
  }

  /** The view settled: choose the points for it if the last choice was made while it moved. */
  private readonly onMoveEnd = () => {
    const f = this.frame,
      was = this.culledFor;
    if (!f || !was?.matrix.every((v, k) => v === f.matrix[k])) this.map?.triggerRepaint();
  };
}

/** The points' painter in MapLibre's context. onAdd runs outside MapLibre's render pass, which
 * caches GL bindings: what was bound is put back. */
function inMapPainter(gl: WebGL2RenderingContext, points: PointBuffers): Painter {
  const was = {
    array: gl.getParameter(gl.ARRAY_BUFFER_BINDING) as WebGLBuffer | null,
    vao: gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null,
    texture: gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null,
    premultiply: gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean,
  };
  const painter = makePainter(gl, points);
  gl.bindVertexArray(was.vao);
  gl.bindBuffer(gl.ARRAY_BUFFER, was.array);
  gl.bindTexture(gl.TEXTURE_2D, was.texture);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, was.premultiply);
  return painter;
}

/** The points' own canvas over MapLibre's, and its context (null without WebGL2 there). */
function makeOwnCanvas(m: MapLibreMap, points: PointBuffers): OwnCanvas | null {
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
  return { canvas, painter: makePainter(gl, points) };
}

/** A canvas at the map canvas's size (device pixels) and place. */
function matchCanvasSize(c: HTMLCanvasElement, m: MapLibreMap): void {
  const under = m.getCanvas();
  if (c.width !== under.width) c.width = under.width;
  if (c.height !== under.height) c.height = under.height;
  if (c.style.width !== under.style.width) c.style.width = under.style.width;
  if (c.style.height !== under.style.height) c.style.height = under.style.height;
}

function removeOwnCanvas(own: OwnCanvas): void {
  own.painter.dispose();
  // Frees the context at once rather than whenever the canvas is collected.
  own.painter.gl.getExtension("WEBGL_lose_context")?.loseContext();
  own.canvas.remove();
}
