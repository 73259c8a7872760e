import { loadEnv } from "vite";
import { defineConfig } from "vitest/config";
import solid from "vite-plugin-solid";
import { VitePWA } from "vite-plugin-pwa";
import { pwaOptions } from "./src/build/pwa.ts";
import { contentSecurityPolicy, csp } from "./src/build/csp.ts";
import { sharePages } from "./src/build/share-pages.ts";
import { SATELLITE_TILES, STREETS_STYLE } from "./src/model/basemap.ts";
import { staticDirs } from "./src/build/static-dirs.ts";
import { preloadSeeds } from "./src/build/preload-seeds.ts";
import { preloadMap } from "./src/build/preload-map.ts";
import { firstViewModules } from "./src/build/first-view-modules.ts";
import { ajvStandalone } from "./src/build/ajv-standalone.ts";

/** Solid, and the app's modules the first view loads (src/build/first-view-modules.ts), in one
 * chunk. tests/browser/first-view.test.ts holds its size. */
const FIRST_VIEW = firstViewModules("src/main.tsx");
const inFirstView = (id: string) =>
  /node_modules[\\/](solid-js|@solid-primitives)/.test(id) || FIRST_VIEW.has(id.split("?")[0]!);

// data/ (events, sources, basemap tiles) and seeds/ (the source documents) are served as-is at
// /data/… and /seeds/… in dev and preview, and copied verbatim into dist/ at build time.
/** The Content-Security-Policy allows, besides the site itself, only the origins of the online
 * basemaps this build may show (src/build/csp.ts; docs/deploy.md). VSM_FRAME_ANCESTORS narrows
 * who may frame the page (default: any site, for embeds). */
function cspOptions(mode: string) {
  const env = loadEnv(mode, process.cwd(), "VITE_");
  return {
    onlineUrls: [
      env.VITE_BASEMAP_STYLE ?? "",
      env.VITE_STREETS_STYLE || STREETS_STYLE,
      env.VITE_SATELLITE_TILES || SATELLITE_TILES,
    ],
    frameAncestors: process.env.VSM_FRAME_ANCESTORS,
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [
    solid(),
    staticDirs(["data", "seeds"]),
    preloadSeeds(),
    // MapLibre and our map code fetched as the HTML is read (src/build/preload-map.ts).
    preloadMap(),
    csp(cspOptions(mode)),
    // The curate panel validates drafts in the page: Ajv's validators as code, not eval.
    ajvStandalone(),
    // A page and a link preview per event, a page per source (docs/deploy.md, "Sharing");
    // VSM_SITE_URL, the site's public address, makes their og:url and og:image absolute.
    sharePages({
      siteUrl: process.env.VSM_SITE_URL,
      csp: contentSecurityPolicy(cspOptions(mode), "meta"),
    }),
    // The service worker and the web app manifest (docs/deploy.md); VSM_SERVICE_WORKER=off
    // builds a worker that removes itself.
    VitePWA(pwaOptions(process.env.VSM_SERVICE_WORKER === "off")),
  ],
  // Relative asset URLs: the built site works from any folder of any static host.
  base: "./",
  publicDir: "public",
  build: {
    target: "es2022",
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
    // MapLibre in a chunk of its own, apart from our map code: the bench counts the app's own
    // script without it, and a release of ours leaves the library's cached copy valid.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "maplibre", test: /node_modules[\\/]maplibre-gl/ },
            // Solid and the first view's own modules, which lazy views (curate, the story, the
            // image) share: one chunk, not one small chunk per shared module.
            { name: "first-view", test: inFirstView },
          ],
        },
      },
    },
  },
  preview: { host: "127.0.0.1", port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: [
            "tests/*.test.ts",
            "tests/model/**/*.test.ts",
            "tests/cli/**/*.test.ts",
            "tests/build/**/*.test.ts",
            "tests/data/**/*.test.ts",
            "tests/map/**/*.test.ts",
          ],
        },
      },
      {
        extends: true,
        test: {
          name: "component",
          environment: "jsdom",
          include: ["tests/ui/**/*.test.tsx", "tests/state/**/*.test.ts"],
          setupFiles: ["tests/ui/setup.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          environment: "node",
          include: ["tests/browser/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          globalSetup: ["tests/browser/global-setup.ts"],
        },
      },
    ],
  },
}));
