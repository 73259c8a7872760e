/**
 * Turns the raw runs into the summary: one row per size (median and p95), the budgets with ✓/✗,
 * the baseline ratios and the machine; printed as a table and written as JSON.
 */
import { FIRST_VIEW_MARKS, firstViewTable } from "./first-view.ts";
import { cpus, platform, release, totalmem } from "node:os";
import type { LoadTasks } from "./trace.ts";
import type { AppRun, Interaction } from "./page.ts";
import type { BaselineRun } from "./baseline.ts";
import type { DatasetFormat } from "../generate.ts";
import { checkBudgets, fmtBytes, fmtMs, stat, type BudgetCheck, type Stat } from "./stats.ts";

export interface SizeResult {
  label: string;
  count: number;
  dataPath: string;
  status: "ok" | "timeout" | "error";
  note?: string;
  runs: AppRun[];
  /** From one more load, traced (not among `runs`: tracing slows it): its longest task. */
  loadTasks?: LoadTasks | null;
}

export interface SizeSummary {
  label: string;
  count: number;
  status: SizeResult["status"];
  note?: string;
  runs: number;
  events: number | null;
  readyMs: Stat;
  longestTaskMs: Stat;
  /** The traced load's longest task, and its longest own work (without waits for the GPU). */
  tracedLoad: LoadTasks | null;
  marks: Record<string, Stat>;
  criticalJs: { raw: Stat; gzip: Stat };
  /** The app's own script before ready, gzip: without MapLibre. */
  appJsGzip: Stat;
  basemap: { raw: Stat; gzip: Stat };
  total: { raw: Stat; gzip: Stat; wire: Stat; requests: Stat };
  chooseMs: Stat;
  chooseTaskMs: Stat;
  filterMs: Stat;
  filterSyncMs: Stat;
  filterTaskMs: Stat;
  filterMainMs: Stat;
  filterGpuWaitMs: Stat;
  dragMs: Stat;
  dragSyncMs: Stat;
  dragMainMs: Stat;
  dragGpuWaitMs: Stat;
  chooseMainMs: Stat;
  heapBytes: Stat;
  domNodes: Stat;
}

export interface BaselineSummary {
  label: string;
  count: number;
  readyMs: Stat;
  filterMs: Stat;
  appReadyRatio: number | null;
  appFilterRatio: number | null;
}

const MARKS = [
  "vsm:style",
  "vsm:data",
  "vsm:map-load",
  "vsm:ready",
  ...FIRST_VIEW_MARKS.map((m) => m.mark),
];

export function summarize(r: SizeResult): SizeSummary {
  const runs = r.runs;
  const all = (f: (x: AppRun) => Interaction[]) => runs.flatMap(f);
  const ms = (xs: Interaction[], k: "ms" | "syncMs" | "taskMs" | "mainMs" | "gpuWaitMs" = "ms") =>
    stat(xs.map((x) => x[k]));
  return {
    label: r.label,
    count: r.count,
    status: r.status,
    ...(r.note ? { note: r.note } : {}),
    runs: runs.length,
    events: runs[0]?.events ?? null,
    readyMs: stat(runs.map((x) => x.readyMs)),
    longestTaskMs: stat(runs.map((x) => x.longestTaskMs)),
    tracedLoad: r.loadTasks ?? null,
    marks: Object.fromEntries(MARKS.map((m) => [m, stat(runs.map((x) => x.marks[m]))])),
    criticalJs: {
      raw: stat(runs.map((x) => x.bytes.js.raw)),
      gzip: stat(runs.map((x) => x.bytes.js.gzip)),
    },
    appJsGzip: stat(runs.map((x) => x.bytes.appJs?.gzip)),
    basemap: {
      raw: stat(runs.map((x) => x.bytes.basemap.raw)),
      gzip: stat(runs.map((x) => x.bytes.basemap.gzip)),
    },
    total: {
      raw: stat(runs.map((x) => x.bytes.total.raw)),
      gzip: stat(runs.map((x) => x.bytes.total.gzip)),
      wire: stat(runs.map((x) => x.bytes.total.wire)),
      requests: stat(runs.map((x) => x.bytes.total.requests)),
    },
    chooseMs: ms(runs.flatMap((x) => (x.choose ? [x.choose] : []))),
    chooseTaskMs: ms(
      runs.flatMap((x) => (x.choose ? [x.choose] : [])),
      "taskMs",
    ),
    filterMs: ms(all((x) => x.filter)),
    filterSyncMs: ms(
      all((x) => x.filter),
      "syncMs",
    ),
    filterTaskMs: ms(
      all((x) => x.filter),
      "taskMs",
    ),
    filterMainMs: ms(
      all((x) => x.filter),
      "mainMs",
    ),
    filterGpuWaitMs: ms(
      all((x) => x.filter),
      "gpuWaitMs",
    ),
    dragMs: ms(all((x) => x.drag)),
    dragSyncMs: ms(
      all((x) => x.drag),
      "syncMs",
    ),
    dragMainMs: ms(
      all((x) => x.drag),
      "mainMs",
    ),
    dragGpuWaitMs: ms(
      all((x) => x.drag),
      "gpuWaitMs",
    ),
    chooseMainMs: ms(
      runs.flatMap((x) => (x.choose ? [x.choose] : [])),
      "mainMs",
    ),
    heapBytes: stat(runs.map((x) => x.heapBytes)),
    domNodes: stat(runs.map((x) => x.domNodes)),
  };
}

