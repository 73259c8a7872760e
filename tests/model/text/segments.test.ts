import { describe, expect, it } from "vitest";
import type { Passage } from "../../../src/model/dataset.ts";
import { eventsOf, segmentText } from "../../../src/model/text/segments.ts";

const p = (start: number, end: number, ...eventIds: string[]): Passage => ({
  sourceId: "s",
  start,
  end,
  citations: eventIds.map((eventId) => ({ eventId, index: 0 })),
});

describe("segmentText", () => {
  it("covers the whole text without gaps, marking overlapping passages", () => {
    const segs = segmentText(20, [p(2, 10, "a"), p(5, 15, "b")]);
    expect(segs.map((s) => [s.start, s.end, eventsOf(s.passages)])).toEqual([
      [0, 2, []],
      [2, 5, ["a"]],
      [5, 10, ["a", "b"]],
      [10, 15, ["b"]],
      [15, 20, []],
    ]);
  });
  it("clamps passages that run past the text", () => {
    expect(segmentText(5, [p(3, 99, "a")]).at(-1)).toMatchObject({ start: 3, end: 5 });
  });
  it("returns one plain run when nothing is cited", () => {
    expect(segmentText(7, [])).toEqual([{ start: 0, end: 7, passages: [] }]);
  });
});
