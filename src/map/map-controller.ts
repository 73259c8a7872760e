/**
 * The only door to MapLibre. Solid components call this controller's small API (set data, show a
 * subset, select, fly) and hear back through callbacks; they never touch maplibre-gl themselves.
 * The controller holds what is pending until the map can take it, and hands the parts to their
 * modules: readiness (readiness.ts), picking and hover (picking.ts), extent visibility
 * (extent-visibility.ts), the camera (camera.ts), the points (event-points.ts) and the basemap
 * (load-style.ts, basemap-switch.ts).
 */
import { Map as MapLibreMap, prewarm, setWorkerUrl } from "maplibre-gl";
import type { MapController, MapControllerOptions } from "./map-controller-api.ts";
import workerUrl from "maplibre-gl/dist/maplibre-gl-worker.mjs?url";
import "maplibre-gl/dist/maplibre-gl.css";
import type { FeatureCollection } from "geojson";
import type { IndexSet } from "../model/query/index-set.ts";
import type { MapFeatures } from "../model/markers/map-features.ts";
import { pointBuffers } from "../model/markers/point-buffers.ts";
import type { BasemapId } from "../model/basemap.ts";
import type { Camera } from "../model/view-state.ts";
import { cameraOf, frameSelection, isOwnResize, RESIZED } from "./camera.ts";
import {
  addEventLayers,
  addSelectionSource,
  removeEventLayers,
  setDense,
  setEventData,
  setSelection,
} from "./event-layers.ts";
import { eventPointsLayer, type EventPointsLayer } from "./event-points.ts";
import { selectedMarker } from "./point-painter.ts";
import { eventTiles, type EventTiles } from "./event-tiles.ts";
import { createExtentVisibility, type ExtentVisibility } from "./extent-visibility.ts";
import { createBasemapSwitch, type BasemapSwitch } from "./basemap-switch.ts";
import { chooseStyle, type StyleChoice } from "./load-style.ts";
import { mapErrorMessage, type MapErrorLike } from "./map-errors.ts";
import { labelsOverEvents } from "./label-order.ts";
import { attachProbe } from "./map-probe.ts";
import { skipSky } from "./maplibre-internals.ts";
import { mapOptions } from "./map-options.ts";
import { wirePicking } from "./picking.ts";
import { createReadiness, drawOnceLoaded } from "./readiness.ts";
import { createResultsCamera } from "./results-camera.ts";
import { snapshotMap } from "./snapshot.ts";

// The map's own words load with its chunk, in both languages (a few hundred bytes).
import { mapNotices as mapNoticesEn } from "../model/i18n/en/map-notices.ts";
import { mapNotices as mapNoticesEs } from "../model/i18n/es/map-notices.ts";

setWorkerUrl(workerUrl);

export type { MapController, MapControllerOptions } from "./map-controller-api.ts";

export function createMapController(o: MapControllerOptions): MapController {
  return new Controller(o);
}

/** What the map should show, kept until it can (the map, its style and the data come in any order). */
interface Pending {
  data: MapFeatures;
  selection: FeatureCollection | null;
  fly: boolean;
  clustered: boolean;
  iconZoom: number;
  tiles: EventTiles | null;
}

class Controller implements MapController {
  private readonly container: HTMLElement;
  private map: MapLibreMap | null = null;
  private destroyed = false;
  private pending: Pending;
  private layersAdded = false;
  /** Unclustered: the layer that draws every marker (event-points.ts). */
  private points: EventPointsLayer | null = null;
  private hasData: boolean;
  /** The style is in: sources and layers can be added (before its tiles are, at `load`). */
  private styled = false;
  private loaded = false;
  private readonly extents: ExtentVisibility;
  private readonly arm: (m: MapLibreMap | null) => void;
  private readonly reported = new Set<string>();
  /** The basemap asked for last (a switch asked for before the map is made waits for it). */
  private wanted: BasemapId;
  private readonly basemaps: BasemapSwitch;
  readonly results = createResultsCamera();
  private mapMade: (m: MapLibreMap) => void = () => {};
  readonly made = new Promise<MapLibreMap>((resolve) => (this.mapMade = resolve));
  /** Where the map opens: the link's camera, or one asked for (a story's step) before the map
   * was made, which it then opens on rather than losing it, with that move's offset. */
  private opening: { camera: Camera | null; offset: [number, number] };

