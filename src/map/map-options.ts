/**
 * The options the map is made with (map-controller.ts): where it starts, and how it behaves.
 */
import type { MapOptions, StyleSpecification } from "maplibre-gl";
import type { Padding } from "../model/camera/overlay-padding.ts";
import type { Camera } from "../model/view-state.ts";
import { MAX_ZOOM } from "./camera.ts";

/** Where the map goes, and the view it starts on. */
export interface MapPlacement {
  container: HTMLElement;
  /** The camera a link asked for, else the initial bounds: [west, south, east, north]. */
  camera: Camera | null;
  initialBounds: [number, number, number, number];
  /** Room to keep clear of what is drawn over the map (the legend), for the opening fit. */
  padding: () => Padding;
}

/** The map's options: the camera a link asked for (else the initial bounds), and how it behaves. */
export function mapOptions(o: MapPlacement, style: StyleSpecification): MapOptions {
  const c = o.camera;
  return {
    container: o.container,
    style,
    // Not MapLibre's own `hash: "map"`: it decodes the whole fragment when it rewrites it,
    // which corrupts an encoded search text (q=a%26b). The URL codec writes `map=` instead.
    hash: false,
    // The container's ResizeObserver resizes the map (MapPane), for the window too; MapLibre's
    // own window listener would resize it again, with move events that look like the user's.
    trackResize: false,
    ...(c
      ? {
          center: [c.lng, c.lat] as [number, number],
          zoom: c.zoom,
          bearing: c.bearing,
          pitch: c.pitch,
        }
      : { bounds: o.initialBounds }),
    fitBoundsOptions: { padding: o.padding() },
    attributionControl: { compact: true },
    maxZoom: MAX_ZOOM,
    minZoom: 2,
    dragRotate: false,
    pitchWithRotate: false,
    cancelPendingTileRequestsWhileZooming: true,
    // Labels appear at once instead of fading in (MapLibre's default, 300 ms): a fade keeps the
    // map drawing frames (software-drawn here) after new layers go in, so it goes idle later.
    // 1 ms, not 0: at 0 MapLibre places every label again in every frame, even when nothing
    // moved; at 1 only when the view or the labels changed. Until the first idle it fades nothing
    // either way.
    fadeDuration: 1,
  };
}
