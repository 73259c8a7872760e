/**
 * What the map controller (map-controller.ts) is given and what it offers: the whole of what the
 * rest of the app may ask of MapLibre, as types, apart from the controller's workings.
 */
import type { FeatureCollection } from "geojson";
import type { Map as MapLibreMap } from "maplibre-gl";
import type { BasemapId } from "../model/basemap.ts";
import type { Lang } from "../model/i18n/lang.ts";
import type { MapFeatures } from "../model/markers/map-features.ts";
import type { IndexSet } from "../model/query/index-set.ts";
import type { Camera } from "../model/view-state.ts";
import type { BasemapConfig } from "./load-style.ts";
import type { MapPlacement } from "./map-options.ts";
import type { ResultsCamera } from "./results-camera.ts";

/** Where the map goes and the view it starts on, with its padding (map-options.ts), and: */
export interface MapControllerOptions extends MapPlacement {
  baseUrl: string;
  /** The events, when already loaded; otherwise call setData later. Readiness waits for them. */
  data?: MapFeatures;
  /** The basemap to start on, and where the online ones come from (load-style.ts). */
  basemap: BasemapId;
  basemapConfig: BasemapConfig;
  /** After every move: the URL keeps the camera (we write it ourselves, see url-sync.ts). */
  onCamera: (camera: Camera) => void;
  onSelect: (idx: number) => void;
  /** The title of an event, for the hover tooltip (map features carry only its index). */
  titleOf: (idx: number) => string;
  /** Several events share one spot even at full zoom: let the user choose. */
  onChooseAmong: (idxs: number[]) => void;
  listsInPanel: boolean; // picking.ts
  onNotice: (message: string, kind: "info" | "error") => void;
  /** The language shown: the notices and MapLibre's own labels are in it. */
  lang: () => Lang;
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
  /** Re-words MapLibre's own labels in the language now shown. */
  relabel(): void;
  jumpTo(camera: Camera): void;
  /** Move to a camera, flying there when `animate` (the reader does not prefer reduced motion).
   * `offset` (px) places its centre that far from the map's, clear of a panel over the map. */
  moveTo(camera: Camera, animate: boolean, offset?: [number, number]): void;
  /** Show another basemap, keeping the camera, the events and the selection. The map element's
   * `data-basemap` says what is shown once it is drawn (`data-switching` meanwhile). */
  setBasemap(basemap: BasemapId): void;
  /** Fitting the camera to the filtered results (results-camera.ts). */
  readonly results: ResultsCamera;
  /** The map's box, or the room the overlays leave it, may have changed. */
  resize(): void;
  snapshot(): Promise<HTMLCanvasElement | null>; // the map as drawn now (snapshot.ts)
  readonly made: Promise<MapLibreMap>; // the map once made: curate mode draws on it (curate-draw.ts)
  destroy(): void;
}
