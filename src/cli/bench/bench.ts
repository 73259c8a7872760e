/**
 * `npm run bench [-- --sizes 0,1k,10k,100k --runs 5 --json bench.json --port 4180 --timeout 60 --session 200]`
 * (`--session-only --session 1000`: the long session alone)
 *
 * Builds (via the npm script), generates synthetic datasets on demand (data/synthetic/, copied
 * into dist/data/synthetic/), serves a snapshot of dist/ with vite preview on 127.0.0.1, and
 * drives headless Chromium through cold loads of the app per dataset size, plus a plain
 * DOM-marker baseline page, then one long working session on the shipped data (what it leaves in
 * memory). Prints a table with the budgets (never asserted) and writes JSON.
 * Exit 0 whatever the figures; non-zero only when the bench itself fails. A size that does not
 * become ready in time is recorded as "timeout" and the bench moves on.
 */
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser } from "playwright-core";
import { preview, type PreviewServer } from "vite";
import { ensureChromium, launchChromium } from "../chromium.ts";
import { measureBaseline, writeBaseline, type BaselineRun } from "./baseline.ts";
import { formatSession, runSession, type SessionReport } from "./session.ts";
import { eventPageLine, measureEventPage } from "./event-page.ts";
import { BenchTimeout, measureApp } from "./page.ts";
import { playbackBudgets, playbackLines, playbackRows } from "./playback-row.ts";
import {
  formatReport,
  machine,
  summarize,
  summarizeBaseline,
  budgetsFor,
  type BaselineSummary,
  type SizeResult,
  type SizeSummary,
} from "./report.ts";
import { BENCH_USAGE, countLabel, parseArgs, type BenchArgs } from "./stats.ts";
import { EXTENSIONS, gzipFile, writeDataset, type DatasetFormat } from "../generate.ts";
import { generatorContext } from "../synthetic/quotes.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const DIST = join(ROOT, "dist");
const GENERATORS = [
  join(ROOT, "src/cli/generate.ts"),
  join(ROOT, "src/cli/synthetic/events.ts"),
  join(ROOT, "src/cli/synthetic/quotes.ts"),
  join(ROOT, "src/model/encodings/compact.ts"),
  join(ROOT, "src/model/encodings/binary.ts"),
  join(ROOT, "src/model/encodings/binary-encode.ts"),
];
const DRAG_STEPS = 20;
const BASELINE_SIZES = [1000, 10_000];

const log = (s: string) => process.stderr.write(`${s}\n`);
/** The event whose page the bench loads (a shipped one with citations and a place). */
const EVENT_PAGE = "caracas-night-raid";

/** data/synthetic/events-<n>.geojson (or .vsm.json, compact; .vsmb, binary), regenerated when
 * missing or older than the generator or the codecs. */
