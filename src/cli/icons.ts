/**
 * Renders the app's icons (public/icons/*.png, committed) from public/favicon.svg with Chromium,
 * so they are made again the same way whenever the favicon changes: `npm run icons`.
 *
 * The "any" icons are the favicon as drawn, its rounded corners transparent. A maskable icon is
 * cropped to a shape by the device (a circle, a squircle), anything outside the middle 80 % may
 * be cut off: it is the favicon's dark ground filling the whole square with the favicon scaled
 * into that safe zone.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { launchChromium } from "./chromium.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SVG = join(ROOT, "public/favicon.svg");
const OUT = join(ROOT, "public/icons");

/** The favicon's own ground (public/favicon.svg). */
const GROUND = "#1f2937";
/** How much of a maskable icon's side the favicon takes: inside the safe zone. */
const MASKABLE_SCALE = 0.8;

export interface IconSpec {
  file: string;
  size: number;
  maskable: boolean;
}

export const ICONS: IconSpec[] = [
  { file: "icon-192.png", size: 192, maskable: false },
  { file: "icon-512.png", size: 512, maskable: false },
  { file: "maskable-512.png", size: 512, maskable: true },
  // iOS's home screen ignores the manifest's icons and crops its own corners: the maskable look.
  { file: "apple-touch-icon-180.png", size: 180, maskable: true },
];

/** The page that draws one icon: the SVG, as markup, sized to fill (or, maskable, to fit). */
export function iconPage(svg: string, spec: IconSpec): string {
  const side = spec.maskable ? Math.round(spec.size * MASKABLE_SCALE) : spec.size;
  const ground = spec.maskable ? GROUND : "transparent";
  const sized = svg.replace("<svg ", `<svg width="${side}" height="${side}" `);
  return `<!doctype html><html><body style="margin:0;width:${spec.size}px;height:${spec.size}px;display:grid;place-items:center;background:${ground}">${sized}</body></html>`;
}

async function main(): Promise<void> {
  const svg = readFileSync(SVG, "utf8");
  mkdirSync(OUT, { recursive: true });
  const browser = await launchChromium();
  try {
    for (const spec of ICONS) {
      const page = await browser.newPage({
        viewport: { width: spec.size, height: spec.size },
        deviceScaleFactor: 1,
      });
      await page.setContent(iconPage(svg, spec));
      const png = await page.screenshot({ omitBackground: !spec.maskable });
      writeFileSync(join(OUT, spec.file), png);
      await page.close();
      console.log(`public/icons/${spec.file}: ${spec.size}×${spec.size}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