  constructor(private readonly o: MapControllerOptions) {
    const { container } = o;
    this.container = container;
    container.dataset.ready = "false";
    // Until the map is first drawn (drawOnceLoaded), src/styles/base.css says so over the sea.
    container.dataset.firstDraw = "pending";
    const none: MapFeatures = {
      markers: { type: "FeatureCollection", features: [] },
      extents: { type: "FeatureCollection", features: [] },
      radii: { type: "FeatureCollection", features: [] },
    };
    this.pending = {
      data: o.data ?? none,
      selection: null,
      fly: false,
      clustered: true,
      iconZoom: 0,
      tiles: null,
    };
    this.hasData = !!o.data;
    this.opening = { camera: o.camera, offset: [0, 0] };
    this.wanted = o.basemap;
    this.basemaps = this.basemapSwitch();
    this.extents = createExtentVisibility();
    this.arm = createReadiness({
      container,
      points: () => this.points,
      destroyed: () => this.destroyed,
      // Cut the extents' tiles now, so that zooming in finds them ready (see eventTiles), and make
      // the points' own canvas before the first filter change needs it.
      whenIdleAfterReady: () => {
        this.pending.tiles?.start();
        this.points?.prepare();
      },
    });
    // MapLibre's worker starts now, not once the style is chosen: it fetches and parses the
    // basemap's tiles, and since the map is drawn only once they are in (drawOnceLoaded), its start
    // is on the way to ready.
    prewarm();
    void chooseStyle(o.baseUrl, o.basemap, o.basemapConfig, o.camera).then((choice) =>
      this.makeMap(choice),
    );
  }

  setData(data: MapFeatures, clustered = true, iconZoom = 0): void {
    const { pending, map, extents } = this;
    const reclustered = clustered !== pending.clustered;
    const redensed = iconZoom !== pending.iconZoom;
    const changed = data !== pending.data;
    const tiles = clustered ? null : pending.tiles;
    if (tiles !== pending.tiles) pending.tiles?.dispose();
    const retiled = tiles !== pending.tiles;
    this.pending = { ...pending, data, clustered, iconZoom, tiles };
    this.hasData = true;
    // The point layer's buffers are made from the data: new data (rare) or a switch between
    // clustered and not makes the layers again.
    if (map && (!this.layersAdded || retiled || reclustered || (changed && !clustered)))
      this.addLayers(map);
    else if (map && this.layersAdded) {
      if (redensed) {
        setDense(map, clustered ? 0 : iconZoom);
        this.points?.setIconZoom(iconZoom);
        extents.catchUp(map, data, iconZoom);
      }
      if (changed) {
        setEventData(map, data);
        extents.clear(map);
        if (extents.visible) this.applyVisible(map);
      }
    }
    this.armReady();
  }

  setVisible(v: IndexSet | null): void {
    this.extents.visible = v;
    if (this.map && this.layersAdded) this.applyVisible(this.map);
  }

  prepareTiles(bytes: Uint8Array): void {
    if (this.pending.tiles || bytes.byteLength === 0) return;
    const tiles = eventTiles(bytes);
    tiles.ready.catch((e: Error) => this.notice(this.words().eventsFailed(e.message), "error"));
    this.pending = { ...this.pending, tiles };
  }

  select(selection: FeatureCollection | null, fly: boolean): void {
    this.pending = { ...this.pending, selection, fly };
    if (this.map?.getSource("event-selection")) this.apply(this.map);
  }

  jumpTo(c: Camera): void {
    if (!this.map) this.opening = { camera: c, offset: [0, 0] };
    this.map?.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
    this.results.forget();
  }

