import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { BASELINE_HTML } from "../../../src/cli/bench/baseline.ts";
import { byteTotals, classify } from "../../../src/cli/bench/bytes.ts";
import { formatReport, summarize, type SizeResult } from "../../../src/cli/bench/report.ts";
import {
  checkBudgets,
  countLabel,
  BENCH_USAGE,
  parseArgs,
  quantile,
  stat,
} from "../../../src/cli/bench/stats.ts";

const tmp = mkdtempSync(join(tmpdir(), "vsm-bench-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("bench arguments", () => {
  it("documents every option it reads", () => {
    for (const flag of ["--sizes", "--runs", "--format", "--json", "--port", "--timeout", "--seed"])
      expect(BENCH_USAGE).toContain(flag);
    for (const flag of ["--no-baseline", "--session", "--session-only", "--help"])
      expect(BENCH_USAGE).toContain(flag);
  });

  it("has defaults and reads every option, with or without the npm `--`", () => {
    expect(parseArgs([])).toMatchObject({
      runs: 5,
      port: 4180,
      json: null,
      timeoutMs: 60_000,
      baseline: true,
      format: "binary",
    });
    expect(parseArgs([]).sessionCycles).toBe(200);
    expect([parseArgs([]).help, parseArgs(["--", "--help"]).help, parseArgs(["-h"]).help]).toEqual([
      false,
      true,
      true,
    ]);
    expect(parseArgs(["--session", "1000"]).sessionCycles).toBe(1000);
    expect(parseArgs(["--session=0"]).sessionCycles).toBe(0);
    const only = parseArgs(["--session-only", "--session", "1000"]);
    expect([only.sizes, only.baseline, only.sessionCycles]).toEqual([[], false, 1000]);
    expect(parseArgs(["--format", "geojson"]).format).toBe("geojson");
    expect(parseArgs(["--format", "compact"]).format).toBe("compact");
    expect(() => parseArgs(["--format", "csv"])).toThrow(
      /--format: "csv" is not binary, compact or geojson/,
    );
    const a = parseArgs([
      "--",
      "--sizes",
      "0,1k,10k,100k",
      "--runs=3",
      "--json",
      "b.json",
      "--port",
      "0",
      "--timeout",
      "90",
      "--no-baseline",
    ]);
    expect(a.sizes).toEqual([
      { label: "0", count: 0 },
      { label: "1k", count: 1000 },
      { label: "10k", count: 10_000 },
      { label: "100k", count: 100_000 },
    ]);
    expect(a).toMatchObject({
      runs: 3,
      json: "b.json",
      port: 0,
      timeoutMs: 90_000,
      baseline: false,
    });
  });

  it("rejects unknown options and bad values with a message", () => {
    expect(() => parseArgs(["--size", "1k"])).toThrow(/unknown option --size/);
    expect(() => parseArgs(["--runs", "0"])).toThrow(/--runs/);
    expect(() => parseArgs(["--sizes", "lots"])).toThrow(/not a count/);
    expect(() => parseArgs(["--json"])).toThrow(/needs a value/);
  });

  it("labels counts for file names", () => {
    expect([
      countLabel(1000),
      countLabel(100_000),
      countLabel(1_000_000),
      countLabel(1500),
    ]).toEqual(["1k", "100k", "1m", "1500"]);
  });
});

