/**
 * A line's points or an area's corners typed as `longitude,latitude` lines: the keyboard's way to
 * what "Draw a line" and "Draw an area" do on the map. The text is written to the draft when the
 * field is left; a line that is not a position, or too few of them, is said and nothing written.
 */
import { For, Show, createSignal } from "solid-js";
import {
  type LineString,
  type Polygon,
  type ShapeKind,
  formatVertices,
  readVertices,
  shapeGeometry,
} from "../../model/curate/shape-geometry.ts";
import type { SituationEvent } from "../../model/types.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

const KINDS: ShapeKind[] = ["LineString", "Polygon"];

export function VertexFields(props: {
  event: SituationEvent;
  onShape: (geometry: LineString | Polygon) => void;
}) {
  const words = useAreaText(curateEn, curateEs);
  const shape = () => {
    const g = props.event.geometry;
    return g?.type === "LineString" || g?.type === "Polygon" ? g : null;
  };
  // The kind typed points make: the geometry's own, or the one chosen before it has one.
  const [chosen, setChosen] = createSignal<ShapeKind>("LineString");
  const kind = () => shape()?.type ?? chosen();
  const [text, setText] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal("");
  const shown = () => text() ?? (shape() ? formatVertices(shape()!) : "");
  const apply = (as: ShapeKind) => {
    const read = readVertices(shown());
    if (!read.ok) return setProblem(words().place.badVertex(read.line, read.text));
    if (read.vertices.length === 0) return setProblem("");
    const made = shapeGeometry(as, read.vertices);
    if (!made)
      return setProblem(as === "LineString" ? words().place.tooFewLine : words().place.tooFewArea);
    setProblem("");
    setText(null);
    props.onShape(made);
  };
  return (
    <div class="event-vertices">
      <label for="ev-vertex-kind">{words().place.vertexKind}</label>
      <select
        id="ev-vertex-kind"
        value={kind()}
        onChange={(e) => {
          setChosen(e.currentTarget.value as ShapeKind);
          apply(chosen());
        }}
      >
        <For each={KINDS}>{(k) => <option value={k}>{words().place.vertexKinds[k]}</option>}</For>
      </select>
      <label for="ev-vertices">{words().place.vertices}</label>
      <textarea
        id="ev-vertices"
        rows={3}
        spellcheck={false}
        aria-describedby="ev-vertices-problem"
        aria-invalid={problem() !== ""}
        value={shown()}
        onInput={(e) => setText(e.currentTarget.value)}
        onChange={() => apply(kind())}
      />
      <p id="ev-vertices-problem" class="draft-error" role="alert">
        <Show when={problem()}>{problem()}</Show>
      </p>
    </div>
  );
}
