import { createEffect, onCleanup, onMount } from "solid-js";
import type { IndexSet } from "../model/query/index-set.ts";
import {
  densityColumns,
  makeShownDensity,
  type DensityColumns,
  type TimelineScale,
} from "../model/query/timeline.ts";
import type { AppState } from "../state/app-state.ts";

/** The set's mask, or one made from it (indexSet and filterSet always have one). */
const maskOf = (set: IndexSet, n: number) =>
  set.mask ?? Uint8Array.from({ length: n }, (_, i) => (set.has(i) ? 1 : 0));

/** A pixel's colour as one 32-bit word of canvas bytes (R, G, B, A in memory). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const rgba = (hex: number) =>
  LITTLE_ENDIAN
    ? (0xff000000 | ((hex & 0xff) << 16) | (hex & 0xff00) | (hex >> 16)) >>> 0
    : ((hex << 8) | 0xff) >>> 0;
/** All events (slate-300) and those shown (slate-700). */
const PALE = rgba(0xcbd5e1),
  DARK = rgba(0x334155);

/**
 * For big datasets the timeline can't hold one element per event: it draws how many events
 * each pixel column covers — all events faint, those shown dark — on a canvas (columns and sums
 * from src/model/query/timeline.ts). Point-in-time detail is in the list; this shows where in time the
 * mass lies.
 */
export function TimelineDensity(props: { state: AppState; scale: () => TimelineScale }) {
  const s = props.state;
  let canvas!: HTMLCanvasElement;
  // The canvas's CSS size, from the ResizeObserver: reading clientWidth on every filter change
  // would force a layout in the middle of the DOM updates.
  let size: { w: number; h: number } | null = null;
  // The columns depend on the width and the scale, not on the filters: a timeline step only
  // updates the shown events' shares (makeShownDensity).
  let cols: {
    key: string;
    of: object;
    columns: DensityColumns;
    shown: (mask: Uint8Array) => Float64Array;
  } | null = null;
  let image: ImageData | null = null;

  function draw() {
    const ctx = canvas?.getContext?.("2d");
    if (!ctx) return;
    size ??= { w: canvas.clientWidth, h: canvas.clientHeight };
    const w = Math.max(1, Math.round(size.w)),
      dpr = window.devicePixelRatio || 1;
    // The canvas in device pixels (whole ones, or a fractional ratio would resize it every time).
    const W = Math.round(w * dpr),
      H = Math.round((size.h || 40) * dpr);
    if (canvas.width !== W || canvas.height !== H) {
      canvas.width = W;
      canvas.height = H;
    }
    const { lo, hi, knee, kneeAt } = props.scale();
    const key = `${w}:${lo}:${hi}:${knee}:${kneeAt}`;
    if (cols?.key !== key || cols.of !== s.filterIndex()) {
      const { starts, ends } = s.filterIndex();
      const columns = densityColumns(starts, ends, props.scale(), w);
      cols = { key, of: s.filterIndex(), columns, shown: makeShownDensity(columns) };
    }
    const all = cols.columns.all,
      shown = cols.shown(maskOf(s.visibleSet(), cols.columns.x0.length));
    let max = 1;
    for (let x = 0; x < w; x++) if (all[x]! > max) max = all[x]!;
    // Pixels written in one pass and put at once: two rectangles per column meant thousands of
    // canvas calls per timeline step.
    if (image?.width !== W || image.height !== H) image = ctx.createImageData(W, H);
    const px = new Uint32Array(image.data.buffer);
    px.fill(0);
    for (let x = 0; x < w; x++) {
      // Max(0): adding and taking away shares may leave a rounding error of 1e-16 either way.
      const allTop = H - Math.round((all[x]! / max) * H),
        shownTop = H - Math.round((Math.max(0, shown[x]!) / max) * H);
      for (let c = Math.round(x * dpr), c1 = Math.round((x + 1) * dpr); c < c1; c++) {
        for (let y = allTop; y < shownTop; y++) px[y * W + c] = PALE;
        for (let y = Math.max(allTop, shownTop); y < H; y++) px[y * W + c] = DARK;
      }
    }
    ctx.putImageData(image, 0, 0);
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
    props.scale();
    draw();
  });
  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas is not focusable; the marks carry the data.
  return <canvas ref={canvas} class="density" aria-hidden="true" />;
}
