/**
 * The passages an event rests on: each quote with its source and stance, removable, and a row to
 * add one by typing (or pasting) the exact words; the validator then says whether they anchor.
 * Citing by selecting words in the reader is the other way in, and makes the same citation.
 */
import { For, createSignal } from "solid-js";
import type { Draft } from "../../model/curate/draft.ts";
import { type Citation, STANCES, type SituationEvent, SUPPORTS } from "../../model/types.ts";

const T = {
  legend: "Citations",
  none: "No citation yet: every event rests on a passage of its source.",
  remove: (exact: string) => `Remove citation “${exact.slice(0, 40)}”`,
  source: "Source",
  exact: "Exact words, verbatim from the source",
  stance: "Stance",
  supports: "Supports",
  add: "Add citation",
};

export function CitationFields(props: {
  event: SituationEvent;
  draft: Draft;
  onChange: (next: SituationEvent) => void;
}) {
  const citations = () => props.event.properties.citations;
  const write = (next: Citation[]) =>
    props.onChange({ ...props.event, properties: { ...props.event.properties, citations: next } });
  const [source, setSource] = createSignal(props.draft.sources.sources[0]?.id ?? "");
  const [exact, setExact] = createSignal("");
  const [stance, setStance] = createSignal<Citation["stance"]>("reports");
  const [supports, setSupports] = createSignal<NonNullable<Citation["supports"]>>("event");
  const add = () => {
    const words = exact().trim();
    if (!words || !source()) return;
    const citation: Citation = { source: source(), exact: words, stance: stance() };
    if (supports() !== "event") citation.supports = supports();
    write([...citations(), citation]);
    setExact("");
  };
  return (
    <fieldset class="event-form-group">
      <legend>{T.legend}</legend>
      <ul class="event-citations">
        <For each={citations()} fallback={<li>{T.none}</li>}>
          {(c, i) => (
            <li>
              <q>{c.exact}</q> <span class="event-note">{`${c.source} · ${c.stance}`}</span>{" "}
              <button
                type="button"
                class="link"
                onClick={() => write(citations().filter((_, k) => k !== i()))}
              >
                {T.remove(c.exact)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <label for="ev-cite-source">{T.source}</label>
      <select
        id="ev-cite-source"
        value={source()}
        onChange={(e) => setSource(e.currentTarget.value)}
      >
        <For each={props.draft.sources.sources}>
          {(s) => <option value={s.id}>{`${s.id} · ${s.title}`}</option>}
        </For>
      </select>
      <label for="ev-cite-exact">{T.exact}</label>
      <textarea
        id="ev-cite-exact"
        rows={2}
        value={exact()}
        onInput={(e) => setExact(e.currentTarget.value)}
      />
      <div class="event-coords">
        <label>
          {T.stance}
          <select
            value={stance()}
            onChange={(e) => setStance(e.currentTarget.value as Citation["stance"])}
          >
            <For each={STANCES}>{(x) => <option value={x}>{x}</option>}</For>
          </select>
        </label>
        <label>
          {T.supports}
          <select
            value={supports()}
            onChange={(e) =>
              setSupports(e.currentTarget.value as NonNullable<Citation["supports"]>)
            }
          >
            <For each={SUPPORTS}>{(x) => <option value={x}>{x}</option>}</For>
          </select>
        </label>
      </div>
      <button type="button" class="btn" disabled={!exact().trim()} onClick={add}>
        {T.add}
      </button>
    </fieldset>
  );
}
