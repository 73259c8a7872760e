/**
 * Debian's Chromium, for the browser tests, the bench and the screenshot. npm's own browser
 * downloads don't work on this kind of machine, so we drive /usr/bin/chromium; when it is missing
 * we install it if we are root (CI), and otherwise stop with a one-line instruction. Never a
 * silent skip. It lives in src/cli/ because the bench and the screenshot script use it, and src/
 * never imports tests/ (tests/layers.test.ts checks that).
 */
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Without the networking flags Chromium stalls on a closed network; SwiftShader gives WebGL2
 * without a GPU, which MapLibre needs. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-default-apps",
  "--disable-extensions",
  "--use-angle=swiftshader",
  "--enable-unsafe-swiftshader",
];

export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root)
    throw new Error(
      `Chromium not found at ${CHROMIUM}: run "sudo apt-get install -y chromium" (or set CHROMIUM_PATH), then npm test again.`,
    );
  console.log("[browser tests] installing Debian's chromium (non-interactive)…");
  execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!existsSync(CHROMIUM)) throw new Error(`Installing chromium did not produce ${CHROMIUM}.`);
}

/** Headless Chromium with the flags above. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}
