/**
 * Serves the BUILT site (dist/, made by `npm run build`, which `npm test` runs first) on
 * 127.0.0.1 for the browser tests, and makes sure Chromium is there.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { ensureChromium } from "./chromium.ts";

let server: PreviewServer | undefined;

export async function setup(project: TestProject) {
  ensureChromium();
  const root = resolve(import.meta.dirname, "../..");
  if (!existsSync(resolve(root, "dist/index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  server = await preview({ root, configFile: resolve(root, "vite.config.ts"), preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false }, logLevel: "warn" });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  project.provide("baseUrl", url);
}

export async function teardown() {
  await server?.close();
}

declare module "vitest" {
  export interface ProvidedContext { baseUrl: string }
}
