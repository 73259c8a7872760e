/**
 * A big dataset's markers drawn by our own WebGL layer inside MapLibre: the points in one
 * `gl.POINTS` draw call from buffers uploaded once (src/model/markers/point-buffers.ts). A frame draws the
 * shown points near the view, at most one per pixel below `iconZoom` (src/model/markers/point-cull.ts):
 * a filter change or a move uploads only their indices. Below `iconZoom`
 * a point is a dot in its category colour (white outline, red when disputed; pale when its place
 * is known only roughly); from `iconZoom` on, its category icon (the same shapes the legend draws),
 * with a red ring when disputed. Nothing is tiled, decoded or diffed per feature, as MapLibre's
 * feature-state would (a state per changed event, on every category click).
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
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { CATEGORY_ORDER, type PointBuffers } from "../model/markers/point-buffers.ts";
import { makePointCuller } from "../model/markers/point-cull.ts";
import { drawCategoryShape } from "./icons.ts";

export const POINTS_LAYER = "event-points";

/** Icon cell size in the atlas, in device pixels, and the icon's size on the map, in CSS pixels
 * (MapLibre's category icons are 24 px at icon-size 0.9). */
const CELL = 48;
const ICON_PX = 21.6;
/** The disputed ring around an icon: radius and width in CSS pixels, as the clustered mode's ring
 * layer draws it. */
const RING_R = 13,
  RING_W = 2;
/** The selected event: its halo's radius and ring width, and its icon's size, in CSS pixels (as
 * MapLibre's selected-halo and selected-marker layers draw the shipped data's). */
const HALO_R = 17,
  HALO_W = 2.5;
const SELECTED_PX = 27.6;
/** A frame draws only the points near the view, and below the icon zoom only the topmost of each
 * pixel (src/model/markers/point-cull.ts): a software GPU pays for every point it is handed. The
 * choice is remade when the filter changes, when the view has settled, and every CULL_MS while it
 * moves (the margin around the view covers what a move brings in meanwhile). */
const CULL_MS = 200;

const VERTEX = `#version 300 es
uniform mat4 u_matrix;
uniform float u_zoom;
uniform float u_icon_zoom;
uniform float u_ratio;
uniform vec3 u_colors[${CATEGORY_ORDER.length}];
uniform float u_pass;  // icon mode: 0 the disputed rings (under every icon), 1 the icons; 2 the selected event
in vec2 a_pos;
in vec2 a_info;      // category, flags (1 rough, 2 disputed)
flat out vec3 v_color;
flat out float v_rough;
flat out float v_disputed;
flat out float v_icon;
flat out float v_category;
flat out float v_size;     // sprite side, CSS px
flat out float v_radius;   // dot radius, CSS px
flat out float v_stroke;   // dot outline, CSS px
void main() {
  float icon = step(u_icon_zoom, u_zoom); // icon zoom 0: icons at every zoom
  float disputed = step(2.0, a_info.y);
  // Not part of this pass: no fragment at all (the cheapest way, in software GL).
  if (u_pass < 1.5 && ((icon > 0.5 && u_pass < 0.5 && disputed < 0.5) || (icon < 0.5 && u_pass > 0.5))) {
    gl_Position = vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = 0.0;
    return;
  }
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  int c = int(a_info.x + 0.5);
  float flags = a_info.y;
  v_color = u_colors[c];
  v_category = a_info.x;
  v_rough = mod(flags, 2.0);
  v_disputed = disputed;
  v_icon = icon;
  // The dot layer's sizes: radius 2 px at zoom 3, 4 at 8, 6 at 12; outline 0.3 px at 3, 1 at 8.
  float z = u_zoom;
  v_radius = z < 8.0 ? mix(2.0, 4.0, clamp((z - 3.0) / 5.0, 0.0, 1.0)) : mix(4.0, 6.0, clamp((z - 8.0) / 4.0, 0.0, 1.0));
  v_stroke = mix(0.3, 1.0, clamp((z - 3.0) / 5.0, 0.0, 1.0));
  v_size = u_pass > 1.5 ? 2.0 * (${HALO_R.toFixed(1)} + ${HALO_W.toFixed(1)}) + 1.0
    : icon > 0.5 ? (u_pass < 0.5 ? 2.0 * (${RING_R.toFixed(1)} + ${RING_W.toFixed(1)}) : ${ICON_PX}) : 2.0 * (v_radius + v_stroke) + 1.0;
  gl_PointSize = v_size * u_ratio;
}`;

