/**
 * The point layer's icon atlas: each category's icon side by side in one canvas, uploaded as the
 * texture its shader samples (a point's category is its column).
 */
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { CATEGORY_ORDER } from "../model/markers/point-buffers.ts";
import { drawCategoryShape } from "./icons.ts";

/** Icon cell size in the atlas, in device pixels. */
const CELL = 48;

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

/** The atlas as a texture in `g`, left bound (premultiplied, as the shader's colours are). */
export function atlasTexture(g: WebGL2RenderingContext): WebGLTexture {
  const atlas = g.createTexture();
  g.bindTexture(g.TEXTURE_2D, atlas);
  g.pixelStorei(g.UNPACK_PREMULTIPLY_ALPHA_WEBGL, true);
  g.texImage2D(g.TEXTURE_2D, 0, g.RGBA, g.RGBA, g.UNSIGNED_BYTE, iconAtlas());
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MIN_FILTER, g.LINEAR);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_MAG_FILTER, g.LINEAR);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_S, g.CLAMP_TO_EDGE);
  g.texParameteri(g.TEXTURE_2D, g.TEXTURE_WRAP_T, g.CLAMP_TO_EDGE);
  return atlas;
}
