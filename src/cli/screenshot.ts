/**
 * `npm run screenshot`: the README's picture, docs/screenshot.png, taken from the built site, so
 * that it shows what the app is today. Builds nothing itself (the npm script builds first): serves
 * dist/ with vite preview on a free port, opens one event in headless Chromium at 1280×800, waits
 * for the map's readiness signal, then writes the page as a PNG. Nothing leaves 127.0.0.1.
 *
 * The PNG is committed, so it is kept small: each colour channel is rounded to a multiple of 8
 * (invisible at this size) before it is written, which lets deflate find repeats.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { PNG } from "pngjs";
import { preview, type PreviewServer } from "vite";
import { ensureChromium, launchChromium } from "./chromium.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const OUT = join(ROOT, "docs/screenshot.png");
/** The 3 January raid on Caracas, with the passages that report it. The camera is in the link, so
 * the map does not fly while it is taken. */
const VIEW = "#map=6.3/9.9/-67.9&event=caracas-night-raid&v=2";
const SIZE = { width: 1280, height: 800 };
const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/;

/** Rounds each colour channel to a multiple of `step` (alpha left alone). */
function posterize(rgba: Uint8Array, step: number): void {
  for (let i = 0; i < rgba.length; i++) {
    if (i % 4 === 3) continue;
    rgba[i] = Math.min(255, Math.round(rgba[i]! / step) * step);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(ROOT, "dist/index.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm run screenshot does)");
  ensureChromium();
  let server: PreviewServer | undefined;
  const browser = await launchChromium();
  try {
    server = await preview({
      root: ROOT,
      configFile: join(ROOT, "vite.config.ts"),
      logLevel: "warn",
      preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
    });
    const baseUrl = server.resolvedUrls?.local[0];
    if (!baseUrl) throw new Error("vite preview did not report a URL");
    const context = await browser.newContext({ viewport: SIZE, deviceScaleFactor: 1 });
    await context.route("**/*", (route) =>
      LOCAL.test(route.request().url()) ? route.continue() : route.abort("blockedbyclient"),
    );
    const page = await context.newPage();
    await page.goto(new URL(VIEW, baseUrl).href);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    await page.waitForSelector(".event-panel .citation");
    // The legend starts open on a wide screen, over a third of the map: the picture is of the map.
    await page.locator(".legend-toggle").click();
    await page.evaluate(() => document.fonts.ready);
    const png = PNG.sync.read(await page.screenshot({ animations: "disabled" }));
    posterize(png.data, 8);
    mkdirSync(dirname(OUT), { recursive: true });
    const bytes = PNG.sync.write(png, { colorType: 2, deflateLevel: 9 });
    writeFileSync(OUT, bytes);
    process.stderr.write(
      `wrote ${OUT}: ${png.width}×${png.height}, ${Math.round(bytes.byteLength / 1024)} KB\n`,
    );
  } finally {
    await browser.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
  }
}

main().catch((e: Error) => {
  process.stderr.write(`screenshot: ${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
