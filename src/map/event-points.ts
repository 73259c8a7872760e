/**
 * A big dataset's markers drawn by our own WebGL layer inside MapLibre: the points in one
 * `gl.POINTS` draw call from buffers uploaded once (src/model/point-buffers.ts). A frame draws the
 * shown points near the view, at most one per pixel below `iconZoom` (src/model/point-cull.ts):
 * a filter change or a move uploads only their indices. Below `iconZoom`
 * a point is a dot in its category colour (white outline, red when disputed; pale when its place
 * is known only roughly); from `iconZoom` on, its category icon (the same shapes the legend draws),
 * with a red ring when disputed. Nothing is tiled, decoded or diffed per feature, as MapLibre's
 * feature-state would (~86k states per category click at 100k events).
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
uniform float u_pass;  // icon mode: 0 the disputed rings (under every icon), 1 the icons
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
  if ((icon > 0.5 && u_pass < 0.5 && disputed < 0.5) || (icon < 0.5 && u_pass > 0.5)) {
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
  v_size = icon > 0.5 ? (u_pass < 0.5 ? 2.0 * (${RING_R.toFixed(1)} + ${RING_W.toFixed(1)}) : ${ICON_PX}) : 2.0 * (v_radius + v_stroke) + 1.0;
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
void main() {
  vec2 p = (gl_PointCoord - 0.5) * v_size;   // CSS px from the centre
  float d = length(p);
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
  /** How many points the last frame drew. */
  readonly drawn: number;
  /** Draws from the next frame on (until then, frames draw no points): call once the basemap has
   * loaded. */
  start(): void;
  /** Whether a frame has drawn the points (all the shown ones near the view) since start(). */
  readonly painted: boolean;
}

