/**
 * The only door to MapLibre. Solid components call this controller's small API (set data, show a
 * subset, select, fly) and hear back through callbacks; they never touch maplibre-gl themselves.
 * The controller holds what is pending until the map can take it, and hands the parts to their
 * modules: readiness (readiness.ts), picking and hover (picking.ts), extent visibility
 * (extent-visibility.ts), the camera (camera.ts), the points (event-points.ts) and the basemap
 * (load-style.ts, basemap-switch.ts).
 */
import { Map as MapLibreMap, prewarm, setWorkerUrl } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection } from "geojson";
import type { IndexSet } from "../model/query/index-set.ts";
import type { MapFeatures } from "../model/markers/map-features.ts";
import {
  CATEGORY_ORDER,
  mercatorX,
  mercatorY,
  pointBuffers,
} from "../model/markers/point-buffers.ts";
import type { BasemapId } from "../model/basemap.ts";
import type { Camera } from "../model/view-state.ts";
import { cameraOf, frameSelection, isOwnResize, MAX_ZOOM, RESIZED } from "./camera.ts";
import {
  addEventLayers,
  addSelectionSource,
  removeEventLayers,
  setDense,
  setEventData,
  setSelection,
} from "./event-layers.ts";
import { eventPointsLayer, type EventPointsLayer, type SelectedMarker } from "./event-points.ts";
import { eventTiles, type EventTiles } from "./event-tiles.ts";
import { createExtentVisibility } from "./extent-visibility.ts";
import { createBasemapSwitch } from "./basemap-switch.ts";
import { chooseStyle, type BasemapConfig } from "./load-style.ts";
import { failedResource, type MapErrorLike } from "./map-errors.ts";
import { skipSky } from "./maplibre-internals.ts";
import { wirePicking } from "./picking.ts";
import { createReadiness, drawOnceLoaded } from "./readiness.ts";

setWorkerUrl(workerUrl);

export interface MapControllerOptions {
  container: HTMLElement;
  baseUrl: string;
  /** The events, when already loaded; otherwise call setData later. Readiness waits for them. */
  data?: MapFeatures;
  /** The basemap to start on, and where the online ones come from (load-style.ts). */
  basemap: BasemapId;
  basemapConfig: BasemapConfig;
  /** The camera a link asked for, else the initial bounds: [west, south, east, north]. */
  camera: Camera | null;
  initialBounds: [number, number, number, number];
  /** After every move: the URL keeps the camera (we write it ourselves, see url-sync.ts). */
  onCamera: (camera: Camera) => void;
  onSelect: (idx: number) => void;
  /** The title of an event, for the hover tooltip (map features carry only its index). */
  titleOf: (idx: number) => string;
  /** Several events share one spot even at full zoom: let the user choose. */
  onChooseAmong: (idxs: number[]) => void;
  onNotice: (message: string, kind: "info" | "error") => void;
}

export interface MapController {
  /** The events to draw. `clustered`: group nearby pins (small datasets; see MapPane).
   * Unclustered, our point layer draws the markers (dots below `iconZoom`, category icons from it
   * on) and the extents come from the tiles of prepareTiles when there are some (`data` still
   * names what is where), else as GeoJSON. */
  setData(data: MapFeatures, clustered?: boolean, iconZoom?: number): void;
  /** Show only these events (by index) without re-sending or re-tiling anything: one byte per
   * marker for the point layer, a feature-state per changed extent. null: show all. For big
   * unclustered datasets (see MapPane). */
  setVisible(visible: IndexSet | null): void;
  /** Vector tiles of a big dataset's extents, cut from its file by a worker (event-tiles.ts)
   * once the map is ready or a tile is first needed, while the events are parsed here; a later
   * unclustered setData uses them, a clustered one drops them. */
  prepareTiles(bytes: Uint8Array): void;
  select(selection: FeatureCollection | null, fly: boolean): void;
  jumpTo(camera: Camera): void;
  /** Show another basemap, keeping the camera, the events and the selection. The map element's
   * `data-basemap` says what is shown once it is drawn (`data-switching` meanwhile). */
  setBasemap(basemap: BasemapId): void;
  resize(): void;
  destroy(): void;
}

