/**
 * What the point layer draws, as GLSL, and the sizes it draws at. Below the icon zoom a point is a
 * dot in its category colour (white outline, red when disputed; pale when its place is known only
 * roughly); from the icon zoom on, its category icon (the same shapes the legend draws), with a red
 * ring when disputed; the selected event, a halo and its icon a size up. dotRadiusPx and
 * pickRadiusPx repeat the sizes for picking, so that what the pointer hits is what is drawn.
 */
import { CATEGORY_ORDER } from "../model/markers/point-buffers.ts";

/** The icon's size on the map, in CSS pixels (MapLibre's category icons are 24 px at icon-size
 * 0.9). */
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

export const VERTEX = `#version 300 es
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

export const FRAGMENT = `#version 300 es
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
