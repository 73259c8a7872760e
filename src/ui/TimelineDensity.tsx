import { createEffect, onCleanup, onMount } from "solid-js";
import type { IndexSet } from "../model/filter.ts";
import { densityColumns, makeShownDensity, type DensityColumns } from "../model/timeline.ts";
import type { AppState } from "../state/app-state.ts";

/** The set's mask, or one made from it (indexSet and filterSet always have one). */
const maskOf = (set: IndexSet, n: number) => set.mask ?? Uint8Array.from({ length: n }, (_, i) => (set.has(i) ? 1 : 0));

/**
 * For big datasets the timeline can't hold one element per event: it draws how many events
 * each pixel column covers — all events faint, those shown dark — on a canvas (columns and sums
 * from src/model/timeline.ts). Point-in-time detail is in the list; this shows where in time the
 * mass lies.
 */
export function TimelineDensity(props: { state: AppState; axis: () => readonly [number, number] }) {
  const s = props.state;
  let canvas!: HTMLCanvasElement;
  // The canvas's CSS size, from the ResizeObserver: reading clientWidth on every filter change
  // would force a layout in the middle of the DOM updates.
  let size: { w: number; h: number } | null = null;
  // The columns depend on the width and the axis, not on the filters: a timeline step only
  // updates the shown events' shares (makeShownDensity).
  let cols: { key: string; of: object; columns: DensityColumns; shown: (mask: Uint8Array) => Float64Array } | null = null;

  function draw() {
    const ctx = canvas?.getContext?.("2d");
    if (!ctx) return;
    size ??= { w: canvas.clientWidth, h: canvas.clientHeight };
    const w = Math.max(1, Math.round(size.w)), h = size.h || 40, dpr = window.devicePixelRatio || 1;
    if (canvas.width !== w * dpr || canvas.height !== Math.round(h * dpr)) {
      canvas.width = w * dpr;
      canvas.height = Math.round(h * dpr);
    }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const key = `${w}:${props.axis().join(":")}`;
    if (cols?.key !== key || cols.of !== s.filterIndex()) {
      const [lo, hi] = props.axis(), { starts, ends } = s.filterIndex();
      const columns = densityColumns(starts, ends, lo, hi, w);
      cols = { key, of: s.filterIndex(), columns, shown: makeShownDensity(columns) };
    }
    const all = cols.columns.all, shown = cols.shown(maskOf(s.visibleSet(), cols.columns.x0.length));
    let max = 1;
    for (let x = 0; x < w; x++) if (all[x]! > max) max = all[x]!;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = "#cbd5e1";
    for (let x = 0; x < w; x++) ctx.fillRect(x, h - (all[x]! / max) * h, 1, (all[x]! / max) * h);
    ctx.fillStyle = "#334155";
    // Max(0): adding and taking away shares may leave a rounding error of 1e-16 either way.
    for (let x = 0; x < w; x++) {
      const v = Math.max(0, shown[x]!) / max;
      ctx.fillRect(x, h - v * h, 1, v * h);
    }
  }

  onMount(() => {
    if (typeof ResizeObserver === "undefined") return;
    const ro = new ResizeObserver((entries) => {
      const r = entries[entries.length - 1]?.contentRect;
      size = r ? { w: r.width, h: r.height } : null;
      draw();
    });
    ro.observe(canvas);
    onCleanup(() => ro.disconnect());
  });
  createEffect(() => {
    s.visibleSet();
    s.filterIndex();
    props.axis();
    draw();
  });
  return <canvas ref={canvas} class="density" aria-hidden="true" />;
}
