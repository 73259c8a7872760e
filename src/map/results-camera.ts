/**
 * The camera follows the question: after a filter change it fits the results, unless the user has
 * moved the map since the last fit (then the UI offers "Zoom to results" instead of moving the map
 * under them). Made with the controller, before its map: a fit asked for until then (a link's
 * filters, before the basemap's style is in) is made as the map opens.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { Padding } from "../model/camera/overlay-padding.ts";
import { unionBounds, type Bounds } from "../model/camera/results-bounds.ts";
import { isOwnResize, RESIZED } from "./camera.ts";

/** Deep enough to see the streets around a single result, not so deep as to lose its city. */
const RESULTS_MAX_ZOOM = 11;

export interface ResultsCamera {
  /** Fits `bounds` unless the user moved the map since the last fit; says whether it did. */
  follow(bounds: Bounds, padding: Padding, animate: boolean): boolean;
  /** Fits `bounds` now (the user asked, or nothing has been shown yet). */
  fit(bounds: Bounds, padding: Padding, animate: boolean): void;
  /** The view a link with filters and no camera opens on: fitted at once, and, like the region
   * the map opens on otherwise, not written into the link (so it stays without a camera). */
  opening(bounds: Bounds, padding: Padding): void;
  /** The overlays changed (the legend opened): fit the last bounds again with the new padding,
   * if the camera is still where the app put it; with `markers` too (the shown markers: the
   * region the map opened on may leave some out, at its edges). */
  refit(padding: Padding, markers: Bounds | null): void;
  /** The user moved the map by other means than a gesture on it (a cluster's zoom). */
  markMoved(): void;
  /** The camera was set from a link (Back/Forward): it is no fit to redo. */
  forget(): void;
  /** The map's box, or the room its overlays leave, changed: while the camera still shows the
   * view the app opened on, fit that view again with `padding`, so that the opening view does not
   * depend on what had been laid out when the map was made (the text's font, the page's panels).
   * Says whether it did. */
  roomChanged(padding: Padding): boolean;
}

export interface AttachableResultsCamera extends ResultsCamera {
  /** `placed`: the bounds the map opened on, when it opened on bounds rather than a link's camera. */
  attach(m: MapLibreMap, placed: Bounds | null): void;
}

export function createResultsCamera(): AttachableResultsCamera {
  let map: MapLibreMap | null = null;
  let moved = false;
  let last: Bounds | null = null;
  let pending: { bounds: Bounds; padding: Padding } | null = null;
  // Still on the view the app opened on: nothing but the app's own resizes and opening fits has
  // moved the camera since.
  let atOpening = false;
  let lastPadding = "";
  const fitBounds = (bounds: Bounds, padding: Padding, animate: boolean, own = false) => {
    moved = false;
    last = bounds;
    lastPadding = JSON.stringify(padding);
    // Without `essential`, MapLibre itself skips the animation under prefers-reduced-motion.
    // `own`: marked as the app's own resize-like move, which the link does not record.
    map?.fitBounds(
      bounds,
      { padding, maxZoom: RESULTS_MAX_ZOOM, ...(animate ? {} : { duration: 0 }) },
      own ? { [RESIZED]: true } : undefined,
    );
  };
  const cam: AttachableResultsCamera = {
    attach(m, placed) {
      map = m;
      last = placed;
      atOpening = placed !== null || pending !== null;
      // Gestures (drag, wheel, pinch, keys, double click) carry the DOM event that started them;
      // the app's own moves (fits, flights to a selection, resizes) carry none.
      m.on("movestart", (e) => {
        if ((e as { originalEvent?: Event }).originalEvent) moved = true;
        if (!isOwnResize(e)) atOpening = false;
      });
      if (pending) fitBounds(pending.bounds, pending.padding, false, true);
      pending = null;
    },
    follow(bounds, padding, animate) {
      if (moved) return false;
      cam.fit(bounds, padding, animate);
      return true;
    },
    fit(bounds, padding, animate) {
      fitBounds(bounds, padding, animate);
    },
    opening(bounds, padding) {
      atOpening = true;
      if (map) fitBounds(bounds, padding, false, true);
      else pending = { bounds, padding };
    },
    refit(padding, markers) {
      if (!moved && last) cam.fit(unionBounds(last, markers), padding, true);
    },
    markMoved() {
      moved = true;
    },
    forget() {
      last = null;
      pending = null;
      atOpening = false;
    },
    roomChanged(padding) {
      if (!atOpening || !last || JSON.stringify(padding) === lastPadding) return false;
      fitBounds(last, padding, false, true);
      return true;
    },
  };
  return cam;
}