export function budgetsFor(s: SizeSummary): BudgetCheck[] {
  const note = s.status === "ok" ? undefined : s.status;
  return checkBudgets(
    s.count,
    s.label,
    {
      readyMs: s.readyMs.median,
      criticalJsGzip: s.criticalJs.gzip.median,
      appJsGzip: s.appJsGzip.median,
      textMs: s.marks["first:text"]?.median ?? null,
      basemapGzip: s.basemap.gzip.median,
      chooseMs: s.chooseMs.median,
      filterMs: s.filterMs.median,
      dragMs: s.dragMs.median,
      heapBytes: s.heapBytes.median,
      filterMainMs: s.filterMainMs.median,
      dragMainMs: s.dragMainMs.median,
    },
    note,
  );
}

export async function machine(browserVersion: string) {
  const cpu = cpus();
  return {
    os: `${platform()} ${release()}`,
    cpu: cpu[0]?.model ?? "unknown",
    cores: cpu.length,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    chromium: browserVersion,
  };
}

const mp = (s: Stat, f: (v: number | null) => string = fmtMs) =>
  s.n === 0 ? "–" : `${f(s.median)}/${f(s.p95)}`;

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  return rows
    .map((r, i) => {
      const line = r
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join("  ");
      return i === 0 ? `${line}\n${widths.map((w) => "-".repeat(w)).join("  ")}` : line;
    })
    .join("\n");
}

export function formatReport(
  m: Awaited<ReturnType<typeof machine>>,
  runs: number,
  sizes: SizeSummary[],
  baseline: BaselineSummary[],
  format: DatasetFormat = "binary",
): string {
  return [
    ...preamble(m, runs, format),
    "",
    sizeTable(sizes),
    "",
    ...mainThreadTable(sizes),
    ...tracedLoadTable(sizes),
    "",
    ...firstViewTable(sizes),
    "",
    ...budgetLines(sizes),
    ...baselineTable(baseline),
  ].join("\n");
}

/** The machine, and what the figures are. */
function preamble(
  m: Awaited<ReturnType<typeof machine>>,
  runs: number,
  format: DatasetFormat,
): string[] {
  const formats: Record<DatasetFormat, string> = {
    binary: "binary encoding (.vsmb)",
    compact: "compact encoding (.vsm.json)",
    geojson: "GeoJSON (.geojson)",
  };
  return [
    `machine: ${m.cpu} ×${m.cores}, ${m.memoryGB} GB, ${m.os}, node ${m.node}, chromium ${m.chromium}`,
    `runs per size: ${runs} (cold loads, fresh context each); figures are median/p95; interactions = event → DOM update → 2 rAF`,
    "longest task: the longest main-thread task before ready (long tasks ≥ 50 ms): how long the tab froze at worst while loading",
    `synthetic datasets: ${formats[format]}; the shipped one (size 0) is GeoJSON`,
  ];
}

/** One row per size: loading, bytes and interactions (a size with no run: its status). */
function sizeTable(sizes: SizeSummary[]): string {
  const head = [
    "size",
    "events",
    "ready ms",
    "longest task",
    "data ms",
    "map-load ms",
    "JS gz",
    "basemap gz",
    "total raw/gz",
    "choose ms",
    "filter ms",
    "drag ms",
    "heap",
    "DOM",
  ];
  const rows = sizes.map((s) =>
    s.status !== "ok" && s.runs === 0
      ? [
          s.label,
          s.count ? String(s.count) : "shipped",
          s.status.toUpperCase(),
          ...head.slice(3).map(() => "–"),
        ]
      : [
          s.label + (s.status === "ok" ? "" : ` (${s.status})`),
          String(s.events ?? "–"),
          mp(s.readyMs),
          mp(s.longestTaskMs),
          fmtMs(s.marks["vsm:data"]?.median),
          fmtMs(s.marks["vsm:map-load"]?.median),
          fmtBytes(s.criticalJs.gzip.median),
          fmtBytes(s.basemap.gzip.median),
          `${fmtBytes(s.total.raw.median)}/${fmtBytes(s.total.gzip.median)}`,
          mp(s.chooseMs),
          mp(s.filterMs),
          mp(s.dragMs),
          fmtBytes(s.heapBytes.median),
          String(s.domNodes.median ?? "–"),
        ],
  );
  return table([head, ...rows]);
}

