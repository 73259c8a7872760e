import { describe, expect, it } from "vitest";
import { isoDay } from "../../../src/model/query/dates.ts";
import {
  frameAt,
  frameDays,
  playbackFrames,
  stepFrame,
} from "../../../src/model/query/playback-frames.ts";

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const span: [number, number] = [day("2025-11-22"), day("2026-01-11")];
const days = (f: ReturnType<typeof playbackFrames>, k: number) => frameDays(f, k).map(isoDay);

describe("playback frames", () => {
  it("gives each week frame as seven inclusive days", () => {
    const f = playbackFrames(span, "week");
    expect(days(f, 0)).toEqual(["2025-11-22", "2025-11-28"]);
    expect(days(f, 7)).toEqual(["2026-01-10", "2026-01-16"]);
  });
  it("gives a month frame as its calendar month, a day frame as one day", () => {
    expect(days(playbackFrames(span, "month"), 1)).toEqual(["2025-12-01", "2025-12-31"]);
    expect(days(playbackFrames(span, "day"), 3)).toEqual(["2025-11-25", "2025-11-25"]);
  });
  it("grows a cumulative frame from the first day", () => {
    const f = playbackFrames(span, "cumulative");
    expect(days(f, 0)).toEqual(["2025-11-22", "2025-11-22"]);
    expect(days(f, 10)).toEqual(["2025-11-22", "2025-12-02"]);
  });
  it("finds the frame a range stands on, and whether it is exactly that frame", () => {
    const f = playbackFrames(span, "week");
    expect(frameAt(f, day("2025-11-29"), day("2025-12-05"))).toEqual({ index: 1, exact: true });
    expect(frameAt(f, day("2025-12-01"), day("2025-12-03"))).toEqual({ index: 1, exact: false });
    expect(frameAt(f, null, null)).toEqual({ index: 0, exact: false });
    expect(frameAt(f, day("2020-01-01"), null)).toEqual({ index: 0, exact: false });
    expect(frameAt(f, day("2030-01-01"), null)).toEqual({ index: 7, exact: false });
  });
  it("reads a cumulative range by its end, with an open or first-day start", () => {
    const f = playbackFrames(span, "cumulative");
    expect(frameAt(f, null, day("2025-11-25"))).toEqual({ index: 3, exact: true });
    expect(frameAt(f, day("2025-11-22"), day("2025-11-25"))).toEqual({ index: 3, exact: true });
    expect(frameAt(f, day("2025-11-23"), day("2025-11-25"))).toEqual({ index: 3, exact: false });
  });
  it("steps from an exact frame to its neighbour, and snaps any other range first", () => {
    const f = playbackFrames(span, "week");
    expect(stepFrame(f, day("2025-11-29"), day("2025-12-05"), 1)).toBe(2);
    expect(stepFrame(f, day("2025-11-29"), day("2025-12-05"), -1)).toBe(0);
    expect(stepFrame(f, day("2025-12-01"), day("2025-12-03"), 1)).toBe(1);
    expect(stepFrame(f, null, null, 1)).toBe(0);
  });
  it("holds at the first and the last frame", () => {
    const f = playbackFrames(span, "week");
    expect(stepFrame(f, day("2025-11-22"), day("2025-11-28"), -1)).toBe(0);
    expect(stepFrame(f, day("2026-01-10"), day("2026-01-16"), 1)).toBe(7);
  });
  it("has no frames for no data, and stands on frame 0", () => {
    const f = playbackFrames([day("2026-01-02"), day("2026-01-01")], "day");
    expect(f.cursors).toEqual([]);
    expect(frameAt(f, day("2026-01-01"), null)).toEqual({ index: 0, exact: false });
  });
});
