/**
 * "Save as image": the layout of a PNG of the current view, as a list of drawing operations that
 * the UI runs on a canvas (src/ui/save-image.ts). Above the map, the title and what is shown in
 * words (count, dates, filters); below it, the open event's title and lead quote, the legend of
 * the categories shown, and the map's attribution, so the image stands on its own in a report.
 * Pure: text is measured by the caller (`measure`), so the layout is tested without a canvas.
 */
import type { Category } from "../types.ts";

export interface ViewImageInput {
  /** The map's image, in device pixels, and device pixels per CSS pixel. */
  mapWidth: number;
  mapHeight: number;
  scale: number;
  title: string;
  /** "12 of 39 events · 1 Nov 2025 – 31 Dec 2025 · Raid". */
  scope: string;
  legend: { category: Category; label: string; hollow?: boolean }[];
  attribution: string;
  event?: { title: string; quote: string | null; cite: string | null } | undefined;
  /** "Saved 6 Dec 2026 from <link>". */
  saved: string;
}

export type DrawOp =
  | { kind: "rect"; x: number; y: number; w: number; h: number; fill: string }
  | { kind: "text"; text: string; x: number; y: number; font: string; fill: string }
  | { kind: "map"; x: number; y: number; w: number; h: number }
  | { kind: "symbol"; category: Category; hollow: boolean; x: number; y: number; size: number };

export type Measure = (text: string, font: string) => number;

const INK = "#1f2328";
const MUTED = "#5b636d";
const font = (px: number, scale: number, weight = 400) =>
  `${weight} ${Math.round(px * scale)}px "Noto Sans", system-ui, sans-serif`;

/** Lines no wider than `max`, broken at spaces (a word wider than a line stands alone). */
export function wrapText(text: string, f: string, max: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (line && measure(next, f) > max) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/** Text blocks stacked from `y`: returns the ops and the y below them. */
function stack(
  blocks: { text: string; size: number; weight?: number; fill?: string; gap?: number }[],
  x: number,
  y: number,
  max: number,
  scale: number,
  measure: Measure,
): { ops: DrawOp[]; y: number } {
  const ops: DrawOp[] = [];
  for (const b of blocks) {
    const f = font(b.size, scale, b.weight);
    y += (b.gap ?? 0) * scale;
    for (const line of wrapText(b.text, f, max, measure)) {
      y += b.size * 1.35 * scale;
      ops.push({
        kind: "text",
        text: line,
        x,
        y: y - b.size * 0.3 * scale,
        font: f,
        fill: b.fill ?? INK,
      });
    }
  }
  return { ops, y };
}

/** The legend's entries in rows: a symbol and a label each, wrapped to the width. */
function legendOps(input: ViewImageInput, x: number, y: number, max: number, measure: Measure) {
  const k = input.scale;
  const f = font(13, k);
  const ops: DrawOp[] = [];
  const row = 22 * k;
  let cx = x;
  y += row;
  for (const item of input.legend) {
    const w = 18 * k + measure(item.label, f) + 16 * k;
    if (cx > x && cx + w > x + max) {
      cx = x;
      y += row;
    }
    ops.push({
      kind: "symbol",
      category: item.category,
      hollow: !!item.hollow,
      x: cx,
      y: y - 13 * k,
      size: 14 * k,
    });
    ops.push({ kind: "text", text: item.label, x: cx + 18 * k, y: y - 2 * k, font: f, fill: INK });
    cx += w;
  }
  return { ops, y: input.legend.length ? y : y - row };
}

export function viewImageLayout(input: ViewImageInput, measure: Measure) {
  const k = input.scale;
  const pad = 16 * k;
  const width = input.mapWidth;
  const max = width - 2 * pad;
  const head = stack(
    [
      { text: input.title, size: 20, weight: 700 },
      { text: input.scope, size: 14, fill: MUTED, gap: 2 },
    ],
    pad,
    pad / 2,
    max,
    k,
    measure,
  );
  const mapY = head.y + pad / 2;
  const ops: DrawOp[] = [
    ...head.ops,
    { kind: "map", x: 0, y: mapY, w: input.mapWidth, h: input.mapHeight },
  ];
  let y = mapY + input.mapHeight + pad / 2;
  if (input.event) {
    const ev = input.event;
    const quote = ev.quote ? `“${ev.quote}”${ev.cite ? ` — ${ev.cite}` : ""}` : "";
    const s = stack(
      [
        { text: ev.title, size: 17, weight: 700 },
        ...(quote ? [{ text: quote, size: 14, gap: 2 }] : []),
      ],
      pad,
      y,
      max,
      k,
      measure,
    );
    ops.push(...s.ops);
    y = s.y + pad / 2;
  }
  const legend = legendOps(input, pad, y, max, measure);
  ops.push(...legend.ops);
  const foot = stack(
    [
      { text: input.attribution, size: 11, fill: MUTED, gap: 6 },
      { text: input.saved, size: 11, fill: MUTED },
    ],
    pad,
    legend.y,
    max,
    k,
    measure,
  );
  ops.push(...foot.ops);
  const height = Math.ceil(foot.y + pad);
  return {
    width,
    height,
    ops: [{ kind: "rect", x: 0, y: 0, w: width, h: height, fill: "#ffffff" } as DrawOp, ...ops],
  };
}
