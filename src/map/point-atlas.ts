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
export function iconAtlas(): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = CELL * CATEGORY_ORDER.length;
  canvas.height = CELL;
  const ctx = canvas.getContext("2d");
  if (!ctx) return canvas;
  for (const [k, category] of CATEGORY_ORDER.entries())
    drawCategoryShape(ctx, CATEGORY_STYLE[category], k * CELL, 0, CELL);
  return canvas;
}
