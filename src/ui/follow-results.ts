/**
 * The map follows the question: a change to the filters (the user's, not a restored link's) fits
 * the camera to the results, clear of what is drawn over the map; if the user has moved the map
 * since the last fit, or is looking at a selected event, "Zoom to results" is offered instead. A link with filters and no camera of
 * its own opens on its results. Opening or closing the legend fits the last results again, if the
 * camera is still where the app put it.
 */
import { createEffect, createSignal, on, onCleanup, onMount } from "solid-js";
import { overlayPadding, type Box, type Padding } from "../model/camera/overlay-padding.ts";
import { resultsBounds, type Bounds } from "../model/camera/results-bounds.ts";
import type { Filters } from "../model/view-state.ts";
import type { AppState } from "../state/app-state.ts";

/** What this needs of the map controller's results camera (results-camera.ts). */
export interface FollowCamera {
  follow(bounds: Bounds, padding: Padding, animate: boolean): boolean;
  fit(bounds: Bounds, padding: Padding, animate: boolean): void;
  opening(bounds: Bounds, padding: Padding): void;
  refit(padding: Padding, markers: Bounds | null): void;
}

/** Typing a search or dragging the timeline changes the filters many times a second: the camera
 * moves once they rest. */
const SETTLE_MS = 300;

/** The legend drawn over the map: in the map's column, beside the map's own wrapper. */
const legendOf = (map: HTMLElement) => map.closest(".map-col")?.querySelector(".legend") ?? null;

/** The overlays over the map element: the legend, the basemap switcher, the notices, the map's
 * credit when it is open. */
export function mapPadding(map: HTMLElement): Padding {
  const boxes: Box[] = [];
  const add = (el: Element | null) => {
    if (el && (el as HTMLElement).offsetParent !== null) boxes.push(el.getBoundingClientRect());
  };
  add(legendOf(map));
  add(map.closest(".map-col")?.querySelector(".basemap-switcher") ?? null);
  // Folded behind its (i) (on a phone), the credit is a button in the corner, inside the margin.
  const credit = map.querySelector(".maplibregl-ctrl-attrib");
  if (!credit?.matches(".maplibregl-compact:not(.maplibregl-compact-show)")) add(credit);
  for (const n of document.querySelectorAll(".notices .notice")) add(n);
  // A margin of about a big cluster's width: a marker at the edge of the fit is drawn whole.
  return overlayPadding(map.getBoundingClientRect(), boxes, 44);
}

const filtering = (f: Filters) =>
  f.categories.length + f.sources.length + f.statuses.length > 0 || !!f.from || !!f.to || !!f.q;

export function followResults(
  s: AppState,
  camera: () => FollowCamera | undefined,
  map: () => HTMLElement,
) {
  const [offered, setOffered] = createSignal(false);
  const bounds = () => (s.data() ? resultsBounds(s.mapFeatures(), s.visibleSet()) : null);
  const animate = () => !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches;
  const linkedCamera = s.camera() !== null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      s.filterEdits,
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          const cam = camera(),
            b = bounds();
          if (!cam || !b) return void setOffered(false);
          // A selected event is what the reader is looking at: the map stays on it.
          setOffered(!!s.view.event || !cam.follow(b, mapPadding(map()), animate()));
        }, SETTLE_MS);
      },
      { defer: true },
    ),
  );
  // A link's filters, without a camera or an event of its own to show: open on their results.
  createEffect(
    on(s.data, (d, before) => {
      // A story's step sets its own camera.
      if (!d || before || linkedCamera || s.view.event || s.view.story) return;
      if (!filtering(s.view.filters)) return;
      const b = bounds();
      if (b) camera()?.opening(b, mapPadding(map()));
    }),
  );
  const markers = () => (s.data() ? resultsBounds(s.mapFeatures(), s.visibleSet(), false) : null);
  onMount(() => refitOnLegend(map, () => camera()?.refit(mapPadding(map()), markers())));
  return {
    offered,
    fitOffered() {
      const b = bounds();
      if (b) camera()?.fit(b, mapPadding(map()), animate());
      setOffered(false);
    },
  };
}

/** The legend opens or closes (its `open` class): the room it leaves changes. */
function refitOnLegend(map: () => HTMLElement, refit: () => void): void {
  let mo: MutationObserver | undefined;
  onCleanup(() => mo?.disconnect());
  // The legend is made in the same pass as the map: look once it is in the page.
  queueMicrotask(() => {
    const legend = legendOf(map());
    if (!legend) return;
    mo = new MutationObserver(() => requestAnimationFrame(refit));
    mo.observe(legend, { attributes: true, attributeFilter: ["class"] });
  });
}
