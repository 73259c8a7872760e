/**
 * The committed icons (public/icons/, made by `npm run icons`, src/cli/icons.ts) are PNGs of the
 * sizes the manifest and index.html announce. Read from the PNG's own header (IHDR).
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { MANIFEST } from "../../src/build/pwa.ts";
import { ICONS, iconPage } from "../../src/cli/icons.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const PNG_SIGNATURE = "89504e470d0a1a0a";

/** Width, height and colour type from a PNG's IHDR chunk, the first after the signature. */
function pngHeader(file: string) {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).toString("hex"), `${file} is a PNG`).toBe(PNG_SIGNATURE);
  expect(b.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20), colourType: b[25] };
}

describe("the app's icons", () => {
  it.each(ICONS)("public/icons/$file is a $size×$size PNG", ({ file, size, maskable }) => {
    const h = pngHeader(resolve(ROOT, "public/icons", file));
    expect([h.width, h.height]).toEqual([size, size]);
    // The "any" icons keep the favicon's transparent corners: an alpha channel.
    if (!maskable) expect(h.colourType).toBe(6);
  });

  it("every icon the manifest names is one of them, with the size it says", () => {
    for (const icon of MANIFEST.icons) {
      const spec = ICONS.find((i) => `icons/${i.file}` === icon.src);
      expect(spec, icon.src).toBeDefined();
      expect(icon.sizes).toBe(`${spec!.size}x${spec!.size}`);
      expect(spec!.maskable).toBe(icon.purpose === "maskable");
    }
  });

  it("index.html's touch icon is one of them", () => {
    const html = readFileSync(resolve(ROOT, "index.html"), "utf8");
    const href = /<link rel="apple-touch-icon" href="([^"]+)"/.exec(html)?.[1];
    expect(href && existsSync(resolve(ROOT, "public", href))).toBe(true);
  });

  it("a maskable icon fills its square and keeps the favicon inside the safe zone", () => {
    const svg = readFileSync(resolve(ROOT, "public/favicon.svg"), "utf8");
    const page = iconPage(svg, { file: "m.png", size: 500, maskable: true });
    expect(page).toContain("background:#1f2937");
    expect(page).toContain('<svg width="400" height="400" ');
    const plain = iconPage(svg, { file: "a.png", size: 192, maskable: false });
    expect(plain).toContain("background:transparent");
    expect(plain).toContain('<svg width="192" height="192" ');
  });
});
