import {
  type Accessor,
  type JSX,
  type Setter,
  Show,
  createEffect,
  createSignal,
  getOwner,
  on,
  onCleanup,
  onMount,
  runWithOwner,
} from "solid-js";
import type { BasemapConfig } from "../model/basemap.ts";
import type { MapController } from "../map/map-controller.ts";
import { provideSnapshot } from "./map-snapshot.ts";
import { afterFirstText } from "./after-first-text.ts";
import {
  iconMinZoom,
  selectionFeatures,
  subsetMapFeatures,
  type MapFeatures,
} from "../model/markers/map-features.ts";
import { pointBuffers } from "../model/markers/point-buffers.ts";
import { featuresOf } from "../model/story/highlight.ts";
import type { AppState } from "../state/app-state.ts";
import type { SizeProfile } from "../model/size-profile.ts";
import { BasemapSwitcher } from "./BasemapSwitcher.tsx";
import { followResults, mapPadding } from "./follow-results.ts";
import { overlayPadding } from "../model/camera/overlay-padding.ts";
import { useI18n } from "./i18n.ts";
import type { Translator } from "../state/i18n.ts";
import type { Lang } from "../model/i18n/lang.ts";

/** The region the app opens on: Venezuela, the Colombian border and the southern Caribbean. */
export const INITIAL_BOUNDS: [number, number, number, number] = [-75.5, 0.5, -58.5, 16.5];

/** `children` are drawn over the map (the legend), sized by the map's box, not the timeline's. */
export function MapPane(props: {
  state: AppState;
  basemapConfig: BasemapConfig;
  children?: JSX.Element;
}) {
  const { t, lang } = useI18n();
  const s = props.state;
  let el!: HTMLElement;
  // The map library is most of the app's script: it comes in its own chunk, fetched at once but
  // evaluated after the page's text is on screen, which needs only the data (afterFirstText).
  // Until it is in, what the map should show waits in the state.
  const [ctl, setCtl] = createSignal<MapController>();
  onMount(() => loadController(el, props, ctl, setCtl, t, lang));
  createEffect(on(lang, () => ctl()?.relabel(), { defer: true }));
  // Small datasets: send the matching subset and cluster it. Big ones: every event once,
  // unclustered, as vector tiles cut in a worker from the file's bytes, and hide what the filters
  // exclude by feature-state — nothing is re-sent or re-tiled, and a timeline step touches only
  // the events that changed.
  const denseOf = denseFeatures(t, (message) => s.actions.notify(message));
  createEffect(
    on([ctl, s.data, s.mapFeatures, s.visibleSet], ([c, d, all, shown]) => {
      if (!d || !c) return;
      if (!d.profile.clustered) {
        const { sent, zoom } = denseOf(all, d.profile);
        c.setData(sent, false, zoom);
        c.setVisible(shown.size === d.index.events.length ? null : shown);
      } else {
        c.setVisible(null);
        c.setData(subsetMapFeatures(all, shown), true);
      }
    }),
  );
  // A big dataset: its tiles are cut in a worker from the file's bytes (transferred), while the
  // events are parsed and indexed here.
  createEffect(on([ctl, s.eventsFile], ([c, bytes]) => bytes && c?.prepareTiles(bytes)));
  createEffect(
    on(
      () => s.view.basemap,
      (b) => ctl()?.setBasemap(b),
      { defer: true },
    ),
  );
  // Back/Forward to an entry with another camera: jump there.
  createEffect(on(s.cameraJump, (c) => c && ctl()?.jumpTo(c), { defer: true }));
  // A story's step: there, flying unless the reader prefers reduced motion, its centre in the
  // part of the map the story's panel leaves free. Measured a frame later, once the step's text
  // (the panel's height on a phone) is laid out.
  // A step shown before the controller was made is moved to once it is.
  createEffect(
    on([ctl, s.cameraGo], ([c, go]) => {
      if (c && go) requestAnimationFrame(() => c.moveTo(go.camera, go.animate, clearOfPanel(el)));
    }),
  );
  createEffect(() => {
    const idx = s.selectedIdx();
    const lit = s.highlighted();
    const all = s.mapFeatures();
    if (idx >= 0) ctl()?.select(selectionFeatures(all, idx), s.flyOnSelect());
    else ctl()?.select(lit.length ? featuresOf(all, lit) : null, false);
  });
  // Curate mode draws the edited event's shape and places points: its code comes only then.
  createEffect(on([ctl, () => s.view.curate], ([c, curate]) => c && curate && curateDrawing(c)));
  const follow = followResults(
    s,
    () => ctl()?.results,
    () => el,
  );
  return (
    <div class="map-wrap">
      <section
        ref={el}
        class="map"
        aria-label={t("map.label")}
        data-testid="map"
        // "Drawing the map…" from the start: the map library may still be on its way.
        data-first-draw="pending"
        // What the map's place says until then (base.css shows it: the words follow the language).
        data-loading={t("map.loadingMap")}
      />
      {props.children}
      {/* Not in the embed view: an iframe's page picks its basemap with basemap= in the link. */}
      <Show when={!s.view.embed}>
        <BasemapSwitcher state={s} />
      </Show>
      <Show when={follow.offered()}>
        <button type="button" class="zoom-to-results" onClick={() => follow.fitOffered()}>
          {t("map.zoomResults")}
        </button>
      </Show>
    </div>
  );
}

