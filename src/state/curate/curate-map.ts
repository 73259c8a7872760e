/**
 * What curate mode asks of the map, and what the map answers: the shape of the event being edited,
 * to draw, and "place a point" (a click, or a drag for its radius), answered once. The event form
 * (ui/curate/) and MapPane, which alone may reach the map folder, meet here; the drawing itself is
 * src/map/curate-draw.ts, loaded only in curate mode.
 */
import { createEffect, createSignal, onCleanup } from "solid-js";
import type { CurateDrawPort, DraftShape, PlacedPoint } from "../../model/curate/draw-port.ts";

export type { DraftShape, PlacedPoint } from "../../model/curate/draw-port.ts";

type Answer = (placed: PlacedPoint | null) => void;

const [shape, setShape] = createSignal<DraftShape | null>(null);
const [asking, setAsking] = createSignal<Answer | null>(null);

export const curateMap = {
  shape,
  /** Draw this shape (the event being edited), or nothing. */
  show: (next: DraftShape | null) => void setShape(next),
  placing: () => asking() !== null,
  /** Resolves with the point placed on the map, or null when cancelled. */
  place(): Promise<PlacedPoint | null> {
    curateMap.cancel();
    return new Promise((resolve) => setAsking(() => resolve));
  },
  cancel(): void {
    const answer = asking();
    setAsking(null);
    answer?.(null);
  },
};

/** Wires a map's drawing to curate mode's requests, for as long as the calling owner lives. */
export function connectCurateMap(draw: CurateDrawPort): void {
  createEffect(() => draw.show(shape()));
  createEffect(() => {
    const answer = asking();
    if (!answer) return;
    const stop = draw.place((placed) => {
      setAsking(null);
      answer(placed);
    });
    onCleanup(stop);
  });
  onCleanup(() => {
    curateMap.cancel();
    draw.destroy();
  });
}
