import { MessageChannel as NodeMessageChannel } from "node:worker_threads";
import { describe, expect, it, vi } from "vitest";
import { paced, runSteps, runStepsPaused, sliced, taskBreak } from "../../src/model/slices.ts";

describe("steps: sliced work run at once or with pauses", () => {
  it("covers [0, n) in order, in slices, with a pause between slices only", async () => {
    const seen: [number, number][] = [];
    let pauses = 0;
    await runStepsPaused(
      sliced(25, 10, (from, to) => void seen.push([from, to])),
      async () => void pauses++,
    );
    expect(seen).toEqual([
      [0, 10],
      [10, 20],
      [20, 25],
    ]);
    expect(pauses).toBe(2);
    await runStepsPaused(
      sliced(0, 10, () => seen.push([-1, -1])),
      async () => void pauses++,
    );
    expect(seen).toHaveLength(3);
    expect(pauses).toBe(2);
  });

  it("gives the same result at once as with pauses, and at once never pauses", async () => {
    function* squares(n: number, slice: number) {
      const out: number[] = [];
      yield* sliced(n, slice, (from, to) => {
        for (let i = from; i < to; i++) out.push(i * i);
      });
      return out;
    }
    let pauses = 0;
    const paused = await runStepsPaused(squares(7, 3), async () => void pauses++);
    expect(paused).toEqual([0, 1, 4, 9, 16, 25, 36]);
    expect(pauses).toBe(2);
    expect(runSteps(squares(7, 3))).toEqual(paused);
    expect(runSteps(squares(7, Infinity))).toEqual(paused);
  });
});

describe("paced", () => {
  it("breaks the task only once the budget has passed since the last break", async () => {
    let clock = 0,
      breaks = 0;
    const pause = paced(
      async () => void (breaks++, (clock += 4)),
      10,
      () => clock,
    );
    await pause();
    expect(breaks).toBe(0);
    clock = 9.9;
    await pause();
    expect(breaks).toBe(0);
    clock = 10;
    await pause();
    expect(breaks).toBe(1);
    // The budget counts from the end of the break (14), not from its start.
    clock = 23.9;
    await pause();
    expect(breaks).toBe(1);
    clock = 24;
    await pause();
    expect(breaks).toBe(2);
  });
});

describe("taskBreak", () => {
  it("uses scheduler.yield() where there is one, called on the scheduler itself", async () => {
    const calls: unknown[] = [];
    const scheduler = {
      yield(this: unknown) {
        calls.push(this);
        return Promise.resolve();
      },
    };
    let channels = 0;
    class CountedChannel extends NodeMessageChannel {
      constructor() {
        super();
        channels++;
      }
    }
    const pause = taskBreak({
      scheduler,
      MessageChannel: CountedChannel as unknown as typeof MessageChannel,
    });
    await pause();
    await pause();
    expect(calls).toEqual([scheduler, scheduler]);
    expect(channels).toBe(0);
  });

  it("falls back to a message posted to itself, in order, without scheduler.yield", async () => {
    let posted = 0;
    class CountedChannel extends NodeMessageChannel {
      constructor() {
        super();
        const post = this.port2.postMessage.bind(this.port2);
        this.port2.postMessage = (m: unknown) => void (posted++, post(m));
      }
    }
    // A scheduler without yield (older browsers have postTask alone) does not count.
    const pause = taskBreak({
      scheduler: {},
      MessageChannel: CountedChannel as unknown as typeof MessageChannel,
    });
    const order: number[] = [];
    await Promise.all([pause().then(() => order.push(1)), pause().then(() => order.push(2))]);
    expect(posted).toBe(2);
    expect(order).toEqual([1, 2]);
  });

  it("falls back to setTimeout with neither", async () => {
    vi.useFakeTimers();
    try {
      let done = false;
      const pause = taskBreak({})().then(() => void (done = true));
      await Promise.resolve();
      expect(done).toBe(false);
      await vi.runAllTimersAsync();
      await pause;
      expect(done).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});
