import { describe, expect, it } from "vitest";
import { longestTasks, mainThreadTimes, type TraceEvent } from "../../../src/cli/bench/trace.ts";

const MAIN = { pid: 7, tid: 1 };
const mark = (name: string, ts: number, at = MAIN): TraceEvent => ({
  name,
  ph: "R",
  ts,
  cat: "blink.user_timing",
  ...at,
});
const task = (
  ts: number,
  dur: number,
  name = "ThreadControllerImpl::RunTask",
  at = MAIN,
): TraceEvent => ({ name, ph: "X", ts, dur, cat: "toplevel", ...at });
const wait = (ts: number, dur: number): TraceEvent => ({
  name: "CommandBufferProxyImpl::WaitForGetOffset",
  ph: "X",
  ts,
  dur,
  cat: "gpu",
  ...MAIN,
});

describe("main-thread time from a trace", () => {
  it("sums the main thread's tasks between the marks, minus its waits for the GPU", () => {
    const trace = [
      mark("bench:1:start", 1000),
      mark("bench:1:end", 11_000),
      task(500, 1500), // starts before the window: only 1000 µs of it count
      task(3000, 4000),
      wait(4000, 2500), // 4 ms busy, of which 2.5 ms waiting for SwiftShader
      task(3500, 500, "RunTask"), // nested in the task above: counted once
      task(10_500, 2000), // ends after the window: 500 µs count
      task(4000, 5000, "ThreadControllerImpl::RunTask", { pid: 7, tid: 2 }), // another thread: ignored
    ];
    const [t] = mainThreadTimes(trace, [["bench:1:start", "bench:1:end"]]);
    expect(t!.gpuWaitMs).toBeCloseTo(2.5, 9);
    expect(t!.mainMs).toBeCloseTo(1 + 4 - 2.5 + 0.5, 9);
  });

  it("answers null for a window whose marks are missing or reversed, and 0 for an idle one", () => {
    const trace = [mark("a", 100), mark("b", 50), mark("c", 200), mark("d", 300)];
    expect(
      mainThreadTimes(trace, [
        ["a", "missing"],
        ["a", "b"],
        ["c", "d"],
      ]),
    ).toEqual([null, null, { mainMs: 0, gpuWaitMs: 0 }]);
  });
});

describe("a load's longest task from a trace", () => {
  it("is the longest main-thread task before the mark, and the longest counting only its own work", () => {
    const trace = [
      task(0, 3000), // 3 ms of our own work
      task(5000, 10_000),
      wait(6000, 9000), // 10 ms, of which 9 ms waiting for SwiftShader: 1 ms own
      task(5500, 200, "RunTask"), // nested: part of the task above
      task(20_000, 2000, "ThreadControllerImpl::RunTask", { pid: 7, tid: 2 }), // another thread
      task(17_500, 6000),
      wait(18_500, 5000), // marks ready, then waits for its frame: 1 ms own
      mark("vsm:ready", 18_000),
      task(19_000, 50_000), // after ready: not part of loading
    ];
    expect(longestTasks(trace, "vsm:ready")).toEqual({ longestMs: 10, longestOwnMs: 3 });
    // Without the wait after the mark, the task that marks ready would count as 6 ms of own work.
    expect(longestTasks(trace, "missing")).toBeNull();
  });
});