export function createMapController(o: MapControllerOptions): MapController {
  const { container } = o;
  container.dataset.ready = "false";
  // Until the map is first drawn (drawOnceLoaded), src/styles/base.css says so over the sea.
  container.dataset.firstDraw = "pending";
  let map: MapLibreMap | null = null;
  let destroyed = false;
  const none: MapFeatures = {
    markers: { type: "FeatureCollection", features: [] },
    extents: { type: "FeatureCollection", features: [] },
    radii: { type: "FeatureCollection", features: [] },
  };
  /** What the map should show, kept until it can (the map, its style and the data come in any order). */
  let pending: {
    data: MapFeatures;
    selection: FeatureCollection | null;
    fly: boolean;
    clustered: boolean;
    iconZoom: number;
    tiles: EventTiles | null;
  } = {
    data: o.data ?? none,
    selection: null,
    fly: false,
    clustered: true,
    iconZoom: 0,
    tiles: null,
  };
  let layersAdded = false;
  /** Unclustered: the layer that draws every marker (event-points.ts). */
  let points: EventPointsLayer | null = null;
  let hasData = !!o.data;
  /** The style is in: sources and layers can be added (before its tiles are, at `load`). */
  let styled = false;
  let loaded = false;
  const extents = createExtentVisibility();
  const applyVisible = (m: MapLibreMap) => extents.apply(m, pending.data, points, pending.iconZoom);
  const arm = createReadiness({
    container,
    points: () => points,
    destroyed: () => destroyed,
    // Cut the extents' tiles now, so that zooming in finds them ready (see eventTiles), and make
    // the points' own canvas before the first filter change needs it.
    whenIdleAfterReady: () => {
      pending.tiles?.start();
      points?.prepare();
    },
  });
  const armReady = () => loaded && hasData && arm(map);
  const reported = new Set<string>();
  const notice = (msg: string, kind: "info" | "error") => {
    if (reported.has(msg)) return;
    reported.add(msg);
    if (kind === "error") console.error(msg);
    o.onNotice(msg, kind);
  };

  // MapLibre's worker starts now, not once the style is chosen: it fetches and parses the basemap's
  // tiles, and since the map is drawn only once they are in (drawOnceLoaded), its start is on the
  // way to ready.
  prewarm();
  /** The basemap asked for, and the number of the latest switch (an earlier one that ends after
   * it is dropped). */
  let wanted = o.basemap;
  const basemaps = createBasemapSwitch({
    container,
    baseUrl: o.baseUrl,
    config: o.basemapConfig,
    destroyed: () => destroyed,
    // An online basemap's failure is told again at each switch (the app's notices drop a repeat
    // still on screen); a missing embedded file once, and on the console.
    notify: (msg, kind) => (kind === "error" ? notice(msg, kind) : o.onNotice(msg, kind)),
    beforeSwitch: () => {
      pending = { ...pending, fly: false };
      styled = false;
    },
  });
  const first = o.basemap;
  void chooseStyle(o.baseUrl, first, o.basemapConfig, o.camera).then((choice) => {
    if (destroyed) return;
    performance.mark("vsm:style");
    basemaps.show(choice);
    const c = o.camera;
    map = new MapLibreMap({
      container,
      style: choice.style,
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
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: true },
      maxZoom: MAX_ZOOM,
      minZoom: 2,
      dragRotate: false,
      pitchWithRotate: false,
      cancelPendingTileRequestsWhileZooming: true,
      // Labels appear at once instead of fading in over 300 ms: each fade kept the map drawing
      // frames (software-drawn here) after new layers went in, so it went idle later. 1 ms, not 0:
      // at 0 MapLibre places every label again in every frame, even when nothing moved; at 1 only
      // when the view or the labels changed. Until the first idle it fades nothing either way.
      fadeDuration: 1,
    });
    drawOnceLoaded(map, container, () => destroyed);
    skipSky(map);
    map.touchZoomRotate.disableRotation();
    // The credit starts expanded; on a phone it would cover the map, so keep it behind its (i).
    if (container.clientWidth < 500)
      map.once("load", () =>
        container
          .querySelector(".maplibregl-ctrl-attrib")
          ?.classList.remove("maplibregl-compact-show"),
      );
    wire(map);
    if (wanted !== first) void basemaps.switchTo(map, wanted);
  });

  function wire(m: MapLibreMap) {
    m.on("error", (e) => {
      const err = e.error as (Error & { url?: string; status?: number }) | undefined;
      const src = (e as unknown as { sourceId?: string }).sourceId;
      // Our own event sources (GeoJSON or tiles from the worker, see setData) are not the basemap.
      if (src?.startsWith("event-") || err?.url?.startsWith("vsm-events:"))
        return notice(
          `The map could not draw the events: ${err?.message ?? "unknown error"}`,
          "error",
        );
      const what = failedResource(
        e as MapErrorLike,
        (src ? (m.getSource(src) as { tiles?: string[] } | undefined) : undefined)?.tiles?.[0],
        location.origin,
      );
      notice(`Basemap ${what} failed: ${err?.message ?? "unknown error"}`, "error");
    });
    // The event layers go in as soon as the style and the events are, not once the basemap's tiles
    // are (`load`): their sources then load in the same frames as the basemap's tiles instead of
    // one software-drawn frame after another once it is done. A big dataset's point layer draws
    // from the frame after `load` (start), so it is drawn once before ready, not in every frame of
    // the loading.
    // Again after each basemap switch, whose new style holds none of our sources and layers.
    m.on("style.load", () => {
      styled = true;
      addSelectionSource(m);
      addLayers(m);
    });
    m.on("load", () => {
      performance.mark("vsm:map-load");
      loaded = true;
      // The layers went in at style.load or setData, whichever came last.
      points?.start();
      armReady();
    });
    wirePicking(m, {
      points: () => points,
      iconZoom: () => pending.iconZoom,
      titleOf: o.titleOf,
      onSelect: o.onSelect,
      onChooseAmong: o.onChooseAmong,
    });
    m.on("zoom", () => extents.catchUp(m, pending.data, pending.iconZoom));
    m.on("moveend", (e) => {
      if (!isOwnResize(e)) o.onCamera(cameraOf(m));
    });
  }

  /** (Re)makes the event layers once the style and the data are both there (a big dataset's point
   * layer draws once the basemap's tiles are too: see `style.load`). */
  function addLayers(m: MapLibreMap) {
    if (!styled || !hasData) return;
    if (layersAdded) removeEventLayers(m);
    points = pending.clustered
      ? null
      : eventPointsLayer(
          pending.data.points ?? pointBuffers(pending.data.markers.features),
          pending.iconZoom,
          showDrawn,
        );
    if (!points) delete container.dataset.drawn;
    addEventLayers(m, pending.data, {
      clustered: pending.clustered,
      tiles: pending.tiles ?? undefined,
      points: points ?? undefined,
    });
    if (loaded) points?.start();
    layersAdded = true;
    // Which way the events reach the map, for tests and for whoever inspects the page.
    container.dataset.events = points ? "points" : "clustered";
    container.dataset.extents = pending.tiles ? "tiles" : "geojson";
    setDense(m, pending.clustered ? 0 : pending.iconZoom);
    extents.reset();
    if (extents.visible) applyVisible(m);
    if (pending.selection) apply(m);
  }

  /** How many markers the point layer drew last (it skips those off the view or under another in
   * the same pixel), for tests and for whoever inspects the page. */
  function showDrawn(drawn: number) {
    if (container.dataset.drawn !== String(drawn)) container.dataset.drawn = String(drawn);
  }

  function apply(m: MapLibreMap) {
    const { selection, fly } = pending;
    setSelection(m, selection ?? { type: "FeatureCollection", features: [] });
    // Drawn by MapLibre's selection layers, over the points while they are in its canvas; the point
    // layer's own canvas draws it over them (see EventPointsLayer).
    points?.setSelected(selectedMarker(selection));
    if (fly && selection && selection.features.length > 0)
      frameSelection(m, selection, container.dataset.ready === "true");
  }

  return {
    setData(data, clustered = true, iconZoom = 0) {
      const reclustered = clustered !== pending.clustered;
      const redensed = iconZoom !== pending.iconZoom;
      const changed = data !== pending.data;
      const tiles = clustered ? null : pending.tiles;
      if (tiles !== pending.tiles) pending.tiles?.dispose();
      const retiled = tiles !== pending.tiles;
      pending = { ...pending, data, clustered, iconZoom, tiles };
      hasData = true;
      // The point layer's buffers are made from the data: new data (rare) or a switch between
      // clustered and not makes the layers again.
      if (map && (!layersAdded || retiled || reclustered || (changed && !clustered)))
        addLayers(map);
      else if (map && layersAdded) {
        if (redensed) {
          setDense(map, clustered ? 0 : iconZoom);
          points?.setIconZoom(iconZoom);
          extents.catchUp(map, data, iconZoom);
        }
        if (changed) {
          setEventData(map, data);
          extents.clear(map);
          if (extents.visible) applyVisible(map);
        }
      }
      armReady();
    },
    setVisible(v) {
      extents.visible = v;
      if (map && layersAdded) applyVisible(map);
    },
    prepareTiles(bytes) {
      if (pending.tiles || bytes.byteLength === 0) return;
      const tiles = eventTiles(bytes);
      tiles.ready.catch((e: Error) =>
        notice(`The map could not draw the events: ${e.message}`, "error"),
      );
      pending = { ...pending, tiles };
    },
    select(selection, fly) {
      pending = { ...pending, selection, fly };
      if (map?.getSource("event-selection")) apply(map);
    },
    setBasemap(basemap) {
      if (basemap === wanted) return;
      wanted = basemap;
      if (map) void basemaps.switchTo(map, basemap);
    },
    jumpTo(c) {
      map?.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
    },
    resize() {
      map?.resize({ [RESIZED]: true });
    },
    destroy() {
      destroyed = true;
      pending.tiles?.dispose();
      map?.remove();
      map = null;
    },
  };
}

/** The selected event's marker, as the point layer draws it: its point feature (a route's or an
 * area's marker for those), as MapLibre's selected-marker layer would take it. */
function selectedMarker(selection: FeatureCollection | null): SelectedMarker | null {
  const f = selection?.features.find((x) => x.geometry?.type === "Point");
  if (f?.geometry.type !== "Point") return null;
  const [lng, lat] = f.geometry.coordinates;
  const category = CATEGORY_ORDER.indexOf(f.properties?.category);
  return { x: mercatorX(lng!), y: mercatorY(lat!), category: Math.max(0, category) };
}
