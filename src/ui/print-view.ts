/**
 * Print: the map's WebGL canvas keeps no drawing between frames, and a print re-lays the page out
 * (the map resizes, and redraws after the page is already printed), so the printout takes a still
 * of the map as drawn, in an <img> the print stylesheet shows in the map's place
 * (src/styles/print.css), removed again after printing.
 */
import { image as en } from "../model/i18n/en/image.ts";
import { image as es } from "../model/i18n/es/image.ts";
import type { Lang } from "../model/i18n/lang.ts";
import { takeSnapshot } from "./map-snapshot.ts";

export async function printView(lang: Lang): Promise<void> {
  const map = await takeSnapshot();
  const wrap = document.querySelector(".map-wrap");
  let still: HTMLImageElement | null = null;
  if (map && wrap) {
    still = document.createElement("img");
    still.className = "print-map";
    still.alt = (lang === "es" ? es : en).still;
    still.src = map.toDataURL("image/png");
    wrap.prepend(still);
    await still.decode().catch(() => undefined);
  }
  window.addEventListener("afterprint", () => still?.remove(), { once: true });
  window.print();
}
