/**
 * The passages an event rests on: each quote with its source and stance, removable, and a row to
 * add one by typing (or pasting) the exact words; the validator then says whether they anchor.
 * Citing by selecting words in the reader is the other way in, and makes the same citation.
 */
import { For, createSignal } from "solid-js";
import type { Draft } from "../../model/curate/draft.ts";
import { type Citation, STANCES, type SituationEvent, SUPPORTS } from "../../model/types.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function CitationFields(props: {
  event: SituationEvent;
  draft: Draft;
  onChange: (next: SituationEvent) => void;
}) {
  const words = useAreaText(curateEn, curateEs);
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
      <legend>{words().citations.legend}</legend>
      <ul class="event-citations">
        <For each={citations()} fallback={<li>{words().citations.none}</li>}>
          {(c, i) => (
            <li>
              <q>{c.exact}</q>{" "}
              <span class="event-note">{`${c.source} · ${words().cite.stances[c.stance]}`}</span>{" "}
              <button
                type="button"
                class="link"
                onClick={() => write(citations().filter((_, k) => k !== i()))}
              >
                {words().citations.remove(c.exact)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <label for="ev-cite-source">{words().citations.source}</label>
      <select
        id="ev-cite-source"
        value={source()}
        onChange={(e) => setSource(e.currentTarget.value)}
      >
        <For each={props.draft.sources.sources}>
          {(s) => <option value={s.id}>{`${s.id} · ${s.title}`}</option>}
        </For>
      </select>
      <label for="ev-cite-exact">{words().citations.exact}</label>
      <textarea
        id="ev-cite-exact"
        rows={2}
        value={exact()}
        onInput={(e) => setExact(e.currentTarget.value)}
      />
      <div class="event-coords">
        <label>
          {words().citations.stance}
          <select
            value={stance()}
            onChange={(e) => setStance(e.currentTarget.value as Citation["stance"])}
          >
            <For each={STANCES}>{(x) => <option value={x}>{words().cite.stances[x]}</option>}</For>
          </select>
        </label>
        <label>
          {words().citations.supports}
          <select
            value={supports()}
            onChange={(e) =>
              setSupports(e.currentTarget.value as NonNullable<Citation["supports"]>)
            }
          >
            <For each={SUPPORTS}>
              {(x) => <option value={x}>{words().cite.supportsWhat[x]}</option>}
            </For>
          </select>
        </label>
      </div>
      <button type="button" class="btn" disabled={!exact().trim()} onClick={add}>
        {words().citations.add}
      </button>
    </fieldset>
  );
}
