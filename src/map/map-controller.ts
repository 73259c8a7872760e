/**
 * The only door to MapLibre. Solid components call this controller's small API (set data, show a
 * subset, select, fly) and hear back through callbacks; they never touch maplibre-gl themselves.
 */
import { Map as MapLibreMap, MercatorCoordinate, Popup, prewarm, setWorkerUrl, type GeoJSONSource, type MapGeoJSONFeature, type MapMouseEvent, type PointLike } from "maplibre-gl";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import { bbox } from "@turf/turf";
import type { FeatureCollection } from "geojson";
import type { IndexSet } from "../model/filter.ts";
import type { MapFeatures } from "../model/map-features.ts";
import { atSameSpot, CATEGORY_ORDER, mercatorX, mercatorY, pickPoints, pointBuffers, visibilityBytes } from "../model/point-buffers.ts";
import type { Camera } from "../model/view-state.ts";
import { addEventLayers, addSelectionSource, CLUSTER_LAYER, CLUSTER_MAX_ZOOM, EXTENT_LAYERS, MARKER_LAYERS, clearHidden, removeEventLayers, setDense, setEventData, setHidden, setSelection } from "./event-layers.ts";
import { eventPointsLayer, pickRadiusPx, type EventPointsLayer, type SelectedMarker } from "./event-points.ts";
import { eventTiles, type EventTiles } from "./event-tiles.ts";
import { chooseStyle, type BasemapKind } from "./load-style.ts";
import { failedResource, type MapErrorLike } from "./map-errors.ts";

setWorkerUrl(workerUrl);

const MAX_ZOOM = 14;
/** Marks the move events of our own `map.resize()` calls (MapLibre passes the event data on). */
const RESIZED = "vsmResized";

/** The longest the map waits, from its creation, to be drawn for the first time (see drawOnceLoaded). */
const FIRST_DRAW_AT_MOST_MS = 4000;

export interface MapControllerOptions {
  container: HTMLElement;
  baseUrl: string;
  /** The events, when already loaded; otherwise call setData later. Readiness waits for them. */
  data?: MapFeatures;
  onlineStyleUrl?: string | null;
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
  resize(): void;
  destroy(): void;
}