/** Where the interactions' main-thread time went, per size that ran, and each size's note. */
function mainThreadTable(sizes: SizeSummary[]): string[] {
  const out = [
    "main-thread detail (median/p95, ms): sync = handler only; task = CDP TaskDuration over the interaction;",
    "main = the renderer main thread's busy time in a trace of the same span, minus its waits for the",
    "software GPU to draw (gpu wait); see src/cli/bench/trace.ts",
    table([
      [
        "size",
        "filter sync",
        "filter main",
        "filter gpu wait",
        "filter task",
        "drag sync",
        "drag main",
        "drag gpu wait",
        "choose main",
        "choose task",
      ],
      ...sizes
        .filter((s) => s.runs > 0)
        .map((s) => [
          s.label,
          mp(s.filterSyncMs),
          mp(s.filterMainMs),
          mp(s.filterGpuWaitMs),
          mp(s.filterTaskMs),
          mp(s.dragSyncMs),
          mp(s.dragMainMs),
          mp(s.dragGpuWaitMs),
          mp(s.chooseMainMs),
          mp(s.chooseTaskMs),
        ]),
    ]),
  ];
  for (const s of sizes) if (s.note) out.push(`note ${s.label}: ${s.note}`);
  return out;
}

/** The traced load's longest task, with and without the GPU waits (nothing when none was traced). */
function tracedLoadTable(sizes: SizeSummary[]): string[] {
  const traced = sizes.filter((s) => s.tracedLoad);
  if (!traced.length) return [];
  return [
    "",
    "one more load per size, traced: its longest main-thread task, and the longest counting only the",
    "page's own work (without the waits for the software GPU to draw)",
    table([
      ["size", "longest task", "longest own work"],
      ...traced.map((s) => [
        s.label,
        fmtMs(s.tracedLoad!.longestMs),
        fmtMs(s.tracedLoad!.longestOwnMs),
      ]),
    ]),
  ];
}

/** Each budget, met or not (or not measured). */
function budgetLines(sizes: SizeSummary[]): string[] {
  const out = ["budgets (median; printed, not asserted):"];
  for (const b of sizes.flatMap(budgetsFor)) {
    const v =
      b.value === null
        ? (b.note ?? "no figure")
        : b.unit === "ms"
          ? b.value >= 10_000
            ? fmtMs(b.value)
            : `${fmtMs(b.value)} ms`
          : fmtBytes(b.value);
    out.push(`  ${b.ok === null ? "?" : b.ok ? "✓" : "✗"} [${b.sizeLabel}] ${b.label}: ${v}`);
  }
  if (sizes.every((s) => s.count !== 100_000))
    out.push("  (100k budgets not checked: 100k not in --sizes)");
  return out;
}

/** The baseline page against the app, per size (nothing when it was not run). */
function baselineTable(baseline: BaselineSummary[]): string[] {
  if (!baseline.length) return [];
  return [
    "",
    "baseline (one DOM <div> per event, no map library): ready and filter ms median/p95, app ÷ baseline",
    table([
      ["size", "ready ms", "filter ms", "app/base ready", "app/base filter"],
      ...baseline.map((b) => [
        b.label,
        mp(b.readyMs),
        mp(b.filterMs),
        b.appReadyRatio === null ? "–" : `${b.appReadyRatio.toFixed(2)}×`,
        b.appFilterRatio === null ? "–" : `${b.appFilterRatio.toFixed(2)}×`,
      ]),
    ]),
  ];
}

export function summarizeBaseline(
  label: string,
  count: number,
  runs: BaselineRun[],
  app: SizeSummary | undefined,
): BaselineSummary {
  const readyMs = stat(runs.map((r) => r.readyMs));
  const filterMs = stat(runs.flatMap((r) => r.filterMs));
  const ratio = (a: number | null | undefined, b: number | null) => (a != null && b ? a / b : null);
  return {
    label,
    count,
    readyMs,
    filterMs,
    appReadyRatio: ratio(app?.readyMs.median, readyMs.median),
    appFilterRatio: ratio(app?.filterMs.median, filterMs.median),
  };
}
