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
  const [width, setWidth] = [() => canvas?.clientWidth ?? 0, () => draw()];

  function draw() {
    const ctx = canvas?.getContext?.("2d");
    if (!ctx) return;
    const w = Math.max(1, width()), h = canvas.clientHeight || 40, dpr = window.devicePixelRatio || 1;
    canvas.width = w * dpr;
    canvas.height = h * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const [lo, hi] = props.axis();
    const all = new Float32Array(w), shown = new Float32Array(w);
    const { starts, ends } = s.filterIndex(), visible = s.visibleSet();
    const k = w / Math.max(1, hi - lo);
    for (let i = 0; i < starts.length; i++) {
      const a = starts[i]!, b = ends[i]!;
      const x0 = Math.max(0, Math.floor((a - lo) * k)), x1 = Math.min(w - 1, Math.floor((b - lo) * k));
      // A span spreads its one event over the columns it covers, so vague events don't dominate.
      const share = 1 / (x1 - x0 + 1);
      for (let x = x0; x <= x1; x++) {
        all[x] = all[x]! + share;
        if (visible.has(i)) shown[x] = shown[x]! + share;
      }
    }
    const max = Math.max(1, ...all);
    ctx.clearRect(0, 0, w, h);
    for (let x = 0; x < w; x++) {
      ctx.fillStyle = "#cbd5e1";
      ctx.fillRect(x, h - (all[x]! / max) * h, 1, (all[x]! / max) * h);
      ctx.fillStyle = "#334155";
      ctx.fillRect(x, h - (shown[x]! / max) * h, 1, (shown[x]! / max) * h);
    }
  }

  onMount(() => {
    const ro = new ResizeObserver(() => setWidth());
    ro.observe(canvas);
    onCleanup(() => ro.disconnect());
  });
  createEffect(() => {
    s.visibleSet();
    props.axis();
    draw();
  });
  return <canvas ref={canvas} class="density" aria-hidden="true" />;
}
