/**
 * A big dataset's markers drawn by our own WebGL layer inside MapLibre: the points in one
 * `gl.POINTS` draw call from buffers uploaded once (src/model/point-buffers.ts). A frame draws the
 * shown points near the view, at most one per pixel below `iconZoom` (src/model/point-cull.ts):
 * a filter change or a move uploads only their indices. Below `iconZoom`
 * a point is a dot in its category colour (white outline, red when disputed; pale when its place
 * is known only roughly); from `iconZoom` on, its category icon (the same shapes the legend draws),
 * with a red ring when disputed. Nothing is tiled, decoded or diffed per feature, as MapLibre's
 * feature-state would (~86k states per category click at 100k events).
 *
 * The points are drawn in a canvas of their own over MapLibre's, with the selected event's halo
 * and icon on top of them. MapLibre hands the layer each frame's view (it stays a custom layer, in
 * the style, drawing nothing there), and a filter change redraws only the points: a timeline step
 * at 100k no longer draws the basemap again (~4 ms of its main thread here, and the software GPU's
 * drawing of a whole map, ~90 ms).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from "maplibre-gl";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { CATEGORY_ORDER, type PointBuffers } from "../model/point-buffers.ts";
import { makePointCuller } from "../model/point-cull.ts";
import { drawCategoryShape } from "./icons.ts";

export const POINTS_LAYER = "event-points";

/** Icon cell size in the atlas, in device pixels, and the icon's size on the map, in CSS pixels
 * (MapLibre's category icons are 24 px at icon-size 0.9). */
const CELL = 48;
const ICON_PX = 21.6;
/** The disputed ring around an icon: radius and width in CSS pixels, as the ring layer drew it. */
const RING_R = 13, RING_W = 2;
/** The selected event: its halo's radius and ring width, and its icon's size, in CSS pixels (as
 * MapLibre's selected-halo and selected-marker layers draw the shipped data's). */
const HALO_R = 17, HALO_W = 2.5;
const SELECTED_PX = 27.6;
/** A frame draws only the points near the view, and below the icon zoom only the topmost of each
 * pixel (src/model/point-cull.ts): SwiftShader took 1.5–4 s to draw 1M, ~0.15 s for 100k. The
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
    // The selected event, as MapLibre's selection layers drew it: a halo (a faint disc in a dark
    // ring), its category icon a size up over it, at every zoom.
    vec4 halo = mix(vec4(DARK, 1.0), vec4(DARK, 1.0) * 0.12, clamp(${HALO_R.toFixed(1)} - d + 0.5, 0.0, 1.0))
      * clamp(${(HALO_R + HALO_W).toFixed(1)} - d + 0.5, 0.0, 1.0);
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
  CATEGORY_ORDER.forEach((category, k) => drawCategoryShape(ctx, CATEGORY_STYLE[category], k * CELL, 0, CELL));
  return canvas;
}

/** Queued only: asking how a compile or link went makes the page wait for the GPU process to do it,
 * so that is asked at the first draw (linked), by when it has been done alongside the page's work
 * (~50 ms of a 100k load's main thread here). */
function compile(gl: WebGL2RenderingContext, type: number, source: string): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  return shader;
}

/** Attribute locations, bound before linking (so that none has to be asked for). */
const A_POS = 0, A_INFO = 1;

export interface EventPointsLayer extends CustomLayerInterface {
  readonly points: PointBuffers;
  /** What is drawn now, one byte per point (shared: do not modify). */
  readonly visible: Uint8Array;
  setVisible(visible: Uint8Array): void;
  setIconZoom(zoom: number): void;
  /** The selected event's marker, drawn over every point (null: none). */
  setSelected(selected: SelectedMarker | null): void;
  /** How many points the last frame drew. */
  readonly drawn: number;
  /** Draws from the next frame on (until then, frames draw no points): call once the basemap has
   * loaded. */
  start(): void;
  /** Whether a frame has drawn the points (all the shown ones near the view) since start(). */
  readonly painted: boolean;
}

/** Where the selected event's marker is (Web Mercator, 0–1) and its category's index in
 * CATEGORY_ORDER. */
export interface SelectedMarker {
  x: number;
  y: number;
  category: number;
}

/** The view of MapLibre's last frame, which a redraw of the points alone reuses. */
interface Frame {
  matrix: Float32Array;
  zoom: number;
  ratio: number;
}

/**
 * @param onDrawn called after each drawing of the points, with how many were drawn.
 */
