/**
 * Serves the BUILT site (dist/, made by `npm run build`, which `npm test` runs first) on
 * 127.0.0.1 for the browser tests, and makes sure Chromium is there.
 *
 * The tests serve a snapshot of dist/ copied at start, not dist/ itself: a `vite build` run
 * while the tests are running (another terminal, a watcher) empties dist/ and would otherwise
 * fail whichever test happens to be loading at that moment.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { preview, type PreviewServer } from "vite";
import type { TestProject } from "vitest/node";
import { writeDataset } from "../../src/cli/generate.ts";
import { ensureChromium } from "../../src/cli/chromium.ts";
import { ensureNginx } from "./nginx.ts";
import { onlineProxy } from "./online-proxy.ts";
import { writeHostileCorpus } from "./hostile-data.ts";

/** A synthetic dataset above the clustering limit, in the compact encoding, served with the
 * snapshot (see scale.test.ts). */
export const SCALE_DATASET = { path: "data/synthetic/scale-test-10k.vsmb", count: 10_000, seed: 7 };

let server: PreviewServer | undefined;
let snapshot: string | undefined;

/** Copies dist/ and checks the copy is a whole build (index.html and every asset it names). */
async function snapshotDist(dist: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const dir = mkdtempSync(join(tmpdir(), "vsm-dist-"));
    try {
      cpSync(dist, dir, { recursive: true });
      const html = readFileSync(join(dir, "index.html"), "utf8");
      const assets = [...html.matchAll(/(?:src|href)="\.?\/?(assets\/[^"]+)"/g)].map((m) => m[1]!);
      if (assets.length > 0 && assets.every((a) => existsSync(join(dir, a)))) return dir;
    } catch {
      /* dist/ changed under us: try again */
    }
    rmSync(dir, { recursive: true, force: true });
    if (attempt >= 30)
      throw new Error("dist/ never looked like a complete build (is a `vite build` stuck?)");
    await sleep(2000);
  }
}

export async function setup(project: TestProject) {
  ensureChromium();
  ensureNginx(); // for nginx.test.ts: an install here has no hook timeout
  const root = resolve(import.meta.dirname, "../..");
  if (!existsSync(resolve(root, "dist/index.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does).");
  snapshot = await snapshotDist(resolve(root, "dist"));
  await writeDataset(join(snapshot, SCALE_DATASET.path), SCALE_DATASET.count, SCALE_DATASET.seed);
  writeHostileCorpus(snapshot);
  server = await preview({
    root,
    configFile: resolve(root, "vite.config.ts"),
    build: { outDir: snapshot },
    plugins: [onlineProxy()],
    preview: { host: "127.0.0.1", port: 0, strictPort: false, open: false },
    logLevel: "warn",
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report a URL");
  project.provide("baseUrl", url);
  // The served copy, for tests that serve it another way (nginx.test.ts) or a changed copy of it
  // (app-update.test.ts).
  project.provide("distDir", snapshot);
}

export async function teardown() {
  await server?.close();
  if (snapshot) rmSync(snapshot, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** The snapshot of dist/ that the preview server serves. */
    distDir: string;
  }
}
