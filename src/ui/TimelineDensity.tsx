import { createEffect, onCleanup, onMount } from "solid-js";
import type { AppState } from "../state/app-state.ts";

/**
 * For big datasets the timeline can't hold one element per event: it draws how many events
 * each pixel column covers — all events faint, those shown dark — on a canvas, one pass per
 * redraw. Point-in-time detail is in the list; this shows where in time the mass lies.
 */
export function TimelineDensity(props: { state: AppState; axis: () => readonly [number, number] }) {
  const s = props.state;
  let canvas!: HTMLCanvasElement;
  // The canvas's CSS size, from the ResizeObserver: reading clientWidth on every filter change
  // would force a layout in the middle of the DOM updates.
  let size: { w: number; h: number } | null = null;
  // Each column's share of all events depends on the width and the axis, not on the filters.
  let allOf: { key: string; of: object; all: Float32Array } | null = null;

  function histogram(w: number, shownOnly: boolean): Float32Array {
    const [lo, hi] = props.axis();
    const { starts, ends } = s.filterIndex();
    const visible = s.visibleSet(), mask = visible.mask;
    const out = new Float32Array(w);
    const k = w / Math.max(1, hi - lo);
    for (let i = 0; i < starts.length; i++) {
      if (shownOnly && !(mask ? mask[i] === 1 : visible.has(i))) continue;
      const a = starts[i]!, b = ends[i]!;
      const x0 = Math.max(0, Math.floor((a - lo) * k)), x1 = Math.min(w - 1, Math.floor((b - lo) * k));
      // A span spreads its one event over the columns it covers, so vague events don't dominate.
      const share = 1 / (x1 - x0 + 1);
      for (let x = x0; x <= x1; x++) out[x] = out[x]! + share;
    }
    return out;
  }

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
    if (allOf?.key !== key || allOf.of !== s.filterIndex()) allOf = { key, of: s.filterIndex(), all: histogram(w, false) };
    const all = allOf.all, shown = histogram(w, true);
    let max = 1;
    for (let x = 0; x < w; x++) if (all[x]! > max) max = all[x]!;
    ctx.clearRect(0, 0, w, h);
    for (let x = 0; x < w; x++) {
      ctx.fillStyle = "#cbd5e1";
      ctx.fillRect(x, h - (all[x]! / max) * h, 1, (all[x]! / max) * h);
      ctx.fillStyle = "#334155";
      ctx.fillRect(x, h - (shown[x]! / max) * h, 1, (shown[x]! / max) * h);
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