async function ensureDataset(
  count: number,
  seed: number,
  ctx: () => ReturnType<typeof generatorContext>,
  format: DatasetFormat,
): Promise<string> {
  const rel = `data/synthetic/events-${countLabel(count)}${seed === 1 ? "" : `-s${seed}`}${EXTENSIONS[format]}`;
  const file = join(ROOT, rel);
  if (!existsSync(file) || GENERATORS.some((g) => statSync(file).mtimeMs < statSync(g).mtimeMs)) {
    const t0 = performance.now();
    const bytes = await writeDataset(file, count, seed, ctx());
    log(
      `generated ${rel}: ${count} events, ${(bytes / 1e6).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
  // Generated before the files were precompressed, or changed since: compress it again.
  if (!existsSync(`${file}.gz`) || statSync(`${file}.gz`).mtimeMs < statSync(file).mtimeMs)
    await gzipFile(file);
  mkdirSync(join(DIST, "data/synthetic"), { recursive: true });
  // With their times: the server sends a .gz only if it is as new as its file.
  cpSync(file, join(DIST, rel), { preserveTimestamps: true });
  cpSync(`${file}.gz`, join(DIST, `${rel}.gz`), { preserveTimestamps: true });
  return rel;
}

async function runSize(
  browser: Browser,
  baseUrl: string,
  snapshot: string,
  a: BenchArgs,
  label: string,
  count: number,
  dataPath: string,
): Promise<SizeResult> {
  const result: SizeResult = { label, count, dataPath, status: "ok", runs: [] };
  const hash = count ? `#data=${dataPath}` : "";
  for (let k = 1; k <= a.runs; k++) {
    const t0 = performance.now();
    try {
      const run = await measureApp(browser, {
        baseUrl,
        hash,
        distDir: snapshot,
        timeoutMs: a.timeoutMs,
        dragSteps: DRAG_STEPS,
      });
      result.runs.push(run);
      const errs = run.consoleErrors.length
        ? `, ${run.consoleErrors.length} console error(s): ${run.consoleErrors[0]?.slice(0, 120)}`
        : "";
      log(
        `  ${label} run ${k}/${a.runs}: ready ${run.readyMs.toFixed(0)} ms, ${run.events} events (${((performance.now() - t0) / 1000).toFixed(1)} s${errs})`,
      );
    } catch (e) {
      const message = e instanceof Error ? e.message.split("\n")[0]! : String(e);
      result.status = e instanceof BenchTimeout ? "timeout" : "error";
      result.note = `run ${k}: ${message}`;
      log(
        `  ${label} run ${k}/${a.runs}: ${result.status.toUpperCase()} — ${message}; skipping the remaining runs of this size`,
      );
      break;
    }
  }
  if (result.status === "ok") {
    // One more load, traced, for its longest task with and without the waits for the software GPU
    // (not among the runs: tracing slows the page a little).
    try {
      const run = await measureApp(browser, {
        baseUrl,
        hash,
        distDir: snapshot,
        timeoutMs: a.timeoutMs,
        dragSteps: 1,
        traceLoad: true,
      });
      result.loadTasks = run.loadTasks;
      log(
        `  ${label} traced load: longest task ${run.loadTasks?.longestMs.toFixed(0)} ms, own work ${run.loadTasks?.longestOwnMs.toFixed(0)} ms`,
      );
    } catch (e) {
      log(`  ${label} traced load failed: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  return result;
}

/** One long working session on the shipped data, in a page of its own (see session.ts). */
async function measureSession(
  browser: Browser,
  baseUrl: string,
  cycles: number,
): Promise<SessionReport | null> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
  });
  try {
    const page = await context.newPage();
    await page.goto(baseUrl);
    await page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 60_000 });
    log(`long session: ${cycles} cycles`);
    const t0 = performance.now();
    const progress = (k: number) =>
      k % 50 === 0 && log(`  ${k}/${cycles} (${Math.round((performance.now() - t0) / 1000)} s)`);
    return await runSession(page, cycles, progress);
  } catch (e) {
    log(`long session failed: ${(e as Error).message.split("\n")[0]}`);
    return null;
  } finally {
    await context.close();
  }
}

/** Each size's dataset (the shipped one for size 0), and the baseline's in GeoJSON, generated
 * when missing or stale. */
async function ensureDatasets(a: BenchArgs): Promise<{
  paths: Map<number, string>;
  baselinePaths: Map<number, string>;
}> {
  let context: ReturnType<typeof generatorContext> | undefined;
  const ctx = () => (context ??= generatorContext());
  const paths = new Map<number, string>();
  for (const count of new Set(a.sizes.map((s) => s.count))) {
    paths.set(
      count,
      count === 0 ? "data/events.geojson" : await ensureDataset(count, a.seed, ctx, a.format),
    );
  }
  // The baseline reads plain GeoJSON, as a Leaflet-style page would.
  const baselinePaths = new Map<number, string>();
  if (a.baseline)
    for (const count of BASELINE_SIZES)
      baselinePaths.set(count, await ensureDataset(count, a.seed, ctx, "geojson"));
  return { paths, baselinePaths };
}

/** The baseline page's runs at each of its sizes (a size stops at its first failed run), set
 * against the app's figures at that size. */
async function measureBaselines(
  browser: Browser,
  baseUrl: string,
  a: BenchArgs,
  baselinePaths: Map<number, string>,
  summaries: SizeSummary[],
): Promise<BaselineSummary[]> {
  const baseline: BaselineSummary[] = [];
  for (const count of BASELINE_SIZES) {
    const runs: BaselineRun[] = [];
    for (let k = 0; k < a.runs; k++) {
      try {
        runs.push(await measureBaseline(browser, baseUrl, baselinePaths.get(count)!, a.timeoutMs));
      } catch (e) {
        log(`  baseline ${countLabel(count)}: ${(e as Error).message}`);
        break;
      }
    }
    log(`baseline ${countLabel(count)}: ${runs.length} run(s)`);
    baseline.push(
      summarizeBaseline(
        countLabel(count),
        count,
        runs,
        summaries.find((s) => s.count === count),
      ),
    );
  }
  return baseline;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  if (a.help) {
    process.stdout.write(`${BENCH_USAGE}\n`);
    return;
  }
  if (!existsSync(join(DIST, "index.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm run bench does)");
  ensureChromium();

  const { paths, baselinePaths } = await ensureDatasets(a);
  writeBaseline(DIST);

  // Serve a private copy: other engineers' `npm run build` empties dist/ while we measure.
  const tmp = mkdtempSync(join(tmpdir(), "vsm-bench-"));
  const snapshot = join(tmp, "dist");
  cpSync(DIST, snapshot, { recursive: true, preserveTimestamps: true });
  let server: PreviewServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await preview({
      root: ROOT,
      configFile: join(ROOT, "vite.config.ts"),
      logLevel: "warn",
      build: { outDir: snapshot },
      preview: { host: "127.0.0.1", port: a.port, strictPort: false, open: false },
    });
    const baseUrl = server.resolvedUrls?.local[0];
    if (!baseUrl) throw new Error("vite preview did not report a URL");
    browser = await launchChromium();
    const info = await machine(browser.version());
    log(`serving ${snapshot} at ${baseUrl}; chromium ${info.chromium}`);

    // One unmeasured load first: the browser's first page pays one-off process and GPU start-up.
    if (a.sizes.length)
      await measureApp(browser, {
        baseUrl,
        hash: "",
        distDir: snapshot,
        timeoutMs: a.timeoutMs,
        dragSteps: 1,
      }).catch((e: Error) => log(`warm-up failed: ${e.message}`));

    const results: SizeResult[] = [];
    for (const s of a.sizes) {
      log(`size ${s.label} (${s.count ? `${s.count} synthetic events` : "shipped dataset"}):`);
      results.push(
        await runSize(browser, baseUrl, snapshot, a, s.label, s.count, paths.get(s.count)!),
      );
    }
    const summaries = results.map(summarize);

    const baseline = a.baseline
      ? await measureBaselines(browser, baseUrl, a, baselinePaths, summaries)
      : [];

    const session =
      a.sessionCycles > 0 ? await measureSession(browser, baseUrl, a.sessionCycles) : null;
    // An event's own page (e/<id>/), cold: its text before the app's scripts.
    const eventPage = a.sizes.length
      ? await measureEventPage(browser, baseUrl, EVENT_PAGE, a.runs)
      : null;

    report({ info, args: a, results, summaries, baseline, session, eventPage });
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Prints the tables, and writes them with the raw runs as JSON when `--json` asks for it. */
function report(r: {
  info: Awaited<ReturnType<typeof machine>>;
  args: BenchArgs;
  results: SizeResult[];
  summaries: SizeSummary[];
  baseline: BaselineSummary[];
  session: Awaited<ReturnType<typeof measureSession>> | null;
  eventPage: Awaited<ReturnType<typeof measureEventPage>> | null;
}): void {
  const { info, args: a, summaries, baseline, session, eventPage } = r;
  const playback = playbackRows(r.results);
  if (summaries.length)
    process.stdout.write(`\n${formatReport(info, a.runs, summaries, baseline, a.format)}\n`);
  if (playback.length) process.stdout.write(`\n${playbackLines(playback).join("\n")}\n`);
  if (session) process.stdout.write(`\n${formatSession(session)}\n`);
  if (eventPage) process.stdout.write(`\n${eventPageLine(EVENT_PAGE, eventPage)}\n`);
  if (!a.json) return;
  const json = {
    date: new Date().toISOString(),
    machine: info,
    args: a,
    sizes: summaries,
    budgets: [...summaries.flatMap(budgetsFor), ...playbackBudgets(playback)],
    playback,
    baseline,
    session,
    eventPage,
    raw: r.results,
  };
  writeFileSync(a.json, `${JSON.stringify(json, null, 2)}\n`);
  log(`wrote ${a.json}`);
}

main().catch((e: Error) => {
  process.stderr.write(`bench: ${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
