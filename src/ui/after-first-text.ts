import { createEffect } from "solid-js";
import type { AppState } from "../state/app-state.ts";

/**
 * Resolves once the page's text is on screen, so that evaluating the map's chunk (fetched and
 * compiled already: it is preloaded) and making the map do not hold up drawing the list or a
 * linked event's panel: once the data is in and a frame has drawn it, or the load has failed. A
 * big dataset that announces its count, or one that takes longer than `waitMs`, does not wait: the
 * map's own start-up then runs while the rest of it loads.
 */
export function afterFirstText(
  s: Pick<AppState, "announced" | "loadError" | "data">,
  waitMs = 1000,
): Promise<void> {
  return new Promise((resolve) => {
    let waiting = true;
    const done = () => {
      waiting = false;
      clearTimeout(late);
      resolve();
    };
    const late = setTimeout(done, waitMs);
    createEffect(() => {
      if (!waiting) return;
      if (s.announced() !== null || s.loadError()) done();
      else if (s.data()) requestAnimationFrame(() => setTimeout(done));
    });
  });
}
