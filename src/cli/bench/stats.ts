/**
 * Pure helpers for the benchmark: argument parsing, median / p95, and the budgets (printed next
 * to the figures, never asserted). No browser, no filesystem: unit-tested in tests/cli.
 */
import { parseCount, type DatasetFormat } from "../generate.ts";

export interface SizeSpec {
  /** As given: "0" (the shipped dataset), "1k", "10k", … */
  label: string;
  /** Number of synthetic events; 0 = the shipped data/events.geojson. */
  count: number;
}

export interface BenchArgs {
  sizes: SizeSpec[];
  runs: number;
  json: string | null;
  port: number;
  /** Per-load time limit for reaching ready, in ms. */
  timeoutMs: number;
  seed: number;
  baseline: boolean;
  /** How synthetic datasets are written: the binary encoding (.vsmb), the compact one (.vsm.json) or GeoJSON. */
  format: DatasetFormat;
  /** Cycles of the long-session run on the shipped data (0: none). */
  sessionCycles: number;
  /** Print BENCH_USAGE and measure nothing. */
  help: boolean;
}

export const BENCH_USAGE = `npm run bench [-- options]   (docs/performance.md says what each figure means)
  --sizes 0,1k,10k,100k  dataset sizes; 0 is the shipped data (default 0,1k,10k)
  --runs 5               cold loads per size; medians and p95 are printed
  --format binary        synthetic datasets as binary, compact or geojson
  --json FILE            also write the tables and raw runs as JSON
  --port 4180            where the bench serves its copy of dist/
  --timeout 60           seconds a load may take to become ready
  --seed 1               seed of the synthetic datasets
  --no-baseline          skip the DOM-marker baseline page
  --session 200          cycles of the long session (0: none)
  --session-only         the long session alone (e.g. --session-only --session 1000)
  --help                 this text`;

export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = {
    sizes: parseSizes("0,1k,10k"),
    runs: 5,
    json: null,
    port: 4180,
    timeoutMs: 60_000,
    seed: 1,
    baseline: true,
    format: "binary",
    sessionCycles: 200,
    help: false,
  };
  const rest = argv.filter((a) => a !== "--");
  for (let k = 0; k < rest.length; k++) {
    const [flag, inline] = rest[k]!.split("=", 2) as [string, string | undefined];
    const value = () => {
      const v = inline ?? rest[++k];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const int = (v: string, min: number) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min)
        throw new Error(`${flag}: "${v}" is not an integer ≥ ${min}`);
      return n;
    };
    if (flag === "--sizes") args.sizes = parseSizes(value());
    else if (flag === "--runs") args.runs = int(value(), 1);
    else if (flag === "--json") args.json = value();
    else if (flag === "--port") args.port = int(value(), 0);
    else if (flag === "--timeout") args.timeoutMs = int(value(), 1) * 1000;
    else if (flag === "--seed") args.seed = int(value(), 0);
    else if (flag === "--no-baseline") args.baseline = false;
    else if (flag === "--help" || flag === "-h") args.help = true;
    else if (flag === "--session") args.sessionCycles = int(value(), 0);
    else if (flag === "--session-only") {
      // The long session alone: no cold loads, no baseline (e.g. `--session-only --session 1000`).
      args.sizes = [];
      args.baseline = false;
    } else if (flag === "--format") {
      const v = value();
      if (v !== "compact" && v !== "geojson" && v !== "binary")
        throw new Error(`--format: "${v}" is not binary, compact or geojson`);
      args.format = v;
    } else
      throw new Error(
        `unknown option ${flag} (known: --sizes, --runs, --json, --port, --timeout <s>, --seed, --format, --no-baseline, --session <cycles>, --session-only, --help)`,
      );
  }
  return args;
}

export function parseSizes(s: string): SizeSpec[] {
  const sizes = s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean)
    .map((label) => ({ label, count: parseCount(label) }));
  if (sizes.length === 0) throw new Error("--sizes is empty");
  return sizes;
}

/** "10k" style label for a count (used in file names). */
export function countLabel(n: number): string {
  if (n >= 1e6 && n % 1e6 === 0) return `${n / 1e6}m`;
  if (n >= 1e3 && n % 1e3 === 0) return `${n / 1e3}k`;
  return String(n);
}