  moveTo(c: Camera, animate: boolean, offset: [number, number] = [0, 0]): void {
    if (!this.map) this.opening = { camera: c, offset };
    const to = { center: [c.lng, c.lat] as [number, number], zoom: c.zoom, bearing: c.bearing };
    if (animate) this.map?.flyTo({ ...to, pitch: c.pitch, offset });
    else this.map?.easeTo({ ...to, pitch: c.pitch, offset, duration: 0 });
    this.results.forget();
  }

  setBasemap(basemap: BasemapId): void {
    if (basemap === this.wanted) return;
    this.wanted = basemap;
    if (this.map) void this.basemaps.switchTo(this.map, basemap);
  }

  resize(): void {
    this.map?.resize({ [RESIZED]: true });
    if (this.map) this.results.roomChanged(this.o.padding());
  }

  readonly snapshot = () => (this.map ? snapshotMap(this.map) : Promise.resolve(null));
  destroy(): void {
    this.destroyed = true;
    this.pending.tiles?.dispose();
    this.map?.remove();
    this.map = null;
  }

  /** The words of the language shown for the map's notices and MapLibre's controls. */
  private readonly words = () => (this.o.lang() === "es" ? mapNoticesEs : mapNoticesEn);

  /** After a switch of language: MapLibre words its labels once, when it makes them. */
  relabel(): void {
    const w = this.words().maplibre;
    this.map?.getCanvas().setAttribute("aria-label", w["Map.Title"]);
    for (const b of this.container.querySelectorAll(".maplibregl-ctrl-attrib-button")) {
      b.setAttribute("title", w["AttributionControl.ToggleAttribution"]);
      b.setAttribute("aria-label", w["AttributionControl.ToggleAttribution"]);
    }
  }

  private notice(msg: string, kind: "info" | "error"): void {
    if (this.reported.has(msg)) return;
    this.reported.add(msg);
    if (kind === "error") console.error(msg);
    this.o.onNotice(msg, kind);
  }

  /** Basemap switches: a new style has none of our layers; they go in again at `style.load`. */
  private basemapSwitch(): BasemapSwitch {
    return createBasemapSwitch({
      container: this.container,
      baseUrl: this.o.baseUrl,
      config: this.o.basemapConfig,
      destroyed: () => this.destroyed,
      // An online basemap's failure is told again at each switch (the app's notices drop a repeat
      // still on screen); a missing embedded file once, and on the console.
      notify: (msg, kind) =>
        kind === "error" ? this.notice(msg, kind) : this.o.onNotice(msg, kind),
      words: () => this.words(),
      beforeSwitch: () => {
        this.pending = { ...this.pending, fly: false };
        this.styled = false;
      },
    });
  }

  private armReady(): void {
    if (this.loaded && this.hasData) this.arm(this.map);
  }

  private applyVisible(m: MapLibreMap): void {
    this.extents.apply(m, this.pending.data, this.points, this.pending.iconZoom);
  }

  /** The map, once its style is chosen. */
  private makeMap(choice: StyleChoice): void {
    if (this.destroyed) return;
    const { container } = this;
    performance.mark("vsm:style");
    this.basemaps.show(choice);
    const map = new MapLibreMap({
      ...mapOptions({ ...this.o, camera: this.opening.camera }, choice.style),
      locale: this.words().maplibre,
    });
    this.map = map;
    this.mapMade(map);
    this.results.attach(map, this.opening.camera ? null : this.o.initialBounds);
    attachProbe(map, container);
    drawOnceLoaded(map, container, () => this.destroyed);
    skipSky(map);
    map.touchZoomRotate.disableRotation();
    // The credit starts expanded; on a phone it would cover the map, so keep it behind its (i).
    if (container.clientWidth < 500)
      map.once("load", () =>
        container
          .querySelector(".maplibregl-ctrl-attrib")
          ?.classList.remove("maplibregl-compact-show"),
      );
    // The credit is in, and in its place: the opening view keeps clear of it.
    map.once("load", () => this.resize());
    this.wire(map);
    // Wired first: the link records where this leaves the camera.
    const [dx, dy] = this.opening.offset;
    if (dx || dy) map.panBy([-dx, -dy], { duration: 0 });
    if (this.wanted !== this.o.basemap) void this.basemaps.switchTo(map, this.wanted);
  }

