/**
 * Switching the basemap of a map that is already drawn. MapLibre's setStyle drops every source and
 * layer, the events' too: the controller adds them again at `style.load` (map-controller.ts), and
 * the camera is left where it is (online styles lose their own camera in load-style.ts).
 */
import type { Map as MapLibreMap } from "maplibre-gl";
import type { BasemapId } from "../model/basemap.ts";
import type { MapNoticeText } from "../model/i18n/en/map-notices.ts";
import { cameraOf } from "./camera.ts";
import { chooseStyle, type BasemapConfig, type StyleChoice } from "./load-style.ts";

export interface BasemapSwitchOptions {
  container: HTMLElement;
  baseUrl: string;
  config: BasemapConfig;
  destroyed: () => boolean;
  /** An online basemap fell back (info), or the embedded one is missing (error). */
  notify: (message: string, kind: "info" | "error") => void;
  /** The notices' words, in the language shown when one is told. */
  words: () => MapNoticeText;
  /** Just before setStyle: the controller forgets what the old style held. */
  beforeSwitch: () => void;
}

export interface BasemapSwitch {
  /** Marks the map as showing a choice (`data-basemap`), and tells its notice. */
  show(choice: StyleChoice): void;
  /** Loads a basemap's style and puts it on the map; a later call wins over an earlier one. */
  switchTo(m: MapLibreMap, basemap: BasemapId): Promise<void>;
}

export function createBasemapSwitch(o: BasemapSwitchOptions): BasemapSwitch {
  const { container } = o;
  let switches = 0;
  const show = (choice: StyleChoice) => {
    container.dataset.basemap = choice.kind;
    delete container.dataset.switching;
    if (choice.notice)
      o.notify(choice.notice(o.words()), choice.kind === "error" ? "error" : "info");
  };
  return {
    show,
    async switchTo(m, basemap) {
      const token = ++switches;
      container.dataset.switching = basemap;
      const choice = await chooseStyle(o.baseUrl, basemap, o.config, cameraOf(m));
      if (o.destroyed() || token !== switches) return;
      o.beforeSwitch();
      // Marked once the new basemap is drawn with the events on it, not when it is asked for.
      m.once("style.load", () =>
        m.once("idle", () => {
          if (token !== switches) return;
          show(choice);
          // The imagery's credit is long, and its owner asks that it be legible beside the map:
          // open, even on a phone, where the credit starts folded.
          if (choice.kind === "satellite")
            container
              .querySelector(".maplibregl-ctrl-attrib")
              ?.classList.add("maplibregl-compact-show");
        }),
      );
      m.setStyle(choice.style, { diff: false });
    },
  };
}