/** Linear-interpolated quantile of the finite values; null when there are none. */
export function quantile(values: readonly (number | null | undefined)[], q: number): number | null {
  const xs = values
    .filter((v): v is number => typeof v === "number" && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const at = (xs.length - 1) * q;
  const lo = Math.floor(at),
    hi = Math.ceil(at);
  return xs[lo]! + (xs[hi]! - xs[lo]!) * (at - lo);
}

export interface Stat {
  median: number | null;
  p95: number | null;
  n: number;
}

export function stat(values: readonly (number | null | undefined)[]): Stat {
  const n = values.filter((v) => typeof v === "number" && Number.isFinite(v)).length;
  return { median: quantile(values, 0.5), p95: quantile(values, 0.95), n };
}

export type BudgetField =
  | "readyMs"
  | "criticalJsGzip"
  | "appJsGzip"
  | "textMs"
  | "basemapGzip"
  | "chooseMs"
  | "filterMs"
  | "dragMs"
  | "filterMainMs"
  | "dragMainMs"
  | "heapBytes";

export interface Budget {
  /** Which sizes it applies to: "shipped" = size 0, otherwise an exact event count. */
  size: "shipped" | number;
  field: BudgetField;
  /** Compared against the median. */
  limit: number;
  unit: "ms" | "bytes";
  label: string;
}

const KB = 1024,
  MB = 1024 * 1024;
export const BUDGETS: readonly Budget[] = [
  { size: "shipped", field: "readyMs", limit: 1200, unit: "ms", label: "ready ≤ 1.2 s" },
  {
    size: "shipped",
    field: "criticalJsGzip",
    limit: 320 * KB,
    unit: "bytes",
    label: "critical JS ≤ 320 KB gzip",
  },
  {
    size: "shipped",
    field: "appJsGzip",
    limit: 60 * KB,
    unit: "bytes",
    label: "app's own JS (without MapLibre) ≤ 60 KB gzip",
  },
  {
    size: "shipped",
    field: "textMs",
    limit: 600,
    unit: "ms",
    label: "the events' text on screen ≤ 600 ms",
  },
  {
    size: "shipped",
    field: "basemapGzip",
    limit: 300 * KB,
    unit: "bytes",
    label: "basemap initial ≤ 300 KB gzip",
  },
  { size: "shipped", field: "chooseMs", limit: 50, unit: "ms", label: "choose event ≤ 50 ms" },
  { size: "shipped", field: "filterMs", limit: 30, unit: "ms", label: "filter ≤ 30 ms" },
  { size: 100_000, field: "readyMs", limit: 3000, unit: "ms", label: "100k ready ≤ 3 s" },
  // Main-thread time (the measure), without the waits for software WebGL (bench-trace.ts)…
  {
    size: 100_000,
    field: "filterMainMs",
    limit: 50,
    unit: "ms",
    label: "100k filter ≤ 50 ms median (main thread, GPU waits excluded)",
  },
  {
    size: 100_000,
    field: "dragMainMs",
    limit: 16,
    unit: "ms",
    label: "100k drag step ≤ 16 ms median (main thread, GPU waits excluded)",
  },
  // …and event → two frames drawn, which on this GPU-less machine includes SwiftShader's drawing.
  {
    size: 100_000,
    field: "filterMs",
    limit: 50,
    unit: "ms",
    label: "100k filter ≤ 50 ms median (event → 2 frames, software WebGL)",
  },
  {
    size: 100_000,
    field: "dragMs",
    limit: 16,
    unit: "ms",
    label: "100k drag step ≤ 16 ms median (event → 2 frames, software WebGL)",
  },
  {
    size: 100_000,
    field: "heapBytes",
    limit: 300 * MB,
    unit: "bytes",
    label: "100k heap ≤ 300 MB",
  },
  {
    size: 1_000_000,
    field: "filterMainMs",
    limit: 250,
    unit: "ms",
    label: "1M filter ≤ 250 ms median (main thread, GPU waits excluded)",
  },
];

export interface BudgetCheck {
  label: string;
  sizeLabel: string;
  value: number | null;
  limit: number;
  unit: Budget["unit"];
  ok: boolean | null;
  note?: string;
}

/** Checks medians against the budgets that apply to `count`. ok=null: no figure (timeout, error). */
export function checkBudgets(
  count: number,
  sizeLabel: string,
  medians: Partial<Record<BudgetField, number | null>>,
  note?: string,
): BudgetCheck[] {
  return BUDGETS.filter((b) => (b.size === "shipped" ? count === 0 : b.size === count)).map((b) => {
    const value = medians[b.field] ?? null;
    return {
      label: b.label,
      sizeLabel,
      value,
      limit: b.limit,
      unit: b.unit,
      ok: value === null ? null : value <= b.limit,
      ...(note ? { note } : {}),
    };
  });
}

export function fmtMs(v: number | null | undefined): string {
  if (v === null || v === undefined) return "–";
  return v >= 10_000 ? `${(v / 1000).toFixed(1)}s` : v >= 100 ? v.toFixed(0) : v.toFixed(1);
}

export function fmtBytes(v: number | null | undefined): string {
  if (v === null || v === undefined) return "–";
  return v >= 10 * MB
    ? `${(v / MB).toFixed(0)}M`
    : v >= MB
      ? `${(v / MB).toFixed(1)}M`
      : `${(v / KB).toFixed(0)}K`;
}