export function eventPointsLayer(points: PointBuffers, iconZoom: number, onDrawn?: (drawn: number) => void): EventPointsLayer {
  let map: MapLibreMap | null = null;
  /** Our own canvas over the map's, and its context. */
  let canvas: HTMLCanvasElement | null = null;
  let gl: WebGL2RenderingContext | null = null;
  let program: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  /** The selected marker's one vertex, in a vertex array of its own. */
  let selectedVao: WebGLVertexArrayObject | null = null;
  let selectedBuffer: WebGLBuffer | null = null;
  let selected: SelectedMarker | null = null;
  let selectedUploaded = false;
  let atlas: WebGLTexture | null = null;
  let shaders: WebGLShader[] = [];
  /** The uniforms' locations, once the program is known to have linked (see compile). */
  let uniforms: Record<string, WebGLUniformLocation | null> | null = null;
  let visible: Uint8Array = new Uint8Array(points.count).fill(1);
  const culler = makePointCuller(points.count);
  const indices = new Uint32Array(points.count);
  let drawn = 0;
  /** Whether to draw (see start), and whether a frame has drawn since. */
  let started = false;
  let painted = false;
  let frame: Frame | null = null;
  /** A redraw of the points alone, asked for (an animation frame) and not yet done. */
  let redraw = 0;
  /** The view and mode the drawn indices were chosen for; null: choose again. */
  let culledFor: { matrix: Float64Array; width: number; height: number; dedupe: boolean; at: number } | null = null;
  const colors = new Float32Array(CATEGORY_ORDER.flatMap((c) => rgb(CATEGORY_STYLE[c].color)));

  /** Draws the points again in the next animation frame, in the view of MapLibre's last frame,
   * unless MapLibre draws a frame first (render draws them then). */
  function later(): void {
    if (!started || !frame || redraw) return;
    redraw = requestAnimationFrame(() => {
      redraw = 0;
      draw();
    });
  }
  const onMoveEnd = () => later();

  /** Chooses the points to draw again if the filter, the mode or the view changed (while the map
   * moves, at most every CULL_MS), and uploads their indices. The vertex array is bound. */
  function cull(g: WebGL2RenderingContext, f: Frame): void {
    const width = g.drawingBufferWidth / f.ratio, height = g.drawingBufferHeight / f.ratio;
    const dedupe = f.zoom < iconZoom;
    const now = performance.now();
    const was = culledFor, matrix = f.matrix;
    if (was && was.dedupe === dedupe && was.width === width && was.height === height) {
      if (was.matrix.every((v, k) => v === matrix[k])) return;
      if (map!.isMoving() && now - was.at < CULL_MS) return;
    }
    drawn = culler.cull(points.xy, visible, { matrix, width, height }, dedupe, indices);
    culledFor = { matrix: Float64Array.from(matrix), width, height, dedupe, at: now };
    g.bufferSubData(g.ELEMENT_ARRAY_BUFFER, 0, indices, 0, drawn);
  }

  /** Our canvas at the map canvas's size (device pixels) and place. */
  function fit(c: HTMLCanvasElement, m: MapLibreMap): void {
    const under = m.getCanvas();
    if (c.width !== under.width) c.width = under.width;
    if (c.height !== under.height) c.height = under.height;
    if (c.style.width !== under.style.width) c.style.width = under.style.width;
    if (c.style.height !== under.style.height) c.style.height = under.style.height;
  }

  /** Draws the points (and the selected marker) in the view of `frame`. */
  function draw(): void {
    if (!gl || !canvas || !map || !program || !frame || !started) return;
    const g = gl, f = frame;
    if (!uniforms) {
      if (!g.getProgramParameter(program, g.LINK_STATUS) && !g.isContextLost()) {
        console.error(`event points program: ${g.getProgramInfoLog(program)} ${shaders.map((sh) => g.getShaderInfoLog(sh)).join(" ")}`);
        program = null;
        return;
      }
      const p = program;
      uniforms = Object.fromEntries(["u_matrix", "u_zoom", "u_icon_zoom", "u_ratio", "u_colors", "u_atlas", "u_categories", "u_pass"].map((u) => [u, g.getUniformLocation(p, u)]));
    }
    fit(canvas, map);
    painted = true;
    g.viewport(0, 0, g.drawingBufferWidth, g.drawingBufferHeight);
    g.clearColor(0, 0, 0, 0);
    g.clear(g.COLOR_BUFFER_BIT);
    if (points.count > 0 || selected) {
      g.useProgram(program);
      g.uniformMatrix4fv(uniforms.u_matrix!, false, f.matrix);
      g.uniform1f(uniforms.u_zoom!, f.zoom);
      g.uniform1f(uniforms.u_icon_zoom!, iconZoom);
      g.uniform1f(uniforms.u_ratio!, f.ratio);
      g.uniform3fv(uniforms.u_colors!, colors);
      g.uniform1f(uniforms.u_categories!, CATEGORY_ORDER.length);
      g.uniform1i(uniforms.u_atlas!, 0);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
    }
    if (points.count > 0) {
      g.bindVertexArray(vao);
      cull(g, f);
      g.uniform1f(uniforms.u_pass!, 0);
      g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      if (f.zoom >= iconZoom) {
        g.uniform1f(uniforms.u_pass!, 1);
        g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      }
    }
    if (selected) {
      g.bindVertexArray(selectedVao);
      if (!selectedUploaded) {
        g.bindBuffer(g.ARRAY_BUFFER, selectedBuffer);
        g.bufferSubData(g.ARRAY_BUFFER, 0, new Float32Array([selected.x, selected.y, selected.category, 0]));
        selectedUploaded = true;
      }
      g.uniform1f(uniforms.u_pass!, 2);
      g.drawArrays(g.POINTS, 0, 1);
    }
    g.bindVertexArray(null);
    onDrawn?.(drawn);
  }

  const layer: EventPointsLayer = {
    id: POINTS_LAYER,
    type: "custom",
    renderingMode: "2d",
    points,
    get visible() {
      return visible;
    },
    onAdd(m) {
      map = m;
      canvas = document.createElement("canvas");
      canvas.className = "event-points";
      canvas.setAttribute("aria-hidden", "true");
      Object.assign(canvas.style, { position: "absolute", left: "0", top: "0", pointerEvents: "none" });
      m.getCanvasContainer().appendChild(canvas);
      fit(canvas, m);
      // Premultiplied, as the shader's colours are; no depth or stencil (points only).
      gl = canvas.getContext("webgl2", { alpha: true, premultipliedAlpha: true, antialias: false, depth: false, stencil: false, preserveDrawingBuffer: false });
      if (!gl) {
        console.error("event points: no WebGL2 context for the points' canvas");
        return;
      }
      const g = gl;
      const p = g.createProgram()!;
      shaders = [compile(g, g.VERTEX_SHADER, VERTEX), compile(g, g.FRAGMENT_SHADER, FRAGMENT)];
      for (const sh of shaders) g.attachShader(p, sh);
      g.bindAttribLocation(p, A_POS, "a_pos");
      g.bindAttribLocation(p, A_INFO, "a_info");
      g.linkProgram(p);
      program = p;
      const attribute = (loc: number, data: ArrayBufferView, size: number, type: number, usage: number, stride = 0, offset = 0) => {
        const buffer = g.createBuffer();
        g.bindBuffer(g.ARRAY_BUFFER, buffer);
        g.bufferData(g.ARRAY_BUFFER, data, usage);
        g.enableVertexAttribArray(loc);
        g.vertexAttribPointer(loc, size, type, false, stride, offset);
        return buffer;
      };
      vao = g.createVertexArray();
      g.bindVertexArray(vao);
      attribute(A_POS, points.xy, 2, g.FLOAT, g.STATIC_DRAW);
      const info = new Uint8Array(2 * points.count);
      for (let i = 0; i < points.count; i++) (info[2 * i] = points.category[i]!), (info[2 * i + 1] = points.flags[i]!);
      attribute(A_INFO, info, 2, g.UNSIGNED_BYTE, g.STATIC_DRAW);
      g.bindBuffer(g.ELEMENT_ARRAY_BUFFER, g.createBuffer()); // kept by the vertex array
      g.bufferData(g.ELEMENT_ARRAY_BUFFER, indices.byteLength, g.DYNAMIC_DRAW);
      // The selected marker: x, y, category, flags as four floats.
      selectedVao = g.createVertexArray();
      g.bindVertexArray(selectedVao);
      selectedBuffer = attribute(A_POS, new Float32Array(4), 2, g.FLOAT, g.DYNAMIC_DRAW, 16, 0);
      g.enableVertexAttribArray(A_INFO);
      g.vertexAttribPointer(A_INFO, 2, g.FLOAT, false, 16, 8);
      selectedUploaded = false;
      g.bindVertexArray(null);
      atlas = g.createTexture();
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, atlas);
      g.pixelStorei(g.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
      g.texImage2D(g.TEXTURE_2D, 0, g.RGBA, g.RGBA, g.UNSIGNED_BYTE, iconAtlas());
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.LINEAR);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.LINEAR);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
      g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
      m.on("moveend", onMoveEnd);
    },
    render(_context: WebGL2RenderingContext, args: CustomRenderMethodInput) {
      // Added while the basemap loads, the points wait for start(): drawn in every frame of that
      // loading (~0.1 s each, software-drawn), and in the frame that completes it (which MapLibre
      // always follows with one more, to settle the labels), they would only make it later.
      if (!map || !started) return;
      // MapLibre's context is not touched: the points are drawn in our canvas, in this frame.
      frame = { matrix: Float32Array.from(args.defaultProjectionData.mainMatrix), zoom: map.getZoom(), ratio: map.getPixelRatio() };
      if (redraw) cancelAnimationFrame(redraw), (redraw = 0);
      draw();
    },
    onRemove(m) {
      m.off("moveend", onMoveEnd);
      if (redraw) cancelAnimationFrame(redraw), (redraw = 0);
      // Frees the context at once rather than whenever the canvas is collected.
      gl?.getExtension("WEBGL_lose_context")?.loseContext();
      canvas?.remove();
      uniforms = null;
      program = vao = selectedVao = selectedBuffer = atlas = null;
      shaders = [];
      map = gl = canvas = null;
      frame = null;
    },
    setVisible(v) {
      visible = v;
      culledFor = null;
      later();
    },
    setSelected(s) {
      if (s?.x === selected?.x && s?.y === selected?.y && s?.category === selected?.category) return;
      selected = s;
      selectedUploaded = false;
      later();
    },
    get drawn() {
      return drawn;
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
      map?.triggerRepaint();
    },
  };
  return layer;
}
