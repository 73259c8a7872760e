import { describe, expect, it } from "vitest";
import { makePointCuller, type View } from "../../../src/model/markers/point-cull.ts";

/** A 100 × 50 px view of x ∈ [0.40, 0.50], y ∈ [0.30, 0.35]: 1 000 px per unit, no rotation. */
const view = (): View => ({
  matrix: [20, 0, 0, 0, 0, -40, 0, 0, 0, 0, 1, 0, -9, 13, 0, 1],
  width: 100,
  height: 50,
});
/** The pixel a point of that view falls in (x, y from the view's top-left corner). */
const at = (px: number, py: number): [number, number] => [0.4 + px / 1000, 0.3 + py / 1000];

function points(...p: [number, number][]) {
  return { xy: new Float32Array(p.flat()), visible: new Uint8Array(p.length).fill(1) };
}

function cull(
  xy: Float32Array,
  visible: Uint8Array,
  dedupe: boolean,
  v = view(),
  culler = makePointCuller(visible.length),
) {
  const out = new Uint32Array(visible.length);
  return [...out.subarray(0, culler.cull(xy, visible, v, dedupe, out))];
}

describe("point culling (which points a frame draws)", () => {
  it("keeps the visible points in and near the view, in dataset order", () => {
    const { xy, visible } = points(
      at(10.5, 10.5),
      at(-30, 20),
      at(99.5, 49.5),
      at(-60, 20),
      at(50, 70),
      at(50, 10),
      at(180, 10),
    );
    visible[5] = 0;
    // Half a view's margin on each side: -30 and 70 are in it, -60 and 180 are not.
    expect(cull(xy, visible, false)).toEqual([0, 1, 2, 4]);
    expect(cull(xy, visible, true)).toEqual([0, 1, 2, 4]);
  });

  it("draws only the last point of each pixel, so the one on top stays on top", () => {
    const { xy, visible } = points(at(10.2, 10.2), at(10.8, 10.7), at(11.2, 10.2), at(10.5, 10.5));
    expect(cull(xy, visible, false)).toEqual([0, 1, 2, 3]);
    expect(cull(xy, visible, true)).toEqual([2, 3]);
  });

  it("lets a hidden point's pixel fall to the last visible one under it", () => {
    const { xy, visible } = points(at(10.2, 10.2), at(10.8, 10.7), at(10.5, 10.5));
    visible[2] = 0;
    expect(cull(xy, visible, true)).toEqual([1]);
    visible[1] = 0;
    expect(cull(xy, visible, true)).toEqual([0]);
  });

  it("gives the same answer when called again with the same culler (its pixels are cleared)", () => {
    const { xy, visible } = points(at(10.2, 10.2), at(10.8, 10.7), at(30, 30));
    const culler = makePointCuller(3);
    expect(cull(xy, visible, true, view(), culler)).toEqual([1, 2]);
    visible[1] = 0;
    expect(cull(xy, visible, true, view(), culler)).toEqual([0, 2]);
    expect(cull(xy, visible, true, { ...view(), width: 400, height: 300 }, culler)).toEqual([0, 2]);
  });

  it("projects again for other points with the same view", () => {
    const culler = makePointCuller(2);
    const a = points(at(10, 10), at(200, 10));
    expect(cull(a.xy, a.visible, false, view(), culler)).toEqual([0]);
    const b = points(at(200, 10), at(10, 10));
    expect(cull(b.xy, b.visible, false, view(), culler)).toEqual([1]);
  });

  it("drops points behind the camera", () => {
    const { xy, visible } = points(at(10, 10));
    const behind = view().matrix as number[];
    expect(
      cull(xy, visible, false, { ...view(), matrix: behind.map((v, k) => (k === 15 ? -1 : v)) }),
    ).toEqual([]);
  });

  it("matches a plain per-pixel count on many random points", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 20_000;
    const p = Array.from({ length: n }, () => at(random() * 240 - 70, random() * 120 - 35));
    const { xy, visible } = points(...p);
    for (let i = 0; i < n; i++) visible[i] = random() < 0.7 ? 1 : 0;
    const last = new Map<string, number>();
    for (let i = 0; i < n; i++) {
      const px = Math.floor((xy[2 * i]! - 0.4) * 1000),
        py = Math.floor((xy[2 * i + 1]! - 0.3) * 1000);
      if (visible[i] && px >= -50 && px < 150 && py >= -25 && py < 75) last.set(`${px},${py}`, i);
    }
    const expected = [...last.values()].sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(5000);
    expect(expected.length).toBeLessThan(n * 0.7 * 0.8);
    expect(cull(xy, visible, true)).toEqual(expected);
  });

  it("after filter changes, view changes and mode switches, draws what a fresh culler draws", () => {
    // One culler kept across 300 random steps (as a map keeps it), against a new one each step.
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const n = 5000;
    // Clustered points, many sharing a pixel, so the pixels' chains are long.
    const centres = Array.from({ length: 40 }, () => at(random() * 200 - 50, random() * 100 - 25));
    const { xy, visible } = points(
      ...Array.from({ length: n }, () => {
        const [x, y] = centres[Math.floor(random() * centres.length)]!;
        return [x + (random() - 0.5) * 0.004, y + (random() - 0.5) * 0.004] as [number, number];
      }),
    );
    const views = [
      view(),
      { ...view(), width: 160, height: 90 },
      { ...view(), matrix: (view().matrix as number[]).map((v, k) => (k === 12 ? v + 0.3 : v)) },
    ];
    const kept = makePointCuller(n);
    let v = views[0]!,
      dedupe = true,
      changedPixels = 0;
    for (let step = 0; step < 300; step++) {
      const r = random();
      if (r < 0.05) v = views[Math.floor(random() * views.length)]!;
      else if (r < 0.1) dedupe = !dedupe;
      else if (r < 0.15) visible.fill(random() < 0.5 ? 1 : 0);
      else {
        // A timeline step: a few points flip; sometimes a whole category's worth.
        const flips = random() < 0.8 ? 1 + Math.floor(random() * 20) : 1000;
        for (let k = 0; k < flips; k++) {
          const i = Math.floor(random() * n);
          visible[i] = visible[i]! ^ 1;
        }
      }
      const got = cull(xy, visible, dedupe, v, kept);
      const fresh = cull(xy, visible, dedupe, v);
      expect(got).toEqual(fresh);
      changedPixels += got.length;
    }
    expect(changedPixels).toBeGreaterThan(1000);
  });
});