/** The offset (px) from the map's centre to the centre of what the story's panel leaves free. */
function clearOfPanel(map: HTMLElement): [number, number] {
  const panel = map.parentElement?.querySelector<HTMLElement>(".story-panel");
  if (!panel) return [0, 0];
  const p = overlayPadding(map.getBoundingClientRect(), [panel.getBoundingClientRect()], 0);
  return [(p.left - p.right) / 2, (p.top - p.bottom) / 2];
}

/**
 * Fetches the map's chunk and makes its controller on `el`, wired to the state: the map reports
 * picks and camera moves as actions, and reads everything else from what MapPane hands it. Called
 * in onMount; what it sets up once the chunk is in is cleaned up with the component.
 */
function loadController(
  el: HTMLElement,
  props: { state: AppState; basemapConfig: BasemapConfig },
  ctl: Accessor<MapController | undefined>,
  setCtl: Setter<MapController | undefined>,
  t: Translator,
  lang: Accessor<Lang>,
) {
  const s = props.state;
  const owner = getOwner();
  let gone = false;
  onCleanup(() => {
    gone = true;
    ctl()?.destroy();
  });
  afterFirstText(s)
    .then(() => import("../map/map-controller.ts"))
    .then(
      ({ createMapController }) => {
        if (gone) return;
        setCtl(
          createMapController({
            container: el,
            baseUrl: document.baseURI,
            basemap: s.view.basemap,
            basemapConfig: props.basemapConfig,
            camera: s.camera(),
            initialBounds: INITIAL_BOUNDS,
            onCamera: (c) => s.actions.cameraMoved(c),
            onSelect: (idx) => s.actions.selectIndex(idx, false),
            titleOf: (idx) => s.events()[idx]?.properties.title ?? "",
            onChooseAmong: (idxs) => s.actions.choose(idxs),
            // The embed lists a cluster's events in its own panel (Embed.tsx), clear of the credits.
            listsInPanel: s.view.embed,
            onNotice: (message, kind) => s.actions.notify(message, kind),
            lang,
            padding: () => mapPadding(el),
          }),
        );
        // After an await there is no owner: these are given back to the component's, so that they
        // go when it does.
        runWithOwner(owner, () => {
          onCleanup(provideSnapshot(() => ctl()?.snapshot() ?? Promise.resolve(null)));
          const ro = new ResizeObserver(() => ctl()?.resize());
          ro.observe(el);
          onCleanup(() => ro.disconnect());
        });
        // The legend's button is measured for the opening fit; its width changes when the font comes.
        void document.fonts?.ready.then(() => ctl()?.resize());
      },
      (e: Error) => {
        delete el.dataset.firstDraw;
        s.actions.notify(t("map.notLoaded", e.message), "error");
      },
    );
}

/**
 * What a big, unclustered dataset sends the map, and its icon zoom, made once per set of features
 * (and said once, in a notice). Dense mode draws no radius discs for unselected events (see
 * setDense), so their source stays empty: at 100k events that spares MapLibre serialising ~50k
 * features for its worker. A sliced dataset has no extent tiles (the worker would parse hundreds
 * of MB again) and sending its extents as GeoJSON would freeze the page: routes and areas are then
 * drawn for the selected event only.
 */
function denseFeatures(t: Translator, notify: (message: string) => void) {
  let dense: { of: MapFeatures; zoom: number; sent: MapFeatures } | null = null;
  return (all: MapFeatures, profile: SizeProfile) => {
    if (dense?.of === all) return dense;
    // The point layer's buffers, made once here: the icon zoom is read from their projected points.
    const zoom = iconMinZoom((all.points ??= pointBuffers(all.markers.features)));
    const none = { type: "FeatureCollection" as const, features: [] };
    const huge = profile.sliced;
    dense = {
      of: all,
      zoom,
      sent: huge
        ? { ...all, radii: none, extents: none }
        : zoom > 0
          ? { ...all, radii: none }
          : all,
    };
    if (zoom > 0) {
      const extents = huge ? t("map.denseSliced") : t("map.denseSelect");
      notify(`${t("map.dense", all.markers.features.length, zoom)} ${extents}`);
    }
    return dense;
  };
}

/** Loads curate mode's drawing onto the map, for as long as the calling effect's run lasts. */
function curateDrawing(c: MapController): void {
  const owner = getOwner();
  let gone = false;
  onCleanup(() => (gone = true));
  void Promise.all([
    c.made,
    import("../map/curate-draw.ts"),
    import("../state/curate/curate-map.ts"),
  ]).then(([map, draw, port]) => {
    if (!gone) runWithOwner(owner, () => port.connectCurateMap(draw.createCurateDraw(map)));
  });
}
