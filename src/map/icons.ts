/** Rasterises each category's shape (the same SVG path the legend draws) into a map icon, and a
 * hollow, dashed one for expected events (`cat-<category>-expected`). */
import type { Map as MapLibreMap } from "maplibre-gl";
import { CATEGORY_STYLE, type CategoryStyle } from "../model/category-style.ts";

const SIZE = 24;

export function addCategoryIcons(
  map: MapLibreMap,
  pixelRatio = Math.max(2, Math.ceil(window.devicePixelRatio || 1)),
): void {
  for (const [category, style] of Object.entries(CATEGORY_STYLE)) {
    for (const hollow of [false, true]) {
      const id = `cat-${category}${hollow ? "-expected" : ""}`;
      if (map.hasImage(id)) continue;
      const px = SIZE * pixelRatio;
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = px;
      const ctx = canvas.getContext("2d");
      if (!ctx) continue;
      drawCategoryShape(ctx, style, 0, 0, px, hollow);
      map.addImage(id, ctx.getImageData(0, 0, px, px), { pixelRatio });
    }
  }
}

/** Draws a category's shape, filled in its colour with a white outline, into the px × px square
 * at (x, y): the map's icons and the point layer's atlas (point-atlas.ts) both come from here. */
export function drawCategoryShape(
  ctx: CanvasRenderingContext2D,
  style: CategoryStyle,
  x: number,
  y: number,
  px: number,
  hollow = false,
): void {
  // Leave room for the white outline so it is not clipped at the square's edge.
  const inset = 0.12;
  ctx.setTransform(1, 0, 0, 1, x + (px * inset) / 2, y + (px * inset) / 2);
  ctx.scale((px * (1 - inset)) / SIZE, (px * (1 - inset)) / SIZE);
  const path = new Path2D(style.shape);
  ctx.lineJoin = "round";
  ctx.lineWidth = 3;
  ctx.strokeStyle = "#ffffff";
  ctx.stroke(path);
  if (hollow) {
    // Announced, not happened: white inside, the category's colour as a dashed outline.
    ctx.fillStyle = "#ffffff";
    ctx.fill(path);
    ctx.setLineDash([3, 2]);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = style.color;
    ctx.stroke(path);
    ctx.setLineDash([]);
  } else {
    ctx.fillStyle = style.color;
    ctx.fill(path);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}
