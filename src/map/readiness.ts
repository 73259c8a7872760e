/**
 * When the map is first drawn, and when it is ready: the style has loaded, the event layers hold
 * the events, and that frame is on the screen. `data-ready="true"` on the container, the
 * `map-ready` event and the `vsm:ready` mark say so to the page, the tests and the bench.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { EventPointsLayer } from "./event-points.ts";
import { holdFrames } from "./maplibre-internals.ts";

/** The longest the map waits, from its creation, to be drawn for the first time. */
const FIRST_DRAW_AT_MOST_MS = 4000;

/**
 * The map is drawn for the first time once its style, the basemap's tiles for the view and the
 * events' sources are all in (`load`), not in each frame before: those were partial maps (the sea,
 * then some tiles, then the labels), each drawn in full by a software GPU and read back while the
 * main thread waited. The container's colour is the sea's meanwhile, with a notice
 * (data-first-draw, src/styles/base.css). A basemap slow to load (online) is drawn as it comes after
 * FIRST_DRAW_AT_MOST_MS.
 */
export function drawOnceLoaded(
  m: MapLibreMap,
  container: HTMLElement,
  destroyed: () => boolean,
): void {
  const release = holdFrames(m);
  let held = true;
  const draw = () => {
    if (!held || destroyed()) return;
    held = false;
    delete container.dataset.firstDraw;
    release();
  };
  m.once("load", draw);
  setTimeout(draw, FIRST_DRAW_AT_MOST_MS);
}

export interface ReadinessOptions {
  container: HTMLElement;
  /** The point layer, whose first frame comes after `load` (see EventPointsLayer.start). */
  points: () => EventPointsLayer | null;
  destroyed: () => boolean;
  /** Once ready, when the page is idle: work that can wait for it. */
  whenIdleAfterReady: () => void;
}

/** Arms readiness once (call it whenever a condition may have become true; `m` null: not yet). */
export function createReadiness(o: ReadinessOptions): (m: MapLibreMap | null) => void {
  let armed = false;
  return (m) => {
    if (armed || !m) return;
    armed = true;
    // Idle before the point layer's first frame would be a map without its events.
    const whenIdle = () => {
      if (o.points()?.painted === false) return void m.once("idle", whenIdle);
      performance.mark("vsm:idle");
      // Ready once that frame is on the screen, not when its drawing is only queued: the second
      // animation frame from here begins after it was composited (a software GPU takes a while
      // over a complete map, the main thread waiting to read it back).
      requestAnimationFrame(() => requestAnimationFrame(shown));
    };
    const shown = () => {
      if (o.destroyed()) return;
      performance.mark("vsm:ready");
      o.container.dataset.ready = "true";
      o.container.dispatchEvent(new CustomEvent("map-ready", { bubbles: true }));
      if ("requestIdleCallback" in window)
        requestIdleCallback(o.whenIdleAfterReady, { timeout: 3000 });
      else setTimeout(o.whenIdleAfterReady, 500);
    };
    m.once("idle", whenIdle);
    m.triggerRepaint();
  };
}
