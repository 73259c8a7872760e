/** Rasterises each category's shape (the same SVG path the legend draws) into a map icon. */
import type { Map as MapLibreMap } from "maplibre-gl";
import { CATEGORY_STYLE } from "../model/category-style.ts";

const SIZE = 24;

export function addCategoryIcons(map: MapLibreMap, pixelRatio = Math.max(2, Math.ceil(window.devicePixelRatio || 1))): void {
  for (const [category, style] of Object.entries(CATEGORY_STYLE)) {
    const id = `cat-${category}`;
    if (map.hasImage(id)) continue;
    const px = SIZE * pixelRatio;
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = px;
    const ctx = canvas.getContext("2d");
    if (!ctx) continue;
    // Leave room for the white outline so it is not clipped at the canvas edge.
    const inset = 0.12;
    ctx.translate(px * inset / 2, px * inset / 2);
    ctx.scale((px * (1 - inset)) / SIZE, (px * (1 - inset)) / SIZE);
    const path = new Path2D(style.shape);
    ctx.lineJoin = "round";
    ctx.lineWidth = 3;
    ctx.strokeStyle = "#ffffff";
    ctx.stroke(path);
    ctx.fillStyle = style.color;
    ctx.fill(path);
    map.addImage(id, ctx.getImageData(0, 0, px, px), { pixelRatio });
  }
}
