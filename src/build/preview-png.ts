/**
 * An event's preview image, 1200×630 PNG, with no browser: satori lays out the card
 * (src/model/share/preview-card.ts) and writes its text as SVG paths, and resvg rasterises the
 * result. resvg reads no web fonts (text would be silently missing), so all text goes through
 * satori, which reads the @fontsource .woff files (not .woff2).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { Resvg } from "@resvg/resvg-js";
import satori from "satori";
import { type CardNode, previewCard, PREVIEW_LAYOUT } from "../model/share/preview-card.ts";
import { VENEZUELA_BBOX } from "../model/share/preview-frame.ts";
import { type BasemapPlace, placeLabels } from "../model/share/preview-labels.ts";
import { siteCard } from "../model/share/site-card.ts";
import {
  type BasemapShape,
  overviewMapLayers,
  previewMapLayers,
  svgDocument,
} from "../model/share/preview-map.ts";
import type { SituationEvent } from "../model/types.ts";
import { type PageLang, pageLang } from "../model/share/page-lang.ts";

type Font = { name: string; data: Buffer; weight: 400 | 700; style: "normal" };

let fonts: Font[] | undefined;
function notoSans(): Font[] {
  if (!fonts) {
    const require = createRequire(import.meta.url);
    const dir = join(dirname(require.resolve("@fontsource/noto-sans/package.json")), "files");
    const face = (subset: string, weight: 400 | 700): Font => ({
      name: "Noto Sans",
      data: readFileSync(join(dir, `noto-sans-${subset}-${weight}-normal.woff`)),
      weight,
      style: "normal",
    });
    // Latin for English and Spanish; latin-ext for the rest of the names sources use.
    fonts = [
      face("latin", 400),
      face("latin", 700),
      face("latin-ext", 400),
      face("latin-ext", 700),
    ];
  }
  return fonts;
}

/** The card (satori: text as paths) over the map's layers, rasterised. */
async function render(card: CardNode, mapLayers: string): Promise<Buffer> {
  // satori's types ask for a React element; the tree is that shape, made without React.
  const tree = card as unknown as Parameters<typeof satori>[0];
  const svg = await satori(tree, {
    width: PREVIEW_LAYOUT.width,
    height: PREVIEW_LAYOUT.height,
    fonts: notoSans(),
  });
  return new Resvg(svgDocument(PREVIEW_LAYOUT, mapLayers, svg), { fitTo: { mode: "original" } })
    .render()
    .asPng();
}

/** The basemap as the previews draw it: shapes, and city labels to name the places. */
export interface PreviewBasemap {
  shapes: readonly BasemapShape[];
  places: readonly BasemapPlace[];
}

/** An event's preview, its card in the page's language. */
export function previewPng(
  e: SituationEvent,
  map: PreviewBasemap,
  pl: PageLang = pageLang("en"),
): Promise<Buffer> {
  const labels = placeLabels(e, map.places, PREVIEW_LAYOUT);
  return render(previewCard(e, labels, pl), previewMapLayers(e, map.shapes, PREVIEW_LAYOUT));
}

/** The site's own preview: the region with every placed event, and what the map holds. */
export function sitePng(
  events: readonly SituationEvent[],
  summary: readonly string[],
  shapes: readonly BasemapShape[],
): Promise<Buffer> {
  return render(
    siteCard(summary),
    overviewMapLayers(events, VENEZUELA_BBOX, shapes, PREVIEW_LAYOUT),
  );
}
