import { createRoot } from "solid-js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { afterFirstText } from "../../src/ui/after-first-text.ts";
import { createTestState, makeLoaded } from "../state/fixtures.ts";

/** The gate on a state still loading, and whether it has opened so far. */
function gate(waitMs?: number) {
  const { state } = createTestState({ data: null });
  let open = false;
  createRoot(() => afterFirstText(state, waitMs)).then(() => (open = true));
  return { state, isOpen: () => open };
}

/** Runs the fake clock on by `ms`, then lets the promise callbacks run. */
async function runFor(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe("the map waits for the page's text (afterFirstText)", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "requestAnimationFrame"] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("opens once the data is in and a frame has drawn it, not before", async () => {
    const { state, isOpen } = gate();
    await runFor(100);
    expect(isOpen()).toBe(false);
    state.actions.loaded(makeLoaded());
    await Promise.resolve();
    expect(isOpen(), "not in the task that set the data").toBe(false);
    await runFor(40);
    expect(isOpen()).toBe(true);
  });

  it("does not wait for a dataset that announces its count: it is big", async () => {
    const { state, isOpen } = gate();
    state.actions.announced(100_000);
    await runFor(0);
    expect(isOpen()).toBe(true);
  });

  it("does not wait for data that failed to load", async () => {
    const { state, isOpen } = gate();
    state.actions.failed("data/events.geojson: 404");
    await runFor(0);
    expect(isOpen()).toBe(true);
  });

  it("waits no longer than its limit", async () => {
    const { isOpen } = gate(1000);
    await runFor(999);
    expect(isOpen()).toBe(false);
    await runFor(1);
    expect(isOpen()).toBe(true);
  });

  it("opens at once when the data came before the map's place was made", async () => {
    const { state } = createTestState();
    let open = false;
    createRoot(() => afterFirstText(state)).then(() => (open = true));
    await runFor(40);
    expect(open).toBe(true);
  });
});
