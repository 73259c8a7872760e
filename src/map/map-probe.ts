/**
 * What the browser tests (and whoever inspects the page) can ask the map: where the drawn markers
 * are on the screen, what a layer's paint says, what is under a point. Read-only: it moves and
 * changes nothing. Reached as the map element's `vsmProbe` property.
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import { CLUSTER_LAYER } from "./event-layers.ts";
import { isBasemapLabels } from "./label-order.ts";

/** A drawn marker, in the page's CSS pixels: its centre and radius; a cluster has its count. */
export interface ProbedMarker {
  x: number;
  y: number;
  r: number;
  count: number;
  idx: number | null;
}

export interface MapProbe {
  markers(): ProbedMarker[];
  paint(layer: string, property: string): unknown;
  zoom(): number;
  /** Where a place is on the page, in CSS pixels. */
  project(lng: number, lat: number): { x: number; y: number };
  /** Not moving, and every source and tile in: what is drawn is what the camera and data say. */
  settled(): boolean;
  /** The basemap's names drawn now: only the ones MapLibre's collision pass placed. */
  labels(): string[];
}

/** The icons are drawn at 0.9 × 24 px; the cluster circles' radii follow their counts (plus a
 * 2 px stroke), as in event-layers.ts. */
const ICON_R = 11;
const clusterR = (n: number) => (n >= 10 ? 19 : n >= 5 ? 16 : 13) + 2;

export function attachProbe(m: MapLibreMap, container: HTMLElement): void {
  const probe: MapProbe = {
    markers() {
      const layers = [CLUSTER_LAYER, "event-markers"].filter((l) => m.getLayer(l));
      const box = container.getBoundingClientRect();
      const seen = new Set<string>();
      const out: ProbedMarker[] = [];
      for (const f of m.queryRenderedFeatures({ layers })) {
        if (f.geometry.type !== "Point" || f.state?.hidden) continue;
        const count = Number(f.properties?.point_count ?? 1);
        const idx = f.properties?.cluster ? null : Number(f.properties?.idx);
        const key = idx === null ? `c${f.properties?.cluster_id}` : `e${idx}`;
        if (seen.has(key)) continue; // a feature is returned once per tile it crosses
        seen.add(key);
        const p = m.project(f.geometry.coordinates as [number, number]);
        out.push({
          x: box.left + p.x,
          y: box.top + p.y,
          r: idx === null ? clusterR(count) : ICON_R,
          count,
          idx,
        });
      }
      return out;
    },
    paint: (layer, property) => m.getPaintProperty(layer, property as never),
    zoom: () => m.getZoom(),
    project(lng, lat) {
      const box = container.getBoundingClientRect();
      const p = m.project([lng, lat]);
      return { x: box.left + p.x, y: box.top + p.y };
    },
    settled: () => !m.isMoving() && m.loaded() && m.areTilesLoaded(),
    labels() {
      const layers = m
        .getStyle()
        .layers.filter(isBasemapLabels)
        .map((l) => l.id);
      const names = m.queryRenderedFeatures({ layers }).map((f) => String(f.properties?.name));
      return [...new Set(names)];
    },
  };
  (container as HTMLElement & { vsmProbe?: MapProbe }).vsmProbe = probe;
}
