/**
 * The first view of a cold load: when the page first painted content (FCP), its largest paint
 * before ready (LCP), when the events' text was first drawn (a list row, or a linked event's
 * panel: from the data alone, before the map), and the app's own script without MapLibre. The
 * page helpers (page-helpers.ts) record the times as `first:*` marks.
 */
import { fmtBytes, fmtMs, type Stat } from "./stats.ts";

/** What this table reads of a size's summary (report.ts). */
interface FirstViewOf {
  label: string;
  runs: number;
  marks: Record<string, Stat>;
  readyMs: Stat;
  appJsGzip: Stat;
}

export const FIRST_VIEW_MARKS = [
  { mark: "first:fcp", head: "FCP ms" },
  { mark: "first:lcp", head: "LCP ms" },
  { mark: "first:text", head: "text ms" },
] as const;

const mp = (s: Stat | undefined, f: (v: number | null) => string = fmtMs) =>
  !s || s.n === 0 ? "–" : `${f(s.median)}/${f(s.p95)}`;

export function firstViewTable(sizes: FirstViewOf[]): string[] {
  const rows = [
    ["size", ...FIRST_VIEW_MARKS.map((m) => m.head), "data ms", "ready ms", "app JS gz"],
    ...sizes
      .filter((s) => s.runs > 0)
      .map((s) => [
        s.label,
        ...FIRST_VIEW_MARKS.map((m) => mp(s.marks[m.mark])),
        mp(s.marks["vsm:data"]),
        mp(s.readyMs),
        fmtBytes(s.appJsGzip.median),
      ]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? "").length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join("  ");
  return [
    "first view (median/p95): first contentful paint, largest contentful paint before ready, the",
    "events' text drawn (from the data, before the map), the data, ready; the app's own JS without MapLibre",
    line(rows[0]!),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.slice(1).map(line),
  ];
}
