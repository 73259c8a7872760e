/**
 * The point layer's drawing in one WebGL2 context: its program, the points' buffers (uploaded once),
 * the icon atlas's texture, and a draw of the chosen points and the selected marker. Which context,
 * when and which points are the layer's choice (event-points.ts).
 */
import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { FeatureCollection } from "geojson";
import {
  CATEGORY_ORDER,
  mercatorX,
  mercatorY,
  type PointBuffers,
} from "../model/markers/point-buffers.ts";
import { atlasTexture } from "./point-atlas.ts";
import { FRAGMENT, VERTEX } from "./point-shaders.ts";

const rgb = (hex: string) => [1, 3, 5].map((k) => parseInt(hex.slice(k, k + 2), 16) / 255);

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

/** Where the selected event's marker is (Web Mercator, 0–1) and its category's index in
 * CATEGORY_ORDER. */
export interface SelectedMarker {
  x: number;
  y: number;
  category: number;
}

/** The view of MapLibre's last frame, which a drawing of the points alone reuses. */
export interface Frame {
  matrix: Float32Array;
  zoom: number;
  ratio: number;
}

/** The points' program, buffers and icon atlas in one WebGL context. */
export interface Painter {
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

type Uniforms = Record<(typeof UNIFORMS)[number], WebGLUniformLocation | null>;

/** The program, its compiling and linking queued (see compile). */
function makeProgram(g: WebGL2RenderingContext): {
  program: WebGLProgram;
  shaders: WebGLShader[];
} {
  const program = g.createProgram()!;
  const shaders = [compile(g, g.VERTEX_SHADER, VERTEX), compile(g, g.FRAGMENT_SHADER, FRAGMENT)];
  for (const sh of shaders) g.attachShader(program, sh);
  g.bindAttribLocation(program, A_POS, "a_pos");
  g.bindAttribLocation(program, A_INFO, "a_info");
  g.linkProgram(program);
  return { program, shaders };
}

/** The uniforms' locations, once the program is known to have linked (see compile); null, with
 * the logs on the console, when it did not. */
function uniformsOf(
  g: WebGL2RenderingContext,
  program: WebGLProgram,
  shaders: WebGLShader[],
): Uniforms | null {
  if (!g.getProgramParameter(program, g.LINK_STATUS) && !g.isContextLost()) {
    console.error(
      `event points program: ${g.getProgramInfoLog(program)} ${shaders.map((sh) => g.getShaderInfoLog(sh)).join(" ")}`,
    );
    return null;
  }
  return Object.fromEntries(UNIFORMS.map((u) => [u, g.getUniformLocation(program, u)])) as Uniforms;
}

/** The points' vertex array (positions, category and flags, and the index buffer that the chosen
 * points are uploaded to) and the selected marker's (one point, rewritten when it changes). */
interface VertexArrays {
  points: WebGLVertexArrayObject;
  selected: WebGLVertexArrayObject;
  selectedBuffer: WebGLBuffer;
  /** Every buffer made, for dispose. */
  buffers: WebGLBuffer[];
}

function makeVertexArrays(g: WebGL2RenderingContext, points: PointBuffers): VertexArrays {
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
  return { points: vao, selected: selectedVao, selectedBuffer, buffers };
}

/** The uniforms that hold for every pass of a frame. */
function setFrameUniforms(
  g: WebGL2RenderingContext,
  uniforms: Uniforms,
  f: Frame,
  iconZoom: number,
  colors: Float32Array,
): void {
  g.uniformMatrix4fv(uniforms.u_matrix, false, f.matrix);
  g.uniform1f(uniforms.u_zoom, f.zoom);
  g.uniform1f(uniforms.u_icon_zoom, iconZoom);
  g.uniform1f(uniforms.u_ratio, f.ratio);
  g.uniform3fv(uniforms.u_colors, colors);
  g.uniform1f(uniforms.u_categories, CATEGORY_ORDER.length);
}

export function makePainter(g: WebGL2RenderingContext, points: PointBuffers): Painter {
  const colors = new Float32Array(CATEGORY_ORDER.flatMap((c) => rgb(CATEGORY_STYLE[c].color)));
  const { program, shaders } = makeProgram(g);
  const arrays = makeVertexArrays(g, points);
  const atlas = atlasTexture(g);
  let uniforms: Uniforms | null = null;
  let failed = false;
  let uploaded = -1;
  let selectedAt: SelectedMarker | null = null;

  /** The selected marker, over the points (its vertex rewritten when it changed). */
  function drawSelected(u: Uniforms, selected: SelectedMarker): void {
    g.bindVertexArray(arrays.selected);
    if (selected !== selectedAt) {
      g.bindBuffer(g.ARRAY_BUFFER, arrays.selectedBuffer);
      g.bufferSubData(
        g.ARRAY_BUFFER,
        0,
        new Float32Array([selected.x, selected.y, selected.category, 0]),
      );
      selectedAt = selected;
    }
    g.uniform1f(u.u_pass, 2);
    g.drawArrays(g.POINTS, 0, 1);
  }

  return {
    gl: g,
    draw(f, iconZoom, indices, drawn, version, selected) {
      if (failed) return false;
      if (!uniforms) {
        uniforms = uniformsOf(g, program, shaders);
        if (!uniforms) {
          failed = true;
          return false;
        }
      }
      g.useProgram(program);
      setFrameUniforms(g, uniforms, f, iconZoom, colors);
      g.activeTexture(g.TEXTURE0);
      g.bindTexture(g.TEXTURE_2D, atlas);
      g.uniform1i(uniforms.u_atlas, 0);
      g.enable(g.BLEND);
      g.blendFunc(g.ONE, g.ONE_MINUS_SRC_ALPHA);
      g.bindVertexArray(arrays.points);
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
      if (selected) drawSelected(uniforms, selected);
      g.bindVertexArray(null);
      g.bindTexture(g.TEXTURE_2D, null);
      return true;
    },
    dispose() {
      g.deleteProgram(program);
      for (const sh of shaders) g.deleteShader(sh);
      g.deleteVertexArray(arrays.points);
      g.deleteVertexArray(arrays.selected);
      g.deleteTexture(atlas);
      for (const b of arrays.buffers) g.deleteBuffer(b);
    },
  };
}

/** The selected event's marker, as the point layer draws it: its point feature (a route's or an
 * area's marker for those), as MapLibre's selected-marker layer would take it. */
export function selectedMarker(selection: FeatureCollection | null): SelectedMarker | null {
  const f = selection?.features.find((x) => x.geometry?.type === "Point");
  if (f?.geometry.type !== "Point") return null;
  const [lng, lat] = f.geometry.coordinates;
  const category = CATEGORY_ORDER.indexOf(f.properties?.category);
  return { x: mercatorX(lng!), y: mercatorY(lat!), category: Math.max(0, category) };
}
