import { describe, expect, it } from "vitest";
import type { AppRun } from "../../../src/cli/bench/page.ts";
import {
  playbackBudgets,
  playbackLines,
  playbackRows,
} from "../../../src/cli/bench/playback-row.ts";
import type { SizeResult } from "../../../src/cli/bench/report.ts";

const act = (ms: number, mainMs: number | null) => ({
  ms,
  syncMs: 1,
  taskMs: ms,
  mainMs,
  gpuWaitMs: mainMs === null ? null : ms - mainMs,
  changed: true,
});
const result = (label: string, count: number, plays: number[][]): SizeResult => ({
  label,
  count,
  dataPath: "d",
  status: "ok",
  runs: plays.map((mains) => ({ play: mains.map((m) => act(60 + m, m)) }) as unknown as AppRun),
});

describe("the playback frame's bench row", () => {
  it("takes the median and p95 over every run's frames, per size", () => {
    const rows = playbackRows([
      result("100k", 100_000, [
        [10, 12],
        [14, 30],
      ]),
    ]);
    expect(rows[0]!.mainMs.median).toBe(13);
    expect(rows[0]!.mainMs.n).toBe(4);
    expect(rows[0]!.ms.median).toBe(73);
    expect(playbackLines(rows)[1]).toMatch(/^ {2}100k\s+with frames 73\.0\/\S+ {2}main 13\.0\/\S+/);
  });
  it("checks the drag step's budget at 100k alone, met or missed", () => {
    const met = playbackBudgets(playbackRows([result("100k", 100_000, [[10, 12]])]));
    expect(met).toEqual([expect.objectContaining({ ok: true, value: 11, limit: 16 })]);
    const missed = playbackBudgets(playbackRows([result("100k", 100_000, [[20, 22]])]));
    expect(missed[0]!.ok).toBe(false);
    expect(playbackBudgets(playbackRows([result("10k", 10_000, [[30]])]))).toEqual([]);
  });
  it("says no figure (ok null) when the trace had none, and skips sizes with no runs", () => {
    const rows = playbackRows([
      result("100k", 100_000, []),
      {
        ...result("100k", 100_000, [[0]]),
        runs: [{ play: [act(70, null)] } as unknown as AppRun],
      },
    ]);
    expect(rows).toHaveLength(1);
    expect(playbackBudgets(rows)[0]!.ok).toBeNull();
  });
});
