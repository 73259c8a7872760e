import { describe, expect, it } from "vitest";
import {
  formatSession,
  heapGrowth,
  objectGrowth,
  type SessionReport,
  settledHeap,
  warmupCycles,
} from "../../../src/cli/bench/session.ts";

const MB = 1024 * 1024;
const report = (warmHeap: number, endHeap: number, endNodes = 1130): SessionReport => ({
  cycles: 200,
  warmup: 20,
  heapSamples: [warmHeap, endHeap],
  warm: { nodes: 1122, jsEventListeners: 66, heapBytes: warmHeap },
  end: { nodes: endNodes, jsEventListeners: 66, heapBytes: endHeap },
  parts: {
    warm: { objects: 8 * MB, code: 2 * MB, native: 1 * MB },
    end: { objects: 8.2 * MB, code: 2.5 * MB, native: 1.5 * MB },
  },
  pageErrors: [],
});

describe("long-session report", () => {
  it("warms up for a tenth of the session, at least 10 cycles, never past its end", () => {
    expect(warmupCycles(1000)).toBe(100);
    expect(warmupCycles(200)).toBe(20);
    expect(warmupCycles(50)).toBe(10);
    expect(warmupCycles(4)).toBe(4);
  });

  it("reads the end's heap as the median of the last three samples", () => {
    expect(settledHeap([10, 14, 11, 30, 12])).toBe(12);
    expect(settledHeap([10, 30])).toBe(30);
    expect(settledHeap([7])).toBe(7);
    expect(settledHeap([])).toBeNull();
  });

  it("measures heap growth from the warm-up, not from the first load", () => {
    expect(heapGrowth(report(10_000_000, 10_500_000))).toBeCloseTo(0.05);
    expect(heapGrowth(report(10_000_000, 9_000_000))).toBeCloseTo(-0.1);
    expect(heapGrowth(report(0, 1))).toBe(0);
  });

  it("measures the page's objects apart from the compiled code", () => {
    expect(objectGrowth(report(1, 1))).toBeCloseTo(0.025);
    const none = { objects: 0, code: 0, native: 0 };
    expect(objectGrowth({ ...report(1, 1), parts: { warm: none, end: none } })).toBe(0);
  });

  it("prints the DOM and heap change beside the target", () => {
    const ok = formatSession(report(10 * 1024 * 1024, 10.5 * 1024 * 1024));
    expect(ok).toContain("DOM nodes  1122 after 20 cycles → 1130 at the end (+8)");
    expect(ok).toContain(
      "JS heap    10.0 MB → 10.5 MB, median of the last 3 samples (+5 %; target < 10 %) ✓ met",
    );
    expect(ok).toContain("samples    10.0 10.5 MB");
    expect(ok).toContain(
      "of which   the page's objects 8.0 MB → 8.2 MB (+2.5 %; target < 10 %) ✓ met; compiled code 2.0 MB → 2.5 MB; the browser's own (DOM, Blink, DevTools) 1.0 MB → 1.5 MB",
    );
    expect(ok).toContain("page errors 0");
    const leaking = formatSession({
      ...report(10 * 1024 * 1024, 13 * 1024 * 1024, 40_000),
      pageErrors: ["Error: Invalid LngLat object: (NaN, NaN)"],
    });
    expect(leaking).toContain("(+38878)");
    expect(leaking).toContain("(+30 %; target < 10 %) ✗ missed");
    expect(leaking).toContain("page errors 1: Error: Invalid LngLat object");
  });
});
