/**
 * The place names a preview image shows, so a reader can tell where the event is: the basemap's
 * most important cities in the framed part of the map (not under the card), far enough from
 * each other and from the event's symbol to be read.
 */
import type { SituationEvent } from "../types.ts";
import { eventBbox, fitProjection } from "./preview-frame.ts";
import { type MapLayout, symbolPoint } from "./preview-map.ts";

/** A city label of the embedded basemap: `rank` is the zoom it shows from (lower: bigger place). */
export interface BasemapPlace {
  name: string;
  rank: number;
  pop: number;
  lng: number;
  lat: number;
}

export interface PlaceLabel {
  name: string;
  x: number;
  y: number;
  /** The place is where the event's symbol is: its name goes beside the symbol, with no dot. */
  atSymbol?: boolean;
}

const APART = 110; // px between two labelled places
const CLEAR = 40; // px between a label's dot and the event's symbol
const CARD_RIGHT = 600; // the card covers the image's left part (preview-card.ts)
const CHAR_PX = 10.5; // a name's width per character at the labels' 18 px, roughly

export function placeLabels(
  e: SituationEvent,
  places: readonly BasemapPlace[],
  layout: MapLayout,
  max = 5,
): PlaceLabel[] {
  const proj = fitProjection(eventBbox(e), layout.focus);
  const [, top, , bottom] = layout.focus;
  const symbol = symbolPoint(e, proj.point);
  const far = (a: [number, number], b: [number, number], d: number) =>
    Math.hypot(a[0] - b[0], a[1] - b[1]) >= d;
  const chosen: PlaceLabel[] = [];
  const ranked = [...places].sort((a, b) => a.rank - b.rank || b.pop - a.pop);
  for (const p of ranked) {
    if (chosen.length >= max) break;
    let [x, y] = proj.point(p.lng, p.lat);
    const atSymbol = !!symbol && !far([x, y], symbol, CLEAR);
    if (atSymbol && symbol) [x, y] = [symbol[0] + 20, symbol[1]];
    const width = 16 + p.name.length * CHAR_PX;
    if (x < CARD_RIGHT || x + width > layout.width - 8 || y < top || y > bottom) continue;
    if (chosen.some((c) => !far([x, y], [c.x, c.y], APART))) continue;
    chosen.push(atSymbol ? { name: p.name, x, y, atSymbol } : { name: p.name, x, y });
  }
  return chosen;
}
