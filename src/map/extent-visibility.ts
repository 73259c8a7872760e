/**
 * Which routes and areas a big dataset's filter hides: MapLibre's feature-state per changed
 * extent, not new data, so a filter change re-sends and re-tiles nothing. Below the icon zoom
 * (where extents are not drawn) the changes wait, and catch up on zooming in.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { IndexSet } from "../model/query/index-set.ts";
import type { MapFeatures } from "../model/markers/map-features.ts";
import { visibilityBytes } from "../model/markers/point-buffers.ts";
import { clearHidden, setHidden } from "./hidden-state.ts";
import type { EventPointsLayer } from "./event-points.ts";

/** Where each event's extent features live: its index, and the sources holding them. */
interface Homes {
  of: MapFeatures;
  idx: number[];
  sources: string[][];
  size: number;
}

function homesOf(d: MapFeatures): Homes {
  const at = new Map<number, string[]>();
  const note = (source: string) => (f: { properties: { idx: number } }) => {
    const list = at.get(f.properties.idx);
    if (list) list.push(source);
    else at.set(f.properties.idx, [source]);
  };
  d.extents.features.forEach(note("event-extents"));
  d.radii.features.forEach(note("event-radii"));
  const idx = [...at.keys()];
  return {
    of: d,
    idx,
    sources: [...at.values()],
    size: idx.reduce((a, b) => Math.max(a, b + 1), 0),
  };
}

export interface ExtentVisibility {
  /** The filter: the events to show, or null for all. */
  visible: IndexSet | null;
  /** Shows `visible` on the map: the point layer's bytes, and the extents when they are drawn. */
  apply(m: MapLibreMap, data: MapFeatures, points: EventPointsLayer | null, iconZoom: number): void;
  /** After a zoom or an icon-zoom change: draws the extents' waiting changes once they show. */
  catchUp(m: MapLibreMap, data: MapFeatures, iconZoom: number): void;
  /** New layers: nothing is hidden on them yet. */
  reset(): void;
  /** New data in the same layers: forgets what was hidden on the old. */
  clear(m: MapLibreMap): void;
}

export function createExtentVisibility(): ExtentVisibility {
  let hiddenNow = new Uint8Array(0);
  let homes: Homes | null = null;
  let stale = false;

  /** Hides and shows routes and areas by feature-state; how many changed. */
  const applyExtents = (m: MapLibreMap, data: MapFeatures, visible: IndexSet | null): number => {
    if (homes?.of !== data) homes = homesOf(data);
    const { idx, sources, size } = homes;
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

  const self: ExtentVisibility = {
    visible: null,
    apply(m, data, points, iconZoom) {
      stale = !!points && m.getZoom() < iconZoom;
      const changed = stale ? 0 : applyExtents(m, data, self.visible);
      // Routes or areas hidden or shown: MapLibre draws a frame anyway, the points in it.
      points?.setVisible(visibilityBytes(points.points, self.visible), changed > 0);
    },
    catchUp(m, data, iconZoom) {
      if (stale && m.getZoom() >= iconZoom) {
        stale = false;
        applyExtents(m, data, self.visible);
      }
    },
    reset() {
      hiddenNow = new Uint8Array(0);
    },
    clear(m) {
      if (hiddenNow.includes(1)) clearHidden(m);
      hiddenNow = new Uint8Array(0);
    },
  };
  return self;
}
