import { fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eventSpans, isoDay } from "../../src/model/query/dates.ts";
import { frameDays, playbackFrames } from "../../src/model/query/playback-frames.ts";
import { inWindow, playbackWindow } from "../../src/model/query/playback.ts";
import { timelineDomain } from "../../src/model/query/timeline.ts";
import { emptyViewState, type ViewState } from "../../src/model/view-state.ts";
import type { AppState } from "../../src/state/app-state.ts";
import { Counter } from "../../src/ui/Counter.tsx";
import { Timeline } from "../../src/ui/Timeline.tsx";
import { createTestState } from "../state/fixtures.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function renderPlayback(initial: ViewState = emptyViewState()) {
  const { state } = createTestState({ initial });
  const view = render(() => (
    <>
      <Timeline state={state} />
      <Counter state={state} />
    </>
  ));
  const button = (name: string) => view.getByRole("button", { name });
  const group = () => view.getByRole("group", { name: "Playback" });
  const range = () => [state.view.filters.from, state.view.filters.to];
  const count = () => view.getByTestId("count").textContent;
  return { ...view, state, button, group, range, count };
}

/** The shipped data's week frames as the model has them: dates, and "N of M events shown". */
function expectedWeeks(state: AppState, mode: "week" | "cumulative" = "week") {
  const events = state.events();
  const d = timelineDomain(events);
  const frames = playbackFrames([d.first, d.last], mode);
  const spans = eventSpans(events);
  return frames.cursors.map((c, k) => ({
    range: frameDays(frames, k).map(isoDay),
    count: `${inWindow(spans, playbackWindow(c, mode, frames.first)).length} of ${events.length} events shown`,
  }));
}

describe("PlaybackControls", () => {
  it("offers play, two steps, a week window and 1 step/s, paused, with no date range", () => {
    const { button, getByRole, state, group } = renderPlayback();
    for (const name of ["Play", "Step back", "Step forward"]) expect(button(name)).toBeEnabled();
    expect(getByRole("combobox", { name: "Playback window" })).toHaveValue("week");
    expect(getByRole("combobox", { name: "Playback speed" })).toHaveValue("1");
    expect(group()).toHaveAttribute("data-playing", "false");
    expect(state.view.play).toBeNull();
    vi.advanceTimersByTime(5000);
    expect(state.view.filters.from).toBeNull();
  });

  it("steps week by week, with the model's count at each step, and back", () => {
    const { button, range, count, state } = renderPlayback();
    const weeks = expectedWeeks(state);
    expect(weeks.length).toBeGreaterThan(10);
    for (const w of weeks.slice(0, 4)) {
      fireEvent.click(button("Step forward"));
      expect(range()).toEqual(w.range);
      expect(count()).toBe(w.count);
    }
    fireEvent.click(button("Step back"));
    expect(range()).toEqual(weeks[2]!.range);
    expect(state.view.play).toEqual({ mode: "week", autoplay: false });
  });

  it("plays one frame a second to the last frame, stops there, and plays again from the first", () => {
    const { button, range, count, state, group } = renderPlayback();
    const weeks = expectedWeeks(state);
    fireEvent.click(button("Play"));
    expect(group()).toHaveAttribute("data-playing", "true");
    expect(button("Pause")).toBeInTheDocument();
    for (const w of weeks) {
      expect(range()).toEqual(w.range);
      expect(count()).toBe(w.count);
      vi.advanceTimersByTime(1000);
    }
    expect(range()).toEqual(weeks.at(-1)!.range);
    expect(group()).toHaveAttribute("data-playing", "false");
    fireEvent.click(button("Play"));
    expect(range()).toEqual(weeks[0]!.range);
  });

  it("plays a cumulative window, growing from the first day, at the chosen speed", () => {
    const { button, range, count, state, getByRole } = renderPlayback();
    fireEvent.change(getByRole("combobox", { name: "Playback window" }), {
      target: { value: "cumulative" },
    });
    fireEvent.change(getByRole("combobox", { name: "Playback speed" }), {
      target: { value: "4" },
    });
    const days = expectedWeeks(state, "cumulative");
    fireEvent.click(button("Play"));
    vi.advanceTimersByTime(250 * 30);
    expect(range()).toEqual(days[30]!.range);
    expect(count()).toBe(days[30]!.count);
    expect(state.view.play).toEqual({ mode: "cumulative", autoplay: false });
  });

  it("pauses when the reader changes a filter or moves a handle, and never refits the camera", () => {
    const { button, state, group, getByRole } = renderPlayback();
    fireEvent.click(button("Play"));
    vi.advanceTimersByTime(3000);
    expect(state.filterEdits()).toBe(0);
    state.actions.setFilters({ categories: ["raid"] });
    expect(group()).toHaveAttribute("data-playing", "false");
    fireEvent.click(button("Play"));
    fireEvent.keyDown(getByRole("slider", { name: "End of date range" }), { key: "ArrowRight" });
    expect(group()).toHaveAttribute("data-playing", "false");
    const at = state.view.filters.to;
    vi.advanceTimersByTime(3000);
    expect(state.view.filters.to).toBe(at);
  });

  it("plays and pauses with Space on the timeline, and steps with the arrows from its buttons", () => {
    const { button, state, group, getByRole, range } = renderPlayback();
    const weeks = expectedWeeks(state);
    const handle = getByRole("slider", { name: "Start of date range" });
    fireEvent.keyDown(handle, { key: " " });
    expect(group()).toHaveAttribute("data-playing", "true");
    fireEvent.keyDown(handle, { key: " " });
    expect(group()).toHaveAttribute("data-playing", "false");
    fireEvent.keyDown(button("Step forward"), { key: "ArrowRight" });
    expect(range()).toEqual(weeks[1]!.range);
    fireEvent.keyDown(button("Play"), { key: "ArrowLeft" });
    expect(range()).toEqual(weeks[0]!.range);
    // Space on a button is that button's own (a click), never taken over.
    const space = fireEvent.keyDown(button("Step forward"), { key: " " });
    expect(space).toBe(true);
    expect(group()).toHaveAttribute("data-playing", "false");
  });

  it("opens a play= link paused, and plays by itself only when it says autoplay", () => {
    const paused = renderPlayback({
      ...emptyViewState(),
      play: { mode: "month", autoplay: false },
    });
    expect(paused.getByRole("combobox", { name: "Playback window" })).toHaveValue("month");
    vi.advanceTimersByTime(3000);
    expect(paused.range()).toEqual([null, null]);
    paused.unmount();

    const auto = renderPlayback({ ...emptyViewState(), play: { mode: "month", autoplay: true } });
    expect(auto.group()).toHaveAttribute("data-playing", "true");
    expect(auto.range()).toEqual(["2025-09-01", "2025-09-30"]);
    // Once playing, the link it writes back no longer plays by itself.
    expect(auto.state.view.play).toEqual({ mode: "month", autoplay: false });
    vi.advanceTimersByTime(1000);
    expect(auto.range()).toEqual(["2025-10-01", "2025-10-31"]);
  });
});