const FRAGMENT = `#version 300 es
precision mediump float;
uniform sampler2D u_atlas;
uniform float u_categories;
uniform highp float u_pass;
flat in vec3 v_color;
flat in float v_rough;
flat in float v_disputed;
flat in float v_icon;
flat in float v_category;
flat in float v_size;
flat in float v_radius;
flat in float v_stroke;
out vec4 fragColor;
const vec3 RED = vec3(0.863, 0.149, 0.149);
const vec3 DARK = vec3(0.067, 0.094, 0.153);  // #111827
void main() {
  vec2 p = (gl_PointCoord - 0.5) * v_size;   // CSS px from the centre
  float d = length(p);
  if (u_pass > 1.5) {
    // The selected event over the points, as MapLibre's selection layers draw it under them: the
    // halo's dark ring and the category icon a size up, at every zoom. Not the halo's faint disc:
    // MapLibre's, under the points, shows through (two would be twice as dark).
    vec4 halo = vec4(DARK, 1.0) * clamp(${(HALO_W / 2).toFixed(2)} + 0.5 - abs(d - ${(HALO_R + HALO_W / 2).toFixed(2)}), 0.0, 1.0);
    vec2 uv = p / ${SELECTED_PX} + 0.5;
    vec4 c = uv.x >= 0.0 && uv.x <= 1.0 && uv.y >= 0.0 && uv.y <= 1.0 ? texture(u_atlas, vec2((v_category + uv.x) / u_categories, uv.y)) : vec4(0.0);
    fragColor = c + halo * (1.0 - c.a);
    if (fragColor.a <= 0.0) discard;
    return;
  }
  if (v_icon < 0.5) {
    float edge = clamp(v_radius + v_stroke - d + 0.5, 0.0, 1.0);
    if (edge <= 0.0) discard;
    float inside = clamp(v_radius - d + 0.5, 0.0, 1.0);
    vec4 fill = vec4(v_color, 1.0) * (v_rough > 0.5 ? 0.4 : 1.0);
    vec4 outline = vec4(v_disputed > 0.5 ? RED : vec3(1.0), 1.0);
    fragColor = mix(outline, fill, inside) * edge;
    return;
  }
  vec4 c = vec4(0.0);
  if (u_pass < 0.5) {
    c = vec4(RED, 1.0) * clamp(${(RING_W / 2).toFixed(1)} + 0.5 - abs(d - ${RING_R.toFixed(1)}), 0.0, 1.0);
  } else {
    vec2 uv = p / ${ICON_PX} + 0.5;
    if (uv.x >= 0.0 && uv.x <= 1.0 && uv.y >= 0.0 && uv.y <= 1.0) c = texture(u_atlas, vec2((v_category + uv.x) / u_categories, uv.y)) * (v_rough > 0.5 ? 0.55 : 1.0);
  }
  if (c.a <= 0.0) discard;
  fragColor = c;
}`;

/** The dot radius at a zoom, in CSS pixels: the shader's formula. */
export function dotRadiusPx(zoom: number): number {
  const c = (v: number) => Math.min(1, Math.max(0, v));
  return zoom < 8 ? 2 + 2 * c((zoom - 3) / 5) : 4 + 2 * c((zoom - 8) / 4);
}