export function eventPointsLayer(points: PointBuffers, iconZoom: number): EventPointsLayer {
  let map: MapLibreMap | null = null;
  let gl: WebGL2RenderingContext | null = null;
  let program: WebGLProgram | null = null;
  let vao: WebGLVertexArrayObject | null = null;
  const buffers: WebGLBuffer[] = [];
  let atlas: WebGLTexture | null = null;
  let shaders: WebGLShader[] = [];
  /** The uniforms' locations, once the program is known to have linked (see compile). */
  let uniforms: Record<string, WebGLUniformLocation | null> | null = null;
  let visible: Uint8Array = new Uint8Array(points.count).fill(1);
  const culler = makePointCuller(points.count);
  const indices = new Uint32Array(points.count);
  let indexBuffer: WebGLBuffer | null = null;
  let drawn = 0;
  /** Whether to draw (see start), and whether a frame has drawn since. */
  let started = false;
  let painted = false;
  /** The view and mode the drawn indices were chosen for; null: choose again. */
  let culledFor: { matrix: Float64Array; width: number; height: number; dedupe: boolean; at: number } | null = null;
  const repaint = () => map?.triggerRepaint();
  const colors = new Float32Array(CATEGORY_ORDER.flatMap((c) => rgb(CATEGORY_STYLE[c].color)));

  /** Chooses the points to draw again if the filter, the mode or the view changed (while the map
   * moves, at most every CULL_MS), and uploads their indices. The vertex array is bound. */
  function cull(g: WebGL2RenderingContext, matrix: Float32Array): void {
    const ratio = map!.getPixelRatio();
    const width = g.drawingBufferWidth / ratio, height = g.drawingBufferHeight / ratio;
    const dedupe = map!.getZoom() < iconZoom;
    const now = performance.now();
    const was = culledFor;
    if (was && was.dedupe === dedupe && was.width === width && was.height === height) {
      if (was.matrix.every((v, k) => v === matrix[k])) return;
      if (map!.isMoving() && now - was.at < CULL_MS) return;
    }
    drawn = culler.cull(points.xy, visible, { matrix, width, height }, dedupe, indices);
    culledFor = { matrix: Float64Array.from(matrix), width, height, dedupe, at: now };
    g.bufferSubData(g.ELEMENT_ARRAY_BUFFER, 0, indices, 0, drawn);
  }

  const layer: EventPointsLayer = {
    id: POINTS_LAYER,
    type: "custom",
    renderingMode: "2d",
    points,
    get visible() {
      return visible;
    },
    onAdd(m, context) {
      map = m;
      gl = context;
      // onAdd runs outside MapLibre's render pass, which caches GL bindings: put back what was bound.
      const was = {
        array: gl.getParameter(gl.ARRAY_BUFFER_BINDING) as WebGLBuffer | null,
        vao: gl.getParameter(gl.VERTEX_ARRAY_BINDING) as WebGLVertexArrayObject | null,
        texture: gl.getParameter(gl.TEXTURE_BINDING_2D) as WebGLTexture | null,
        premultiply: gl.getParameter(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL) as boolean,
      };
      const p = gl.createProgram()!;
      shaders = [compile(gl, gl.VERTEX_SHADER, VERTEX), compile(gl, gl.FRAGMENT_SHADER, FRAGMENT)];
      for (const sh of shaders) gl.attachShader(p, sh);
      gl.bindAttribLocation(p, A_POS, "a_pos");
      gl.bindAttribLocation(p, A_INFO, "a_info");
      gl.linkProgram(p);
      program = p;
      vao = gl.createVertexArray();
      gl.bindVertexArray(vao);
      const attribute = (loc: number, data: ArrayBufferView, size: number, type: number, usage: number) => {
        const buffer = gl!.createBuffer();
        buffers.push(buffer);
        gl!.bindBuffer(gl!.ARRAY_BUFFER, buffer);
        gl!.bufferData(gl!.ARRAY_BUFFER, data, usage);
        gl!.enableVertexAttribArray(loc);
        gl!.vertexAttribPointer(loc, size, type, false, 0, 0);
        return buffer;
      };
      attribute(A_POS, points.xy, 2, gl.FLOAT, gl.STATIC_DRAW);
      const info = new Uint8Array(2 * points.count);
      for (let i = 0; i < points.count; i++) (info[2 * i] = points.category[i]!), (info[2 * i + 1] = points.flags[i]!);
      attribute(A_INFO, info, 2, gl.UNSIGNED_BYTE, gl.STATIC_DRAW);
      indexBuffer = gl.createBuffer();
      buffers.push(indexBuffer);
      gl.bindBuffer(gl.ELEMENT_ARRAY_BUFFER, indexBuffer); // kept by the vertex array
      gl.bufferData(gl.ELEMENT_ARRAY_BUFFER, indices.byteLength, gl.DYNAMIC_DRAW);
      m.on("moveend", repaint);
      atlas = gl.createTexture();
      gl.bindTexture(gl.TEXTURE_2D, atlas);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, iconAtlas());

      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.LINEAR);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
      gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
      gl.bindVertexArray(was.vao);
      gl.bindBuffer(gl.ARRAY_BUFFER, was.array);
      gl.bindTexture(gl.TEXTURE_2D, was.texture);
      gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, was.premultiply);
    },
    render(context: WebGL2RenderingContext, args: CustomRenderMethodInput) {
      // Added while the basemap loads, the points wait for start(): drawn in every frame of that
      // loading (~0.1 s each, software-drawn), and in the frame that completes it (which MapLibre
      // always follows with one more, to settle the labels), they would only make it later.
      if (!program || !map || !started) return;
      painted = true;
      if (points.count === 0) return;
      const g = context;
      if (!uniforms) {
        if (!g.getProgramParameter(program, g.LINK_STATUS) && !g.isContextLost()) {
          console.error(`event points program: ${g.getProgramInfoLog(program)} ${shaders.map((sh) => g.getShaderInfoLog(sh)).join(" ")}`);
          program = null;
          return;
        }
        const p = program;
        uniforms = Object.fromEntries(["u_matrix", "u_zoom", "u_icon_zoom", "u_ratio", "u_colors", "u_atlas", "u_categories", "u_pass"].map((u) => [u, g.getUniformLocation(p, u)]));
      }
      const matrix = args.defaultProjectionData.mainMatrix as Float32Array;
      g.bindVertexArray(vao);
      cull(g, matrix);
      g.useProgram(program);
      g.uniformMatrix4fv(uniforms.u_matrix!, false, matrix);
      g.uniform1f(uniforms.u_zoom!, map.getZoom());
      g.uniform1f(uniforms.u_icon_zoom!, iconZoom);
      g.uniform1f(uniforms.u_ratio!, map.getPixelRatio());
      g.uniform3fv(uniforms.u_colors!, colors);
      g.uniform1f(uniforms.u_categories!, CATEGORY_ORDER.length);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, atlas);
      g.uniform1i(uniforms.u_atlas!, 0);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      g.uniform1f(uniforms.u_pass!, 0);
      g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      if (map.getZoom() >= iconZoom) {
        g.uniform1f(uniforms.u_pass!, 1);
        g.drawElements(g.POINTS, drawn, g.UNSIGNED_INT, 0);
      }
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
    },
    onRemove(m, context) {
      m.off("moveend", repaint);
      context.deleteProgram(program);
      for (const sh of shaders.splice(0)) context.deleteShader(sh);
      uniforms = null;
      context.deleteVertexArray(vao);
      context.deleteTexture(atlas);
      for (const b of buffers.splice(0)) context.deleteBuffer(b);
      program = vao = atlas = indexBuffer = null;
      map = gl = null;
    },
    setVisible(v) {
      visible = v;
      culledFor = null;
      if (started) map?.triggerRepaint();
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
