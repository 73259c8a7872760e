/**
 * What curate mode asks of the map, and what the map answers: the shape of the event being edited,
 * to draw; "place a point" (a click, or a drag for its radius) and "draw a line" or "an area"
 * (vertices clicked until a double-click), each answered once. The event form (ui/curate/) and
 * MapPane, which alone may reach the map folder, meet here; the drawing itself is
 * src/map/curate-draw.ts, loaded only in curate mode.
 */
import { createEffect, createSignal, onCleanup } from "solid-js";
import type { CurateDrawPort, DraftShape, PlacedPoint } from "../../model/curate/draw-port.ts";
import type { Position, ShapeKind } from "../../model/curate/shape-geometry.ts";

export type { DraftShape, PlacedPoint } from "../../model/curate/draw-port.ts";

/** One request to the map at a time: a point, or a line's or area's vertices. */
type Request =
  | { kind: "Point"; answer: (placed: PlacedPoint | null) => void }
  | { kind: ShapeKind; answer: (vertices: Position[] | null) => void };

const [shape, setShape] = createSignal<DraftShape | null>(null);
const [asking, setAsking] = createSignal<Request | null>(null);

function ask<T>(kind: Request["kind"]): Promise<T | null> {
  curateMap.cancel();
  return new Promise((resolve) => setAsking({ kind, answer: resolve } as Request));
}

export const curateMap = {
  shape,
  /** Draw this shape (the event being edited), or nothing. */
  show: (next: DraftShape | null) => void setShape(next),
  placing: () => asking()?.kind === "Point",
  /** Which line or area is being drawn, if one is. */
  drawing: (): ShapeKind | null => {
    const kind = asking()?.kind;
    return kind && kind !== "Point" ? kind : null;
  },
  /** Resolves with the point placed on the map, or null when cancelled. */
  place: () => ask<PlacedPoint>("Point"),
  /** Resolves with the vertices clicked on the map, or null when cancelled. */
  drawShape: (kind: ShapeKind) => ask<Position[]>(kind),
  cancel(): void {
    const request = asking();
    setAsking(null);
    request?.answer(null);
  },
};

/** Wires a map's drawing to curate mode's requests, for as long as the calling owner lives. */
export function connectCurateMap(draw: CurateDrawPort): void {
  createEffect(() => draw.show(shape()));
  createEffect(() => {
    const request = asking();
    if (!request) return;
    const answered =
      <T>(answer: (x: T | null) => void) =>
      (x: T | null) => {
        setAsking(null);
        answer(x);
      };
    const stop =
      request.kind === "Point"
        ? draw.place(answered(request.answer))
        : draw.drawShape(request.kind, answered(request.answer));
    onCleanup(stop);
  });
  onCleanup(() => {
    curateMap.cancel();
    draw.destroy();
  });
}
