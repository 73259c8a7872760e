/**
 * The installable, offline app: the web app manifest and what the service worker precaches, as
 * options for vite-plugin-pwa (docs/deploy.md, "Service worker").
 *
 * The worker itself is src/sw/sw.ts (Workbox's modules, built by the plugin's injectManifest): it
 * needs its own route for byte ranges of the precached basemap archive, which generateSW's
 * runtime caching cannot point at the precache. The precache list is made from the built dist/
 * after data/ and seeds/ are copied into it, each file with a content hash as its revision, so a
 * changed events file is a new entry and a new worker.
 */
import type { VitePWAOptions } from "vite-plugin-pwa";

/** The most the precache may hold, in bytes (uncompressed, as the files are in dist/). */
export const PRECACHE_BUDGET = 3_500_000;

/**
 * What is precached, relative to dist/: the page, the built scripts, styles and fonts, the icons
 * and the shipped data, sources, stories and basemap. Nothing else: generated datasets (data/synthetic/,
 * a `data=` link's file) are fetched from the network each time, and the `.gz` copies are the
 * host's business.
 */
export const PRECACHE_GLOBS = [
  "index.html",
  "favicon.svg",
  "icons/*.png",
  "assets/*.{js,mjs,css,woff2,svg,png}",
  "data/events.geojson",
  "data/sources.json",
  "data/stories/*.json",
  "data/basemap/*.pmtiles",
  "seeds/*.txt",
];

/** The app's colours (src/styles/base.css): the page and its top bar are white. */
const THEME = "#ffffff";

export const MANIFEST = {
  name: "Venezuela situation map",
  short_name: "VE map",
  description:
    "An offline situation map of the 2025–26 US–Venezuela crisis: every pin linked to the exact source passages behind it.",
  lang: "en",
  start_url: ".",
  scope: ".",
  display: "standalone",
  theme_color: THEME,
  background_color: THEME,
  icons: [
    { src: "icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
    { src: "icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
    { src: "icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
  ],
} as const;

interface Sized {
  url: string;
  size: number;
}

/**
 * Workbox's manifest transform that fails the build when the precache would exceed `budget`
 * bytes, naming the biggest entries, so the budget cannot be outgrown unnoticed.
 */
export function withinBudget(budget: number) {
  return <E extends Sized>(entries: E[]): { manifest: E[]; warnings: string[] } => {
    const total = entries.reduce((n, e) => n + e.size, 0);
    if (total > budget) {
      const biggest = [...entries]
        .sort((a, b) => b.size - a.size)
        .slice(0, 3)
        .map((e) => `${e.url} (${e.size} bytes)`);
      throw new Error(
        `The precache is ${total} bytes, over its budget of ${budget} (docs/deploy.md); biggest: ${biggest.join(", ")}.`,
      );
    }
    return { manifest: entries, warnings: [] };
  };
}

/**
 * vite-plugin-pwa's options. `off`: the built sw.js removes itself, and its caches, from every
 * browser that installed an earlier one, and precaches nothing (docs/deploy.md).
 */
export function pwaOptions(off = false): Partial<VitePWAOptions> {
  return {
    selfDestroying: off,
    strategies: "injectManifest",
    srcDir: "src/sw",
    filename: "sw.ts",
    // Registered from the app's code (src/state/app-update.ts), never by an inline script that
    // the Content-Security-Policy forbids.
    injectRegister: false,
    registerType: "prompt",
    manifest: { ...MANIFEST, icons: MANIFEST.icons.map((i) => ({ ...i })) },
    includeManifestIcons: false,
    injectManifest: {
      globPatterns: PRECACHE_GLOBS,
      globIgnores: ["**/*.gz", "data/synthetic/**"],
      maximumFileSizeToCacheInBytes: PRECACHE_BUDGET,
      manifestTransforms: [withinBudget(PRECACHE_BUDGET)],
    },
    // After static-dirs has copied data/ and seeds/ into dist/: they are globbed from there.
    integration: { closeBundleOrder: "post" },
  };
}
