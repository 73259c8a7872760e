import { createEffect, on, onCleanup, onMount } from "solid-js";
import { createMapController, type MapController } from "../map/map-controller.ts";
import { mapFilterExpression } from "../model/map-filter.ts";
import { selectionFeatures, subsetMapFeatures, type MapFeatures } from "../model/map-features.ts";
import type { AppState } from "../state/app-state.ts";

/** The region the app opens on: Venezuela, the Colombian border and the southern Caribbean. */
/** Up to this many mappable events, pins are clustered and filtered by sending the subset. */
export const CLUSTER_LIMIT = 5000;

export const INITIAL_BOUNDS: [number, number, number, number] = [-75.5, 0.5, -58.5, 16.5];

export function MapPane(props: { state: AppState; onlineStyleUrl: string | null }) {
  const s = props.state;
  let el!: HTMLDivElement;
  let ctl: MapController | undefined;
  onMount(() => {
    ctl = createMapController({
      container: el,
      baseUrl: document.baseURI,
      data: s.data() ? subsetMapFeatures(s.mapFeatures(), s.visibleSet()) : undefined,
      onlineStyleUrl: props.onlineStyleUrl,
      camera: s.camera(),
      initialBounds: INITIAL_BOUNDS,
      onCamera: (c) => s.actions.cameraMoved(c),
      onSelect: (idx) => s.actions.selectIndex(idx, false),
      onChooseAmong: (idxs) => s.actions.choose(idxs),
      onNotice: (message, kind) => s.actions.notify(message, kind),
    });
    const ro = new ResizeObserver(() => ctl?.resize());
    ro.observe(el);
    onCleanup(() => {
      ro.disconnect();
      ctl?.destroy();
    });
  });
  // Small datasets: send the matching subset and cluster it. Big ones: send everything once and
  // filter with an expression on the map's side (no 100k features re-sent per timeline step);
  // only a full-text search, which no expression can do, falls back to sending the subset.
  let sent: MapFeatures | null = null;
  createEffect(
    on([s.data, s.mapFeatures, s.visibleSet], ([d, all, shown]) => {
      if (!d || !ctl) return;
      const expr = all.markers.features.length > CLUSTER_LIMIT ? mapFilterExpression(s.view.filters) : null;
      if (expr) {
        if (sent !== all) ctl.setData((sent = all), false);
        ctl.setFilter(expr);
      } else {
        ctl.setFilter(null);
        ctl.setData(subsetMapFeatures(all, shown), all.markers.features.length <= CLUSTER_LIMIT);
        sent = null;
      }
    }, { defer: true }),
  );
  // Back/Forward to an entry with another camera: jump there.
  createEffect(on(s.cameraJump, (c) => c && ctl?.jumpTo(c), { defer: true }));
  createEffect(() => {
    const idx = s.selectedIdx();
    ctl?.select(idx >= 0 ? selectionFeatures(s.mapFeatures(), idx) : null, s.flyOnSelect());
  });
  return <div ref={el} class="map" role="region" aria-label="Map of events. The event list is the keyboard and screen-reader alternative." data-testid="map" />;
}