describe("statistics", () => {
  it("takes the median and an interpolated p95, ignoring missing values", () => {
    expect(quantile([5, 1, 3], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(
      quantile(
        Array.from({ length: 21 }, (_, k) => k),
        0.95,
      ),
    ).toBe(19);
    expect(quantile([null, undefined, Number.NaN], 0.5)).toBeNull();
    expect(stat([10, null, 30])).toEqual({ median: 20, p95: 29, n: 2 });
  });
});

describe("budgets", () => {
  it("applies the shipped budgets to size 0 and the 100k budgets to 100k only", () => {
    const shipped = checkBudgets(0, "0", {
      readyMs: 900,
      criticalJsGzip: 400 * 1024,
      appJsGzip: 61 * 1024,
      textMs: 600,
      basemapGzip: 100 * 1024,
      chooseMs: 20,
      filterMs: null,
    });
    expect(shipped.map((b) => [b.label, b.ok])).toEqual([
      ["ready ≤ 1.2 s", true],
      ["critical JS ≤ 320 KB gzip", false],
      ["app's own JS (without MapLibre) ≤ 60 KB gzip", false],
      ["the events' text on screen ≤ 600 ms", true],
      ["basemap initial ≤ 300 KB gzip", true],
      ["choose event ≤ 50 ms", true],
      ["filter ≤ 30 ms", null],
    ]);
    expect(checkBudgets(10_000, "10k", { readyMs: 99_999 })).toEqual([]);
    // ready, filter (main thread), drag (main thread), filter (frames), drag (frames), heap
    expect(
      checkBudgets(100_000, "100k", {
        dragMs: 12,
        dragMainMs: 20,
        heapBytes: 400 * 1024 * 1024,
      }).map((b) => b.ok),
    ).toEqual([null, null, false, null, true, false]);
  });
});

describe("byte accounting", () => {
  it("sorts requests before ready into JS, basemap and data, with gzip sizes from the served files", () => {
    const dist = join(tmp, "dist");
    mkdirSync(join(dist, "assets"), { recursive: true });
    mkdirSync(join(dist, "data/basemap"), { recursive: true });
    const js = "console.log('x');".repeat(500);
    writeFileSync(join(dist, "assets/index.js"), js);
    const archive = Buffer.from(Array.from({ length: 50_000 }, (_, k) => (k * 7919) % 253));
    writeFileSync(join(dist, "data/basemap/basemap.pmtiles"), archive);
    writeFileSync(join(dist, "index.html"), "<!doctype html>");
    expect([
      classify("/assets/a.js"),
      classify("/assets/w.mjs"),
      classify("/assets/f.woff2"),
      classify("/data/basemap/basemap.pmtiles"),
      classify("/data/events.geojson"),
      classify("/seeds/a.txt"),
      classify("/"),
    ]).toEqual(["js", "js", "basemap", "basemap", "data", "data", "other"]);
    const t = byteTotals(
      [
        { path: "/", end: 10, wire: 15, status: 200 },
        { path: "/assets/index.js", end: 20, wire: 100, status: 200 },
        { path: "/assets/index.js", end: 25, wire: 0, status: 200 }, // a cache hit: counted once
        // MapLibre's chunk: critical JS, not the app's own (not on disk here: its wire bytes).
        { path: "/assets/maplibre-x1.js", end: 26, wire: 500, status: 200 },
        // Parts of the basemap archive: each range counted once, by its own bytes.
        {
          path: "/data/basemap/basemap.pmtiles",
          end: 28,
          wire: 16_384,
          status: 206,
          range: [0, 16_383],
        },
        {
          path: "/data/basemap/basemap.pmtiles",
          end: 30,
          wire: 3000,
          status: 206,
          range: [20_000, 22_999],
        },
        {
          path: "/data/basemap/basemap.pmtiles",
          end: 31,
          wire: 3000,
          status: 206,
          range: [20_000, 22_999],
        },
        { path: "/data/basemap/missing.pmtiles", end: 31, wire: 0, status: 404, range: [0, 99] },
        { path: "/late.js", end: 500, wire: 999, status: 200 }, // after ready
      ],
      100,
      dist,
    );
    const jsGz = gzipSync(js, { level: 6 }).length;
    expect(t.js).toEqual({ raw: js.length + 500, gzip: jsGz + 500 });
    expect(t.appJs).toEqual({ raw: js.length, gzip: jsGz });
    expect(t.basemap.raw).toBe(16_384 + 3000);
    const gz = (a: number, b: number) => gzipSync(archive.subarray(a, b + 1), { level: 6 }).length;
    expect(t.basemap.gzip).toBe(gz(0, 16_383) + gz(20_000, 22_999));
    expect(t.total).toMatchObject({
      raw: 15 + js.length + 500 + 16_384 + 3000,
      wire: 15 + 100 + 500 + 16_384 + 3000,
      requests: 5,
    });
  });
});

describe("report", () => {
  it("prints a row for a size that timed out and keeps going", () => {
    const timedOut: SizeResult = {
      label: "100k",
      count: 100_000,
      dataPath: "data/synthetic/events-100k.geojson",
      status: "timeout",
      note: "run 1: not ready within 60 s",
      runs: [],
    };
    const text = formatReport(
      { os: "linux", cpu: "cpu", cores: 2, memoryGB: 8, node: "v20", chromium: "1" },
      5,
      [summarize(timedOut)],
      [],
    );
    expect(text).toMatch(/^100k\s+100000\s+TIMEOUT/m);
    expect(text).toContain("? [100k] 100k ready ≤ 3 s: timeout");
  });

  it("prints the longest loading task and the main-thread figures, and checks the budgets on them", () => {
    const bytes = { raw: 1000, gzip: 500 };
    const act = (ms: number, mainMs: number) => ({
      ms,
      syncMs: mainMs / 2,
      taskMs: ms,
      mainMs,
      gpuWaitMs: ms - mainMs,
      changed: true,
    });
    const run = (longestTaskMs: number) => ({
      readyMs: 3500,
      longestTaskMs,
      loadTasks: null,
      marks: { "vsm:data": 2000, "vsm:map-load": 2500 },
      bytes: {
        js: bytes,
        appJs: bytes,
        basemap: bytes,
        data: bytes,
        total: { ...bytes, wire: 900, requests: 10 },
      },
      heapBytes: 100 * 1024 * 1024,
      domNodes: 313,
      events: 100_000,
      filter: [act(200, 30), act(210, 40)],
      drag: [act(220, 14), act(230, 15)],
      play: [act(90, 12), act(100, 20)],
      choose: act(280, 60),
      consoleErrors: [],
    });
    const result: SizeResult = {
      label: "100k",
      count: 100_000,
      dataPath: "d",
      status: "ok",
      runs: [run(400), run(600), run(500)],
      loadTasks: { longestMs: 3600, longestOwnMs: 820 },
    };
    const summary = summarize(result);
    expect(summary.longestTaskMs.median).toBe(500);
    expect(summary.filterMainMs.median).toBe(35);
    expect(summary.dragMainMs.median).toBe(14.5);
    const text = formatReport(
      { os: "linux", cpu: "cpu", cores: 2, memoryGB: 8, node: "v20", chromium: "1" },
      3,
      [summary],
      [],
    );
    expect(text).toMatch(/^size\s+events\s+ready ms\s+longest task/m);
    expect(text).toMatch(/^100k\s+100000\s+3500\/3500\s+500\/590/m);
    expect(summary.tracedLoad).toEqual({ longestMs: 3600, longestOwnMs: 820 });
    expect(text).toMatch(/^100k\s+3600\s+820$/m);
    expect(text).toContain(
      "✓ [100k] 100k filter ≤ 50 ms median (main thread, GPU waits excluded): 35.0 ms",
    );
    expect(text).toContain(
      "✓ [100k] 100k drag step ≤ 16 ms median (main thread, GPU waits excluded): 14.5 ms",
    );
    expect(text).toContain(
      "✗ [100k] 100k drag step ≤ 16 ms median (event → 2 frames, software WebGL): 225 ms",
    );
  });
});

describe("baseline page", () => {
  it("is self-contained: no external scripts, styles or libraries", () => {
    expect(BASELINE_HTML).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet|https?:\/\//);
    expect(BASELINE_HTML).toContain("window.__filter");
  });
});