export function createMapController(o: MapControllerOptions): MapController {
  const { container } = o;
  container.dataset.ready = "false";
  // Until the map is first drawn (drawOnceLoaded), styles.css says so over the sea.
  container.dataset.firstDraw = "pending";
  let map: MapLibreMap | null = null;
  let destroyed = false;
  const none: MapFeatures = { markers: { type: "FeatureCollection", features: [] }, extents: { type: "FeatureCollection", features: [] }, radii: { type: "FeatureCollection", features: [] } };
  let pending: { data: MapFeatures; selection: FeatureCollection | null; fly: boolean; clustered: boolean; iconZoom: number; tiles: EventTiles | null } = {
    data: o.data ?? none, selection: null, fly: false, clustered: true, iconZoom: 0, tiles: null,
  };
  let layersAdded = false;
  /** Unclustered: the layer that draws every marker (event-points.ts). */
  let points: EventPointsLayer | null = null;
  let hasData = !!o.data;
  // Filtering big datasets: the point layer gets one byte per marker; extents (and radii, when
  // sent) are hidden by feature-state: what is hidden now, what should be, and where each
  // event's features live.
  let visible: IndexSet | null = null;
  let hiddenNow = new Uint8Array(0);
  let homes: { of: MapFeatures; idx: number[]; sources: string[][]; size: number } | null = null;
  const homesOf = (d: MapFeatures) => {
    if (homes?.of === d) return homes;
    const at = new Map<number, string[]>();
    const note = (source: string) => (f: { properties: { idx: number } }) => {
      const list = at.get(f.properties.idx);
      if (list) list.push(source);
      else at.set(f.properties.idx, [source]);
    };
    d.extents.features.forEach(note("event-extents"));
    d.radii.features.forEach(note("event-radii"));
    const idx = [...at.keys()];
    return (homes = { of: d, idx, sources: [...at.values()], size: idx.reduce((a, b) => Math.max(a, b + 1), 0) });
  };
  // Extents of big datasets are drawn from the icon zoom on: below it their feature-states wait
  // (a filter change then costs the map only the point layer's bytes) and catch up on zooming in.
  let extentsStale = false;
  const applyVisible = (m: MapLibreMap) => {
    extentsStale = !!points && m.getZoom() < pending.iconZoom;
    const changed = extentsStale ? 0 : applyExtents(m);
    // Routes or areas hidden or shown: MapLibre draws a frame anyway, the points in it.
    points?.setVisible(visibilityBytes(points.points, visible), changed > 0);
  };
  /** Hides and shows routes and areas by feature-state; how many changed. */
  const applyExtents = (m: MapLibreMap): number => {
    const { idx, sources, size } = homesOf(pending.data);
    if (hiddenNow.length < size) {
      const grown = new Uint8Array(size);
      grown.set(hiddenNow);
      hiddenNow = grown;
    }
    const changes: [number, boolean, string[]][] = [];
    for (let k = 0; k < idx.length; k++) {
      const i = idx[k]!;
      const hide = visible !== null && !visible.has(i) ? 1 : 0;
      if (hide !== hiddenNow[i]) {
        hiddenNow[i] = hide;
        changes.push([i, hide === 1, sources[k]!]);
      }
    }
    setHidden(m, changes);
    return changes.length;
  };
  let loaded = false;
  /** The style is in: sources and layers can be added (before its tiles are, at `load`). */
  let styled = false;
  let readyArmed = false;
  // Ready = the style has loaded AND the event layers hold the events AND that has rendered.
  const armReady = () => {
    if (readyArmed || !loaded || !hasData || !map) return;
    readyArmed = true;
    // The point layer draws from the frame after `load` (see EventPointsLayer.start): idle before
    // that frame would be a map without its events.
    const whenIdle = () => {
      if (points && !points.painted) return void map?.once("idle", whenIdle);
      performance.mark("vsm:idle");
      // Ready once that frame is on the screen, not when its drawing is only queued: the second
      // animation frame from here begins after it was composited (a software GPU takes ~0.2–0.6 s
      // over a complete map here, the main thread waiting to read it back).
      requestAnimationFrame(() => requestAnimationFrame(shown));
    };
    const shown = () => {
      if (destroyed) return;
      performance.mark("vsm:ready");
      container.dataset.ready = "true";
      container.dispatchEvent(new CustomEvent("map-ready", { bubbles: true }));
      // Cut the extents' tiles now, so that zooming in finds them ready (see eventTiles), and make
      // the points' own canvas before the first filter change needs it.
      const later = () => {
        pending.tiles?.start();
        points?.prepare();
      };
      if ("requestIdleCallback" in window) requestIdleCallback(later, { timeout: 3000 });
      else setTimeout(later, 500);
    };
    map.once("idle", whenIdle);
    map.triggerRepaint();
  };
  const reported = new Set<string>();
  const notice = (msg: string, kind: "info" | "error") => {
    if (reported.has(msg)) return;
    reported.add(msg);
    if (kind === "error") console.error(msg);
    o.onNotice(msg, kind);
  };

  // MapLibre's worker starts now, not once the style is chosen: it fetches and parses the basemap's
  // tiles, and since the map is drawn only once they are in (drawOnceLoaded), its start is on the
  // way to ready. Paired cold loads at 100k: ready −125 and −205 ms (9 of 14 pairs faster); the
  // shipped data −8 ms (noise). When every frame was drawn as it came, it made 100k later instead.
  prewarm();
  void chooseStyle(o.baseUrl, o.onlineStyleUrl).then((choice) => {
    if (destroyed) return;
    performance.mark("vsm:style");
    container.dataset.basemap = choice.kind satisfies BasemapKind;
    if (choice.notice) notice(choice.notice, choice.kind === "error" ? "error" : "info");
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
      ...(c ? { center: [c.lng, c.lat] as [number, number], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch } : { bounds: o.initialBounds }),
      fitBoundsOptions: { padding: 20 },
      attributionControl: { compact: true },
      maxZoom: MAX_ZOOM,
      minZoom: 2,
      dragRotate: false,
      pitchWithRotate: false,
      cancelPendingTileRequestsWhileZooming: true,
      // Labels appear at once instead of fading in over 300 ms: each fade kept the map drawing
      // frames (~150 ms each, software-drawn here) after new layers went in, so it went idle later.
      // 1 ms, not 0: at 0 MapLibre places every label again in every frame, even when nothing
      // moved (~2 ms of each filter change and timeline step at 100k); at 1 only when the view or
      // the labels changed. Until the first idle it fades nothing either way.
      fadeDuration: 1,
    });
    drawOnceLoaded(map);
    // MapLibre draws a sky over the whole canvas in every frame, flat maps too, where it never shows
    // (the horizon shows only at a pitch past the default 60° maximum): a full-canvas pass the
    // software GPU pays for in every frame (~20 ms here), and ~90 ms to compile in the first.
    map.painter.drawFunctions.sky = () => {};
    map.touchZoomRotate.disableRotation();
    // The credit starts expanded; on a phone it would cover the map, so keep it behind its (i).
    if (container.clientWidth < 500) map.once("load", () => container.querySelector(".maplibregl-ctrl-attrib")?.classList.remove("maplibregl-compact-show"));
    wire(map);
  });

  /**
   * The map is drawn for the first time once its style, the basemap's tiles for the view and the
   * events' sources are all in (`load`), not in each frame before: those were partial maps (the sea,
   * then some tiles, then the labels), ~8 frames at a load here, each drawn in full by the software
   * GPU and read back while the main thread waited. Drawn once, complete, the map is on the screen
   * ~0.35 s sooner for the shipped data and ~0.2 s at 100k, paired (README, Performance). The
   * container's colour is the sea's meanwhile, with a notice (data-first-draw). A basemap slow to
   * load (online) is drawn as it comes after FIRST_DRAW_AT_MOST_MS.
   */
  function drawOnceLoaded(m: MapLibreMap) {
    const painter = m.painter;
    painter.render = () => {};
    let held = true;
    const draw = () => {
      if (!held || destroyed) return;
      held = false;
      delete container.dataset.firstDraw;
      Reflect.deleteProperty(painter, "render"); // the prototype's again
      m.triggerRepaint();
    };
    m.once("load", draw);
    setTimeout(draw, FIRST_DRAW_AT_MOST_MS);
  }

  function wire(m: MapLibreMap) {
    m.on("error", (e) => {
      const err = e.error as (Error & { url?: string; status?: number }) | undefined;
      const src = (e as unknown as { sourceId?: string }).sourceId;
      // Our own event sources (GeoJSON or tiles from the worker, see setData) are not the basemap.
      if (src?.startsWith("event-") || err?.url?.startsWith("vsm-events:")) return notice(`The map could not draw the events: ${err?.message ?? "unknown error"}`, "error");
      const what = failedResource(e as MapErrorLike, (src ? (m.getSource(src) as { tiles?: string[] } | undefined) : undefined)?.tiles?.[0], location.origin);
      notice(`Basemap ${what} failed: ${err?.message ?? "unknown error"}`, "error");
    });
    // The event layers go in as soon as the style and the events are, not once the basemap's tiles
    // are (`load`): their sources then load in the same frames as the basemap's tiles instead of
    // one software-drawn frame after another once it is done (shipped data ready ~0.3 s sooner
    // here). A big dataset's point layer draws from the frame after `load` (start): drawn in every
    // frame of the loading, it made 100k later; now it is drawn once before ready, not 3–4 times
    // (paired loads at 100k: ready ~0.26 s sooner).
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
    const popup = new Popup({ closeButton: false, closeOnClick: false, offset: 14, className: "event-tooltip" });
    const hoverable = [...MARKER_LAYERS, ...EXTENT_LAYERS, CLUSTER_LAYER];
    m.on("mousemove", (e) => {
      const spot = pointsAt(m, e.point);
      const f = spot.length ? null : m.queryRenderedFeatures(e.point, { layers: hoverable.filter((l) => m.getLayer(l)) }).find((h) => !h.state?.hidden);
      m.getCanvas().style.cursor = spot.length || f ? "pointer" : "";
      if (!spot.length && !f) return void popup.remove();
      const count = spot.length > 1 ? spot.length : (f?.properties?.point_count as number | undefined);
      const text = spot.length > 1 ? `${count} events here — click to choose` : count ? `${count} events — click to expand` : o.titleOf(spot[0] ?? Number(f?.properties?.idx));
      popup.setLngLat(e.lngLat).setText(text).addTo(m);
    });
    m.getCanvas().addEventListener("mouseleave", () => popup.remove());
    m.on("click", (e) => void onClick(m, e));
    m.on("zoom", () => {
      if (extentsStale && m.getZoom() >= pending.iconZoom) {
        extentsStale = false;
        applyExtents(m);
      }
    });
    m.on("moveend", (e) => {
      // A resize (the window, the bottom sheet, the timeline settling while loading) leaves the
      // centre and zoom as they were: it is not a move to write into the link.
      if ((e as { [RESIZED]?: boolean })[RESIZED]) return;
      const { lng, lat } = m.getCenter();
      const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
      o.onCamera({ zoom: r(m.getZoom(), 2), lat: r(lat, 5), lng: r(lng, 5), bearing: r(m.getBearing(), 1), pitch: Math.round(m.getPitch()) });
    });
  }

  /** The point layer's drawn markers under the cursor: the nearest one, with any others at its very
   * spot (which no zoom would separate), as event indexes. */
  function pointsAt(m: MapLibreMap, at: PointLike): number[] {
    if (!points || !m.getLayer(points.id)) return [];
    const z = m.getZoom();
    const world = 512 * 2 ** z; // MapLibre's world width in CSS pixels at this zoom (512 px tiles)
    const c = MercatorCoordinate.fromLngLat(m.unproject(at));
    const coarse = !!window.matchMedia?.("(pointer: coarse)").matches;
    const hits = pickPoints(points.points, points.visible, c.x, c.y, pickRadiusPx(z, pending.iconZoom, coarse) / world);
    // Half a pixel at the deepest zoom: points closer than that stay one spot however far one zooms.
    return atSameSpot(points.points, hits, 0.5 / (512 * 2 ** MAX_ZOOM)).map((i) => points!.points.idx[i]!);
  }

  async function onClick(m: MapLibreMap, e: MapMouseEvent) {
    const spot = pointsAt(m, e.point);
    if (spot.length > 1) return o.onChooseAmong(spot);
    if (spot.length === 1) return o.onSelect(spot[0]!);
    const layers = [CLUSTER_LAYER, ...MARKER_LAYERS, ...EXTENT_LAYERS].filter((l) => m.getLayer(l));
    const hits = m.queryRenderedFeatures(e.point, { layers }).filter((h) => !h.state?.hidden);
    const first: MapGeoJSONFeature | undefined = hits.find((h) => h.layer.id !== "event-extent-fill" && h.layer.id !== "event-lines") ?? hits[0];
    if (!first) return;
    if (first.properties?.cluster) {
      const src = m.getSource("event-markers") as GeoJSONSource;
      const id = first.properties.cluster_id as number;
      const zoom = await src.getClusterExpansionZoom(id);
      if (zoom <= CLUSTER_MAX_ZOOM && zoom > m.getZoom() + 0.5) {
        m.easeTo({ center: (first.geometry as GeoJSON.Point).coordinates as [number, number], zoom });
      } else {
        const leaves = await src.getClusterLeaves(id, 1000, 0);
        o.onChooseAmong(leaves.map((l) => Number(l.properties?.idx)));
      }
      return;
    }
    o.onSelect(Number(first.properties?.idx));
  }

  /** (Re)makes the event layers once the style and the data are both there (a big dataset's point
   * layer draws once the basemap's tiles are too: see `style.load`). */
  function addLayers(m: MapLibreMap) {
    if (!styled || !hasData) return;
    if (layersAdded) removeEventLayers(m);
    points = pending.clustered ? null : eventPointsLayer(pending.data.points ?? pointBuffers(pending.data.markers.features), pending.iconZoom, showDrawn);
    if (!points) delete container.dataset.drawn;
    addEventLayers(m, pending.data, { clustered: pending.clustered, tiles: pending.tiles ?? undefined, points: points ?? undefined });
    if (loaded) points?.start();
    layersAdded = true;
    // Which way the events reach the map, for tests and for whoever inspects the page.
    container.dataset.events = points ? "points" : "clustered";
    container.dataset.extents = pending.tiles ? "tiles" : "geojson";
    setDense(m, pending.clustered ? 0 : pending.iconZoom);
    hiddenNow = new Uint8Array(0);
    if (visible) applyVisible(m);
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
    if (!fly || !selection || selection.features.length === 0) return;
    let [w, s, e, n] = bbox(selection);
    // A point known to within a radius: frame the whole circle, not a street-level pin.
    const rkm = Math.max(0, ...selection.features.map((f) => Number(f.properties?.rkm ?? 0)));
    if (rkm > 0 && w === e && s === n) {
      const dLat = rkm / 111.32, dLng = dLat / Math.cos((s * Math.PI) / 180);
      [w, s, e, n] = [w - dLng, s - dLat, e + dLng, n + dLat];
    }
    const pad = container.clientWidth < 500 ? 40 : 80;
    // Before the first render (a deep link), jump: an animation would only delay readiness.
    // `duration` is named only when it is set: MapLibre copies an explicit `duration: undefined`
    // over its default, and a flight that asks for the view already shown becomes an ease with no
    // duration, whose every frame is NaN ("Invalid LngLat object: (NaN, NaN)").
    const timing = container.dataset.ready === "true" ? {} : { duration: 0 };
    if (w === e && s === n) m.flyTo({ center: [w, s], zoom: Math.max(m.getZoom(), 8), essential: true, ...timing });
    else m.fitBounds([w, s, e, n], { padding: pad, maxZoom: 10, essential: true, ...timing });
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
      if (map && (!layersAdded || retiled || reclustered || (changed && !clustered))) addLayers(map);
      else if (map && layersAdded) {
        if (redensed) {
          setDense(map, clustered ? 0 : iconZoom);
          points?.setIconZoom(iconZoom);
          if (extentsStale && map.getZoom() >= iconZoom) {
            extentsStale = false;
            applyExtents(map);
          }
        }
        if (changed) {
          setEventData(map, data);
          if (hiddenNow.includes(1)) clearHidden(map);
          hiddenNow = new Uint8Array(0);
          if (visible) applyVisible(map);
        }
      }
      armReady();
    },
    setVisible(v) {
      visible = v;
      if (map && layersAdded) applyVisible(map);
    },
    prepareTiles(bytes) {
      if (pending.tiles || bytes.byteLength === 0) return;
      const tiles = eventTiles(bytes);
      tiles.ready.catch((e: Error) => notice(`The map could not draw the events: ${e.message}`, "error"));
      pending = { ...pending, tiles };
    },
    select(selection, fly) {
      pending = { ...pending, selection, fly };
      if (map?.getSource("event-selection")) apply(map);
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
  if (!f || f.geometry.type !== "Point") return null;
  const [lng, lat] = f.geometry.coordinates;
  const category = CATEGORY_ORDER.indexOf(f.properties?.category);
  return { x: mercatorX(lng!), y: mercatorY(lat!), category: Math.max(0, category) };
}
