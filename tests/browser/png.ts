/**
 * Screenshots as pixels, to count the pixels of a colour: pngjs decodes Playwright's PNGs (any
 * bit depth, colour type or interlacing) to 8-bit RGBA.
 */
import { PNG } from "pngjs";

export interface Image {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export function decodePng(buf: Buffer): Image {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, rgba: png.data };
}

const hex = (h: string): [number, number, number] => {
  const n = parseInt(h.replace("#", ""), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};

/** Fraction of pixels within `tol` (per channel) of each colour. */
export function colourFraction(img: Image, colours: string[], tol = 6): number {
  const targets = colours.map(hex);
  let hit = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const r = img.rgba[i * 4]!,
      g = img.rgba[i * 4 + 1]!,
      b = img.rgba[i * 4 + 2]!;
    if (
      targets.some(
        ([tr, tg, tb]) =>
          Math.abs(r - tr) <= tol && Math.abs(g - tg) <= tol && Math.abs(b - tb) <= tol,
      )
    )
      hit++;
  }
  return hit / n;
}

/** Fraction of dark pixels (every channel below `max`): label text, outlines. */
export function darkFraction(img: Image, max = 90): number {
  let hit = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    if (img.rgba[i * 4]! < max && img.rgba[i * 4 + 1]! < max && img.rgba[i * 4 + 2]! < max) hit++;
  }
  return hit / n;
}
