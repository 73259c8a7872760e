/**
 * The service worker: the app, its shipped data, sources and basemap, precached by Workbox so the
 * map opens offline (docs/deploy.md, "Service worker"). vite-plugin-pwa builds this file and puts
 * the precache list (each file with a content hash as its revision) in place of
 * `self.__WB_MANIFEST` (src/build/pwa.ts says which files).
 *
 * A new worker waits until the page asks it to take over ("Reload to update",
 * src/state/app-update.ts): the open page keeps the files it started with, and is told, rather
 * than being switched to new data under the reader's eyes.
 */
import { clientsClaim } from "workbox-core";
import {
  addRoute,
  cleanupOutdatedCaches,
  createHandlerBoundToURL,
  getCacheKeyForURL,
  matchPrecache,
  type PrecacheEntry,
  precache,
} from "workbox-precaching";
import { createPartialResponse } from "workbox-range-requests";
import { NavigationRoute, registerRoute } from "workbox-routing";

/** The parts of the worker's global scope used here (the project's types are the page's). */
declare const self: {
  __WB_MANIFEST: (string | PrecacheEntry)[];
  skipWaiting(): Promise<void>;
  addEventListener(type: "message", listener: (e: { data?: { type?: string } }) => void): void;
};

precache(self.__WB_MANIFEST);
cleanupOutdatedCaches();

/**
 * The basemap archive is read in byte ranges (PMTiles). The precache holds the whole file: answer
 * each range from it with 206 and just those bytes. Registered before the precache's own route,
 * which would answer the whole file. Not precached yet (the first visit, while installing): the
 * network answers.
 */
registerRoute(
  ({ request, url }) => request.headers.has("range") && getCacheKeyForURL(url.href) !== undefined,
  async ({ request }) => {
    const whole = await matchPrecache(request.url);
    return whole ? createPartialResponse(request, whole) : fetch(request);
  },
);

addRoute();

// Any link into the app (a hash is never sent) opens the precached page, offline too. An event's
// or a source's own page (e/<id>/, s/<id>/) is a page of its own, from the network: the app's
// page in its place would find none of its files (they are relative to the site's root).
registerRoute(
  new NavigationRoute(createHandlerBoundToURL("index.html"), {
    allowlist: [/\/$/, /\/index\.html$/],
    denylist: [/\/[es]\/[^/]+\/(index\.html)?$/],
  }),
);

// The first worker serves the page that installed it at once; a later one waits to be asked.
clientsClaim();
self.addEventListener("message", (e) => {
  if (e.data?.type === "SKIP_WAITING") void self.skipWaiting();
});
