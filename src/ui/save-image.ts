/**
 * "Save as image": the current view as a PNG, made in the browser from the map as drawn and the
 * view's words (layout: src/model/share/view-image.ts). Text is drawn with fillText, as text.
 */
import { CATEGORY_STYLE } from "../model/category-style.ts";
import { leadCitation } from "../model/evidence/lead.ts";
import { formatDay } from "../model/event-words.ts";
import { image as imageEn } from "../model/i18n/en/image.ts";
import { scope as scopeEn } from "../model/i18n/en/scope.ts";
import { image as imageEs } from "../model/i18n/es/image.ts";
import { scope as scopeEs } from "../model/i18n/es/scope.ts";
import type { Lang } from "../model/i18n/lang.ts";
import { localized } from "../model/i18n/localized.ts";
import { scopeWords } from "../model/query/filter-words.ts";
import { quoteLine } from "../model/share/quote-line.ts";
import { type DrawOp, type ViewImageInput, viewImageLayout } from "../model/share/view-image.ts";
import type { Category } from "../model/types.ts";
import type { AppState } from "../state/app-state.ts";
import type { I18n } from "../state/i18n.ts";
import { filterNames } from "./ActiveFilters.tsx";
import { takeSnapshot } from "./map-snapshot.ts";

/** The categories among the events shown, in the legend's order. */
function legendOf(s: AppState, names: Record<Category, string>): ViewImageInput["legend"] {
  const shown = new Set<Category>();
  for (const i of s.visibleChronological()) {
    const c = s.events()[i]?.properties.category;
    if (c) shown.add(c);
  }
  return (Object.keys(CATEGORY_STYLE) as Category[])
    .filter((c) => shown.has(c))
    .map((c) => ({ category: c, label: names[c] }));
}

function eventOf(s: AppState, lang: Lang): ViewImageInput["event"] {
  const e = s.selected();
  const index = s.data()?.index;
  if (!e || !index) return undefined;
  const lead = leadCitation(index, e);
  const src = lead && index.sourceById.get(lead.citation.source);
  return {
    // A title without a translation is drawn as written: an image has no room for a mark.
    title: localized(e.properties.title, e.properties.i18n, "title", lang).text,
    quote: lead ? quoteLine(lead.citation.exact) : null,
    cite: src ? [src.outlet ?? src.title, formatDay(src.published.date, lang)].join(", ") : null,
  };
}

/** What the image says, from the state and the page, in the language shown. */
export function viewImageInput(
  s: AppState,
  map: HTMLCanvasElement,
  cssWidth: number,
  { t, lang }: I18n,
) {
  const attribution =
    document.querySelector(".maplibregl-ctrl-attrib-inner")?.textContent?.trim() ?? "";
  const words = lang() === "es" ? { ...imageEs, ...scopeEs } : { ...imageEn, ...scopeEn };
  const day = (iso: string) => formatDay(iso, lang());
  const names = filterNames(s, t("categories"), t("status.label"));
  const shown = words.shown(s.visibleSet().size, s.events().length);
  return {
    mapWidth: map.width,
    mapHeight: map.height,
    scale: map.width / Math.max(1, cssWidth),
    title: words.title,
    scope: `${shown} · ${scopeWords(s.view.filters, names, words, day)}`,
    legend: legendOf(s, t("categories")),
    attribution: attribution ? words.map(attribution) : "",
    event: eventOf(s, lang()),
    saved: words.saved(day(new Date().toISOString().slice(0, 10)), location.href),
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
export async function viewPng(
  s: AppState,
  mapElement: HTMLElement | null,
  i18n: I18n,
): Promise<Blob | null> {
  const map = await takeSnapshot();
  if (!map) return null;
  const input = viewImageInput(s, map, mapElement?.clientWidth ?? map.width, i18n);
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