/** How far from a marker's centre a pointer still hits it, in CSS pixels: a dot's radius plus a
 * few pixels of slack (dots are small), or an icon's half-size; a finger (`coarse`) gets more. */
export function pickRadiusPx(zoom: number, iconZoom: number, coarse = false): number {
  const r = zoom >= iconZoom ? ICON_PX / 2 + 1 : dotRadiusPx(zoom) + 4;
  return coarse ? Math.max(r, 16) : r;
}

const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255);

/** The category icons side by side, as the map's symbol icons draw them (see icons.ts). */
function iconAtlas(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = CELL * CATEGORY_ORDER.length;
  canvas.height = CELL;
  const ctx = canvas.getContext("2d");
  if (!ctx) return canvas;
  for (const [k, category] of CATEGORY_ORDER.entries())
    drawCategoryShape(ctx, CATEGORY_STYLE[category], k * CELL, 0, CELL);
  return canvas;
}

/** Queued only: asking how a compile or link went makes the page wait for the GPU process to do it,
 * so that is asked at the first draw (linked), by when it has been done alongside the page's work. */
function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

/** Attribute locations, bound before linking (so that none has to be asked for). */
const A_POS = 0,
  A_INFO = 1;

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

/** Where the selected event's marker is (Web Mercator, 0–1) and its category's index in
 * CATEGORY_ORDER. */
export interface SelectedMarker {
  x: number;
  y: number;
  category: number;
}

/** The view of MapLibre's last frame, which a drawing of the points alone reuses. */
interface Frame {
  matrix: Float32Array;
  zoom: number;
  ratio: number;
}

/** The points' program, buffers and icon atlas in one WebGL context. */
interface Painter {
  gl: WebGL2RenderingContext;
  /** Draws the points chosen (`indices`, uploaded when `version` changed) and, when given, the
   * selected marker over them. The caller has set the viewport. */
  draw(
    f: Frame,
    iconZoom: number,
    indices: Uint32Array,
    drawn: number,
    version: number,
    selected: SelectedMarker | null,
  ): boolean;
  dispose(): void;
}

const UNIFORMS = [
  "u_matrix",
  "u_zoom",
  "u_icon_zoom",
  "u_ratio",
  "u_colors",
  "u_atlas",
  "u_categories",
  "u_pass",
] as const;

