/**
 * The citation being made from a selection: the quote as it will be stored (with the context
 * that picks this occurrence, when one was needed), and what the curator says of it: the event
 * it is evidence of, its stance, what it supports, and who speaks in it.
 */
import { For, Show, createSignal } from "solid-js";
import type { QuoteSelector } from "../../model/text/anchor.ts";
import { type Citation, STANCES, SUPPORTS, type Stance, type Support } from "../../model/types.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export type CiteFields = Omit<Citation, "source" | keyof QuoteSelector>;

export function CiteForm(props: {
  selector: QuoteSelector;
  events: { id: string; title: string }[];
  selectedEvent: string | null;
  onAdd: (eventId: string, fields: CiteFields) => void;
  onCancel: () => void;
}) {
  const tx = useAreaText(curateEn, curateEs);
  const initial = props.events.some((e) => e.id === props.selectedEvent)
    ? (props.selectedEvent ?? "")
    : "";
  const [eventId, setEventId] = createSignal(initial);
  const [stance, setStance] = createSignal<Stance>("reports");
  const [supports, setSupports] = createSignal<Support>("event");
  const [name, setName] = createSignal("");
  const [words, setWords] = createSignal("");
  const [problem, setProblem] = createSignal<string | null>(null);

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!eventId()) return void setProblem(tx().cite.noEvent);
    const [n, w] = [name().trim(), words().trim()];
    if (!n !== !w) return void setProblem(tx().cite.halfSpeaker);
    const fields: CiteFields = { stance: stance() };
    if (supports() !== "event") fields.supports = supports();
    if (n && w) fields.speaker = { name: n, words: w };
    props.onAdd(eventId(), fields);
  };

  return (
    <form class="cite-form" onSubmit={submit} novalidate>
      <p class="cite-label">{tx().cite.quote}</p>
      <blockquote class="cite-quote">{props.selector.exact}</blockquote>
      <Show when={props.selector.prefix !== undefined || props.selector.suffix !== undefined}>
        <p class="field-help">
          {tx().cite.context}:{" "}
          <Show when={props.selector.prefix}>
            {(p) => (
              <>
                {tx().cite.before} “<q class="ctx">{p()}</q>”{" "}
              </>
            )}
          </Show>
          <Show when={props.selector.suffix}>
            {(s) => (
              <>
                {tx().cite.after} “<q class="ctx">{s()}</q>”
              </>
            )}
          </Show>
        </p>
      </Show>
      <label for="cite-event">{tx().cite.event}</label>
      <select id="cite-event" value={eventId()} onChange={(e) => setEventId(e.currentTarget.value)}>
        <option value="">{tx().cite.chooseEvent}</option>
        <For each={props.events}>{(e) => <option value={e.id}>{e.title}</option>}</For>
      </select>
      <CiteKinds
        stance={stance()}
        supports={supports()}
        onStance={setStance}
        onSupports={setSupports}
      />
      <SpeakerFields name={name()} words={words()} onName={setName} onWords={setWords} />
      <Show when={problem()}>
        {(p) => (
          <p role="alert" class="draft-error">
            {p()}
          </p>
        )}
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn primary">
          {tx().cite.add}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {tx().cite.cancel}
        </button>
      </div>
    </form>
  );
}

function CiteKinds(props: {
  stance: Stance;
  supports: Support;
  onStance: (v: Stance) => void;
  onSupports: (v: Support) => void;
}) {
  const tx = useAreaText(curateEn, curateEs);
  return (
    <div class="field-row">
      <div class="field">
        <label for="cite-stance">{tx().cite.stance}</label>
        <select
          id="cite-stance"
          value={props.stance}
          onChange={(e) => props.onStance(e.currentTarget.value as Stance)}
        >
          <For each={STANCES}>{(v) => <option value={v}>{tx().cite.stances[v]}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="cite-supports">{tx().cite.supports}</label>
        <select
          id="cite-supports"
          value={props.supports}
          onChange={(e) => props.onSupports(e.currentTarget.value as Support)}
        >
          <For each={SUPPORTS}>{(v) => <option value={v}>{tx().cite.supportsWhat[v]}</option>}</For>
        </select>
      </div>
    </div>
  );
}

function SpeakerFields(props: {
  name: string;
  words: string;
  onName: (v: string) => void;
  onWords: (v: string) => void;
}) {
  const tx = useAreaText(curateEn, curateEs);
  return (
    <fieldset class="cite-speaker">
      <legend>{tx().cite.speaker}</legend>
      <label for="cite-speaker-name">{tx().cite.speakerName}</label>
      <input
        id="cite-speaker-name"
        type="text"
        value={props.name}
        onInput={(e) => props.onName(e.currentTarget.value)}
      />
      <label for="cite-speaker-words">{tx().cite.speakerWords}</label>
      <input
        id="cite-speaker-words"
        type="text"
        value={props.words}
        onInput={(e) => props.onWords(e.currentTarget.value)}
      />
    </fieldset>
  );
}
