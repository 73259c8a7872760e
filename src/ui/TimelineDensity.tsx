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
  // Each column's share of all events, and the columns each event covers, depend on the width
  // and the axis, not on the filters: a timeline step only sums the shown events' columns.
  let allOf: { key: string; of: object; all: Float32Array; x0: Int32Array; x1: Int32Array } | null = null;

  function columns(w: number): { all: Float32Array; x0: Int32Array; x1: Int32Array } {
    const [lo, hi] = props.axis();
    const { starts, ends } = s.filterIndex();
    const n = starts.length, all = new Float32Array(w), x0s = new Int32Array(n), x1s = new Int32Array(n);
    const k = w / Math.max(1, hi - lo);
    for (let i = 0; i < n; i++) {
      const x0 = Math.max(0, Math.floor((starts[i]! - lo) * k)), x1 = Math.min(w - 1, Math.floor((ends[i]! - lo) * k));
      x0s[i] = x0;
      x1s[i] = x1;
      // A span spreads its one event over the columns it covers, so vague events don't dominate.
      const share = 1 / (x1 - x0 + 1);
      for (let x = x0; x <= x1; x++) all[x] = all[x]! + share;
    }
    return { all, x0: x0s, x1: x1s };
  }

  function shownHistogram(w: number, x0s: Int32Array, x1s: Int32Array): Float32Array {
    const visible = s.visibleSet(), mask = visible.mask;
    const out = new Float32Array(w);
    for (let i = 0; i < x0s.length; i++) {
      if (!(mask ? mask[i] === 1 : visible.has(i))) continue;
      const x0 = x0s[i]!, x1 = x1s[i]!;
      if (x0 === x1) out[x0] = out[x0]! + 1;
      else for (let x = x0, share = 1 / (x1 - x0 + 1); x <= x1; x++) out[x] = out[x]! + share;
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
    if (allOf?.key !== key || allOf.of !== s.filterIndex()) allOf = { key, of: s.filterIndex(), ...columns(w) };
    const all = allOf.all, shown = shownHistogram(w, allOf.x0, allOf.x1);
    let max = 1;
    for (let x = 0; x < w; x++) if (all[x]! > max) max = all[x]!;
    ctx.clearRect(0, 0, w, h);
    ctx.fillStyle = "#cbd5e1";
    for (let x = 0; x < w; x++) ctx.fillRect(x, h - (all[x]! / max) * h, 1, (all[x]! / max) * h);
    ctx.fillStyle = "#334155";
    for (let x = 0; x < w; x++) ctx.fillRect(x, h - (shown[x]! / max) * h, 1, (shown[x]! / max) * h);
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
