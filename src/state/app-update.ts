/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the service worker (src/sw/sw.ts) through vite-plugin-pwa's register module, from the
 * app's own code: an inline registration script would break the Content-Security-Policy.
 *
 * When a new version has been downloaded and waits, a notice says so with a "Reload to update"
 * button; only that button makes the new worker take over, and the page reloads once it has. The
 * page is never reloaded, nor switched to new data, on its own.
 */
import { registerSW } from "virtual:pwa-register";
import type { NoticeAction } from "./app-state.ts";

/** The notice's words, asked for when it is shown, so they are in the language shown then. */
export type UpdateWords = () => { message: string; label: string };

type Notify = (message: string, kind: "info", action: NoticeAction) => void;

/**
 * Registers the worker once the map is up (or after `fallbackMs` if it never comes up), so that
 * downloading the precache does not compete with the first draw.
 */
export function watchForUpdates(notify: Notify, words: UpdateWords, fallbackMs = 15_000): void {
  if (!("serviceWorker" in navigator)) return;
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    const update = registerSW({
      immediate: true,
      onNeedRefresh: () => {
        const { message, label } = words();
        notify(message, "info", { label, run: () => void update() });
      },
      onRegisterError: (e: unknown) => console.warn("The service worker was not registered:", e),
    });
  };
  document.addEventListener("map-ready", start, { once: true });
  setTimeout(start, fallbackMs);
}
