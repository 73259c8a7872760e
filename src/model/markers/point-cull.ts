/**
 * Which of a very big dataset's points to draw in a frame: only those near the view, and below the
 * icon zoom only the last-drawn (topmost) point of each screen pixel. Everything else is drawn over
 * or off the screen anyway, but a software GPU pays for every point it is handed: all of 1M dots
 * froze the tab at every frame. Pure, so it is unit-tested in Node.
 */

export interface View {
  /** Column-major 4×4 matrix from the points' x, y (Web Mercator, 0–1) to clip space, as the
   * map's shaders get it. */
  matrix: ArrayLike<number>;
  /** The map's size in CSS pixels. */
  width: number;
  height: number;
}

export interface PointCuller {
  /**
   * Writes to `out` the indices of the points to draw, ascending (dataset order, so overlapping
   * dots stack as they would if all were drawn), and returns how many. A point is drawn when it is
   * visible (`visible[i] === 1`) and within `margin` × the view's size of the view; when `dedupe`,
   * only the last such point of each CSS pixel is. Points are projected again only when the view
   * or the `xy` array differs from the last call's (so `xy` must not be modified in between).
   */
  cull(
    xy: Float32Array,
    visible: Uint8Array,
    view: View,
    dedupe: boolean,
    out: Uint32Array,
  ): number;
}

/**
 * @example
 * const culler = makePointCuller(points.count);
 * const drawn = culler.cull(points.xy, visible, { matrix, width: 1280, height: 800 }, true, indices);
 */
export function makePointCuller(count: number, margin = 0.5): PointCuller {
  /** Each point's pixel in the last view (from the margin's top-left corner, row by row), or -1
   * off it: a filter change in an unmoved view (a timeline drag) needs no projecting again. */
  const cellOf = new Int32Array(count);
  let cells = new Int32Array(0);
  /** Counts the calls: a pixel marked with this call's count has its point already. */
  let round = 0;
  let last: { matrix: number[]; width: number; height: number; xy: Float32Array } | null = null;

  function project(
    xy: Float32Array,
    { matrix: m, width, height }: View,
    w: number,
    h: number,
    mx: number,
    my: number,
  ): void {
    const m0 = m[0]!,
      m1 = m[1]!,
      m3 = m[3]!,
      m4 = m[4]!,
      m5 = m[5]!,
      m7 = m[7]!,
      m12 = m[12]!,
      m13 = m[13]!,
      m15 = m[15]!;
    const sx = width / 2,
      sy = height / 2;
    for (let i = 0; i < count; i++) {
      const x = xy[2 * i]!,
        y = xy[2 * i + 1]!;
      const cw = m3 * x + m7 * y + m15;
      // Clip space to CSS pixels; behind the camera (cw ≤ 0) or off the view and margin: -1.
      const px = Math.floor(((m0 * x + m4 * y + m12) / cw + 1) * sx) + mx;
      const py = Math.floor((1 - (m1 * x + m5 * y + m13) / cw) * sy) + my;
      cellOf[i] = cw > 0 && px >= 0 && px < w && py >= 0 && py < h ? py * w + px : -1;
    }
  }

  return {
    cull(xy, visible, view, dedupe, out) {
      const { width, height } = view;
      const mx = Math.ceil(width * margin),
        my = Math.ceil(height * margin);
      const w = Math.ceil(width) + 2 * mx,
        h = Math.ceil(height) + 2 * my;
      const same =
        last &&
        last.xy === xy &&
        last.width === width &&
        last.height === height &&
        last.matrix.every((v, k) => v === view.matrix[k]);
      if (!same) {
        project(xy, view, w, h, mx, my);
        last = { matrix: Array.from(view.matrix), width, height, xy };
      }
      let n = 0;
      if (!dedupe) {
        for (let i = 0; i < count; i++) if (cellOf[i]! >= 0 && visible[i] === 1) out[n++] = i;
        return n;
      }
      if (cells.length < w * h) (cells = new Int32Array(w * h)), (round = 0);
      // One pass from the last point back: the first visible point met in a pixel this round is
      // the topmost one there (drawn last). Pixels are marked with the round, never cleared.
      const mark = ++round;
      for (let i = count - 1; i >= 0; i--) {
        const cell = cellOf[i]!;
        if (cell >= 0 && visible[i] === 1 && cells[cell] !== mark) {
          cells[cell] = mark;
          out[n++] = i;
        }
      }
      out.subarray(0, n).reverse(); // dataset order
      return n;
    },
  };
}
