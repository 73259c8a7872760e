/**
 * "Save as image": the current view as a PNG, made in the browser from the map as drawn and the
 * view's words (layout: src/model/share/view-image.ts). Text is drawn with fillText, as text.
 */
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { leadCitation } from "../model/evidence/lead.ts";
import { dayWords, scopeWords } from "../model/query/filter-words.ts";
import { quoteLine } from "../model/share/quote-line.ts";
import { SITE_NAME } from "../model/share/page-head.ts";
import { type DrawOp, type ViewImageInput, viewImageLayout } from "../model/share/view-image.ts";
import type { Category } from "../model/types.ts";
import type { AppState } from "../state/app-state.ts";
import { filterNames } from "./ActiveFilters.tsx";
import { takeSnapshot } from "./map-snapshot.ts";

/** The categories among the events shown, in the legend's order. */
function legendOf(s: AppState): ViewImageInput["legend"] {
  const shown = new Set<Category>();
  for (const i of s.visibleChronological()) {
    const c = s.events()[i]?.properties.category;
    if (c) shown.add(c);
  }
  return (Object.keys(CATEGORY_STYLE) as Category[])
    .filter((c) => shown.has(c))
    .map((c) => ({ category: c, label: CATEGORY_STYLE[c].label }));
}

function eventOf(s: AppState): ViewImageInput["event"] {
  const e = s.selected();
  const index = s.data()?.index;
  if (!e || !index) return undefined;
  const lead = leadCitation(index, e);
  const src = lead && index.sourceById.get(lead.citation.source);
  return {
    title: e.properties.title,
    quote: lead ? quoteLine(lead.citation.exact) : null,
    cite: src ? [src.outlet ?? src.title, dayWords(src.published.date)].join(", ") : null,
  };
}

/** What the image says, from the state and the page. */
export function viewImageInput(s: AppState, map: HTMLCanvasElement, cssWidth: number) {
  const attribution =
    document.querySelector(".maplibregl-ctrl-attrib-inner")?.textContent?.trim() ?? "";
  const shown = `${s.visibleSet().size.toLocaleString("en")} of ${s.events().length.toLocaleString("en")} events`;
  return {
    mapWidth: map.width,
    mapHeight: map.height,
    scale: map.width / Math.max(1, cssWidth),
    title: SITE_NAME,
    scope: `${shown} · ${scopeWords(s.view.filters, filterNames(s))}`,
    legend: legendOf(s),
    attribution: attribution ? `Map: ${attribution}` : "",
    event: eventOf(s),
    saved: `Saved ${dayWords(new Date().toISOString().slice(0, 10))} from ${location.href}`,
  } satisfies ViewImageInput;
}

function draw(ctx: CanvasRenderingContext2D, op: DrawOp, map: HTMLCanvasElement): void {
  if (op.kind === "rect") {
    ctx.fillStyle = op.fill;
    ctx.fillRect(op.x, op.y, op.w, op.h);
  } else if (op.kind === "map") ctx.drawImage(map, op.x, op.y, op.w, op.h);
  else if (op.kind === "text") {
    ctx.font = op.font;
    ctx.fillStyle = op.fill;
    ctx.fillText(op.text, op.x, op.y);
  } else {
    const style = CATEGORY_STYLE[op.category];
    ctx.save();
    ctx.translate(op.x, op.y);
    ctx.scale(op.size / 24, op.size / 24);
    const path = new Path2D(style.shape);
    ctx.fillStyle = op.hollow ? "#ffffff" : style.color;
    ctx.strokeStyle = op.hollow ? style.color : "#ffffff";
    ctx.lineWidth = 2;
    ctx.fill(path);
    ctx.stroke(path);
    ctx.restore();
  }
}

/** The view as a PNG, or null when there is no map to draw. */
export async function viewPng(s: AppState, mapElement: HTMLElement | null): Promise<Blob | null> {
  const map = await takeSnapshot();
  if (!map) return null;
  const input = viewImageInput(s, map, mapElement?.clientWidth ?? map.width);
  const canvas = document.createElement("canvas");
  const ctx = canvas.getContext("2d");
  if (!ctx) return null;
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = viewImageLayout(input, measure);
  canvas.width = layout.width;
  canvas.height = layout.height;
  for (const op of layout.ops) draw(ctx, op, map);
  return new Promise((done) => canvas.toBlob(done, "image/png"));
}