function makePainter(g: WebGL2RenderingContext, points: PointBuffers): Painter {
  const colors = new Float32Array(CATEGORY_ORDER.flatMap((c) => rgb(CATEGORY_STYLE[c].color)));
  const program = g.createProgram()!;
  const shaders = [compile(g, g.VERTEX_SHADER, VERTEX), compile(g, g.FRAGMENT_SHADER, FRAGMENT)];
  for (const sh of shaders) g.attachShader(program, sh);
  g.bindAttribLocation(program, A_POS, "a_pos");
  g.bindAttribLocation(program, A_INFO, "a_info");
  g.linkProgram(program);
  const buffers: WebGLBuffer[] = [];
  const attribute = (
    loc: number,
    data: ArrayBufferView,
    size: number,
    type: number,
    usage: number,
    stride = 0,
    offset = 0,
  ) => {
    const buffer = g.createBuffer();
    buffers.push(buffer);
    g.bindBuffer(g.ARRAY_BUFFER, buffer);
    g.bufferData(g.ARRAY_BUFFER, data, usage);
    g.enableVertexAttribArray(loc);
    g.vertexAttribPointer(loc, size, type, false, stride, offset);
    return buffer;
  };
  const vao = g.createVertexArray();
  g.bindVertexArray(vao);
  attribute(A_POS, points.xy, 2, g.FLOAT, g.STATIC_DRAW);
  const info = new Uint8Array(2 * points.count);
  for (let i = 0; i < points.count; i++)
    (info[2 * i] = points.category[i]!), (info[2 * i + 1] = points.flags[i]!);
  attribute(A_INFO, info, 2, g.UNSIGNED_BYTE, g.STATIC_DRAW);
  const indexBuffer = g.createBuffer();
  buffers.push(indexBuffer);
  g.bindBuffer(g.ELEMENT_ARRAY_BUFFER, indexBuffer); // kept by the vertex array
  g.bufferData(g.ELEMENT_ARRAY_BUFFER, 4 * points.count, g.DYNAMIC_DRAW);
  // The selected marker: x, y, category, flags as four floats.
  const selectedVao = g.createVertexArray();
  g.bindVertexArray(selectedVao);
  const selectedBuffer = attribute(A_POS, new Float32Array(4), 2, g.FLOAT, g.DYNAMIC_DRAW, 16, 0);
  g.enableVertexAttribArray(A_INFO);
  g.vertexAttribPointer(A_INFO, 2, g.FLOAT, false, 16, 8);
  g.bindVertexArray(null);
  const atlas = g.createTexture();
  g.bindTexture(g.TEXTURE_2D, atlas);
  g.pixelStorei(g.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
  g.texImage2D(g.TEXTURE_2D, 0, g.RGBA, g.RGBA, g.UNSIGNED_BYTE, iconAtlas());
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.LINEAR);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.LINEAR);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
  /** The uniforms' locations, once the program is known to have linked (see compile). */
  let uniforms: Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null> | null = null;
  let failed = false;
  let uploaded = -1;
  let selectedAt: SelectedMarker | null = null;
  return {
    gl: g,
    draw(f, iconZoom, indices, drawn, version, selected) {
      if (failed) return false;
      if (!uniforms) {
        if (!g.getProgramParameter(program, g.LINK_STATUS) && !g.isContextLost()) {
          console.error(
            `event points program: ${g.getProgramInfoLog(program)} ${shaders.map((sh) => g.getShaderInfoLog(sh)).join(" ")}`,
          );
          failed = true;
          return false;
        }
        uniforms = Object.fromEntries(
          UNIFORMS.map((u) => [u, g.getUniformLocation(program, u)]),
        ) as NonNullable<typeof uniforms>;
      }
      g.useProgram(program);
      g.uniformMatrix4fv(uniforms.u_matrix, false, f.matrix);
      g.uniform1f(uniforms.u_zoom, f.zoom);
      g.uniform1f(uniforms.u_icon_zoom, iconZoom);
      g.uniform1f(uniforms.u_ratio, f.ratio);
      g.uniform3fv(uniforms.u_colors, colors);
      g.uniform1f(uniforms.u_categories, CATEGORY_ORDER.length);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, atlas);
      g.uniform1i(uniforms.u_atlas, 0);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      g.bindVertexArray(vao);
      if (uploaded !== version) {
        g.bufferSubData(g.ELEMENT_ARRAY_BUFFER, 0, indices, 0, drawn);
        uploaded = version;
      }
      g.uniform1f(uniforms.u_pass, 0);
      g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      if (f.zoom >= iconZoom) {
        g.uniform1f(uniforms.u_pass, 1);
        g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      }
      if (selected) {
        g.bindVertexArray(selectedVao);
        if (selected !== selectedAt) {
          g.bindBuffer(g.ARRAY_BUFFER, selectedBuffer);
          g.bufferSubData(
            g.ARRAY_BUFFER,
            0,
            new Float32Array([selected.x, selected.y, selected.category, 0]),
          );
          selectedAt = selected;
        }
        g.uniform1f(uniforms.u_pass, 2);
        g.drawArrays(g.POINTS, 0, 1);
      }
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
      return true;
    },
    dispose() {
      g.deleteProgram(program);
      for (const sh of shaders) g.deleteShader(sh);
      g.deleteVertexArray(vao);
      g.deleteVertexArray(selectedVao);
      g.deleteTexture(atlas);
      for (const b of buffers) g.deleteBuffer(b);
    },
  };
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