  private wire(m: MapLibreMap): void {
    const tilesOf = (src: string) =>
      (m.getSource(src) as { tiles?: string[] } | undefined)?.tiles?.[0];
    m.on("error", (e) =>
      this.notice(
        mapErrorMessage(e as MapErrorLike, tilesOf, location.origin, this.words()),
        "error",
      ),
    );
    // The event layers go in as soon as the style and the events are, not once the basemap's tiles
    // are (`load`): their sources then load in the same frames as the basemap's tiles instead of
    // one software-drawn frame after another once it is done. A big dataset's point layer draws
    // from the frame after `load` (start), so it is drawn once before ready, not in every frame of
    // the loading. Again after each basemap switch, whose new style holds none of our layers.
    m.on("style.load", () => {
      this.styled = true;
      addSelectionSource(m);
      this.addLayers(m);
    });
    m.on("load", () => {
      performance.mark("vsm:map-load");
      this.loaded = true;
      // The layers went in at style.load or setData, whichever came last.
      this.points?.start();
      this.armReady();
    });
    wirePicking(m, {
      points: () => this.points,
      iconZoom: () => this.pending.iconZoom,
      titleOf: this.o.titleOf,
      onSelect: this.o.onSelect,
      onChooseAmong: this.o.onChooseAmong,
      listsInPanel: this.o.listsInPanel,
      padding: this.o.padding,
      onUserZoom: () => this.results.markMoved(),
    });
    m.on("zoom", () => this.extents.catchUp(m, this.pending.data, this.pending.iconZoom));
    m.on("moveend", (e) => {
      if (!isOwnResize(e)) this.o.onCamera(cameraOf(m));
    });
  }

  /** (Re)makes the event layers once the style and the data are both there (a big dataset's point
   * layer draws once the basemap's tiles are too: see `style.load`). */
  private addLayers(m: MapLibreMap): void {
    if (!this.styled || !this.hasData) return;
    const { pending, container, extents } = this;
    if (this.layersAdded) removeEventLayers(m);
    const points = pending.clustered
      ? null
      : eventPointsLayer(
          pending.data.points ?? pointBuffers(pending.data.markers.features),
          pending.iconZoom,
          this.showDrawn,
        );
    this.points = points;
    if (!points) delete container.dataset.drawn;
    addEventLayers(m, pending.data, {
      clustered: pending.clustered,
      tiles: pending.tiles ?? undefined,
      points: points ?? undefined,
    });
    labelsOverEvents(m);
    if (this.loaded) points?.start();
    this.layersAdded = true;
    // Which way the events reach the map, for tests and for whoever inspects the page.
    container.dataset.events = points ? "points" : "clustered";
    container.dataset.extents = pending.tiles ? "tiles" : "geojson";
    setDense(m, pending.clustered ? 0 : pending.iconZoom);
    extents.reset();
    if (extents.visible) this.applyVisible(m);
    if (pending.selection) this.apply(m);
  }

  /** How many markers the point layer drew last (it skips those off the view or under another in
   * the same pixel), for tests and for whoever inspects the page. */
  private readonly showDrawn = (drawn: number): void => {
    const { container } = this;
    if (container.dataset.drawn !== String(drawn)) container.dataset.drawn = String(drawn);
  };

  private apply(m: MapLibreMap): void {
    const { selection, fly } = this.pending;
    setSelection(m, selection ?? { type: "FeatureCollection", features: [] });
    // Drawn by MapLibre's selection layers, over the points while they are in its canvas; the point
    // layer's own canvas draws it over them (see EventPointsLayer).
    this.points?.setSelected(selectedMarker(selection));
    if (fly && selection && selection.features.length > 0)
      frameSelection(m, selection, this.container.dataset.ready === "true");
  }
}
