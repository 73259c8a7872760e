/**
 * The preview image as a layout tree for satori (plain objects in the shape of React elements, so
 * the model needs no React): the map underneath, and a card with the category's symbol, the
 * title, the date and the place with their precision, and the site's name.
 */
import { formatEventDate } from "../event-words.ts";
import { localized } from "../i18n/localized.ts";
import type { SituationEvent } from "../types.ts";
import { placePrecision } from "./event-page.ts";
import { type PageLang, pageLang } from "./page-lang.ts";
import type { PlaceLabel } from "./preview-labels.ts";
import type { MapLayout } from "./preview-map.ts";
import { symbolSvg } from "./preview-map.ts";

export interface CardNode {
  type: string;
  props: {
    style?: Record<string, string | number>;
    src?: string;
    width?: number;
    height?: number;
    children?: string | CardNode | (string | CardNode)[];
  };
}

const muted = "#4b5563";

export const PREVIEW_LAYOUT: MapLayout = {
  width: 1200,
  height: 630,
  focus: [560, 40, 1160, 590],
};
const CARD_WIDTH = 500;

export const el = (
  type: string,
  style: Record<string, string | number>,
  children?: string | CardNode | (string | CardNode)[],
): CardNode => ({ type, props: { style, children } });

/** An SVG document as a data URI, for satori's <img>. */
export function svgDataUri(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = "";
  for (let k = 0; k < bytes.length; k += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(k, k + 0x8000));
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** The basemap's credit, as the map shows it (its data is ODbL: the credit must travel with it). */
export const MAP_CREDIT = "© OpenStreetMap contributors · GeoNames · Natural Earth";

/** Long titles are cut at a word, so the card never overflows. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}

function symbolImg(e: SituationEvent): CardNode {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40" viewBox="0 0 40 40">${symbolSvg(e, 20, 20, 34)}</svg>`;
  return { type: "img", props: { src: svgDataUri(svg), width: 40, height: 40 } };
}

/** The card and the map's credit, over a transparent ground that the map shows through. */
export function previewCard(
  e: SituationEvent,
  labels: readonly PlaceLabel[] = [],
  pl: PageLang = pageLang("en"),
): CardNode {
  const p = e.properties;
  const { m, w } = pl;
  const category = m.categories[p.category] ?? p.category;
  const where = e.geometry ? p.place.name : `${p.place.name}${m.event.notPlaced}`;
  const title = localized(p.title, p.i18n, "title", pl.lang).text;
  const status = m.status.label[p.status] ?? p.status;
  return cardFrame(
    [
      el("div", { display: "flex", alignItems: "center", fontSize: 24, color: muted }, [
        symbolImg(e),
        el("span", { marginLeft: 12 }, p.expected ? `${category} · ${w.event.expected}` : category),
      ]),
      el(
        "div",
        { display: "flex", fontSize: 42, fontWeight: 700, lineHeight: 1.2, marginTop: 24 },
        clip(title, 90),
      ),
      el("div", { display: "flex", flexDirection: "column", fontSize: 24, marginTop: 24 }, [
        el(
          "span",
          {},
          `${formatEventDate(p.date, pl.lang, m.dates)} (${m.dates.precision[p.date.precision]})`,
        ),
        el("span", { marginTop: 6 }, clip(`${where} (${placePrecision(p.place, pl)})`, 70)),
      ]),
      el(
        "div",
        { display: "flex", marginTop: 24, fontSize: 20, color: muted },
        `${status} · ${w.head.siteName}`,
      ),
    ],
    labels.flatMap(labelNodes),
  );
}

/** A place's dot and name, set over the map (a place at the event's symbol: its name alone). */
function labelNodes(l: PlaceLabel): CardNode[] {
  const at = (dx: number, dy: number) => ({
    position: "absolute",
    left: Math.round(l.x + dx),
    top: Math.round(l.y + dy),
  });
  const name = el(
    "div",
    {
      ...at(8, -14),
      display: "flex",
      padding: "0 4px",
      borderRadius: 3,
      fontSize: 18,
      color: "#1f2328",
      backgroundColor: "rgba(255,255,255,0.75)",
      fontFamily: "Noto Sans",
    },
    l.name,
  );
  if (l.atSymbol) return [name];
  const dot = el("div", {
    ...at(-4, -4),
    display: "flex",
    width: 8,
    height: 8,
    borderRadius: 4,
    backgroundColor: "#374151",
  });
  return [dot, name];
}

/** The card, with `children` stacked in it, and the map's credit, over a transparent ground;
 * `overlays` (place names) are set over the map, under the card. */
export function cardFrame(children: CardNode[], overlays: CardNode[] = []): CardNode {
  const { width, height } = PREVIEW_LAYOUT;
  const card = el(
    "div",
    {
      position: "absolute",
      left: 0,
      top: 0,
      width: CARD_WIDTH,
      height,
      display: "flex",
      flexDirection: "column",
      padding: "44px 40px",
      backgroundColor: "rgba(255,255,255,0.94)",
      borderRight: "1px solid #d9dde2",
      color: "#1f2328",
      fontFamily: "Noto Sans",
    },
    children,
  );
  const credit = el(
    "div",
    {
      position: "absolute",
      right: 0,
      bottom: 0,
      display: "flex",
      padding: "2px 8px",
      fontSize: 14,
      color: muted,
      backgroundColor: "rgba(255,255,255,0.8)",
      fontFamily: "Noto Sans",
    },
    MAP_CREDIT,
  );
  return el("div", { display: "flex", width, height, position: "relative" }, [
    ...overlays,
    card,
    credit,
  ]);
}
