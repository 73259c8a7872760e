/**
 * The citation being made from a selection: the quote as it will be stored (with the context
 * that picks this occurrence, when one was needed), and what the curator says of it: the event
 * it is evidence of, its stance, what it supports, and who speaks in it.
 */
import { For, Show, createSignal } from "solid-js";
import type { QuoteSelector } from "../../model/text/anchor.ts";
import { type Citation, STANCES, SUPPORTS, type Stance, type Support } from "../../model/types.ts";

const T = {
  quote: "Quote",
  context: "Context that picks this occurrence",
  before: "before",
  after: "after",
  event: "Evidence of the event",
  chooseEvent: "Choose an event…",
  stance: "Stance",
  stances: {
    reports: "reports it",
    claims: "relays a claim",
    denies: "denies it",
    forecasts: "forecasts it",
  } satisfies Record<Stance, string>,
  supports: "Supports",
  supportsWhat: {
    event: "the event itself",
    date: "only its date",
    place: "only its place",
  } satisfies Record<Support, string>,
  speaker: "Speaker (required for a denial)",
  speakerName: "Their name, as the map should say it",
  speakerWords: "Words that name them, verbatim from the paragraph",
  add: "Add the citation",
  cancel: "Cancel",
  noEvent: "Choose the event this passage is evidence of.",
  halfSpeaker: "Give both the speaker's name and the words that name them, or neither.",
};

export type CiteFields = Omit<Citation, "source" | keyof QuoteSelector>;

export function CiteForm(props: {
  selector: QuoteSelector;
  events: { id: string; title: string }[];
  selectedEvent: string | null;
  onAdd: (eventId: string, fields: CiteFields) => void;
  onCancel: () => void;
}) {
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
    if (!eventId()) return void setProblem(T.noEvent);
    const [n, w] = [name().trim(), words().trim()];
    if (!n !== !w) return void setProblem(T.halfSpeaker);
    const fields: CiteFields = { stance: stance() };
    if (supports() !== "event") fields.supports = supports();
    if (n && w) fields.speaker = { name: n, words: w };
    props.onAdd(eventId(), fields);
  };

  return (
    <form class="cite-form" onSubmit={submit} novalidate>
      <p class="cite-label">{T.quote}</p>
      <blockquote class="cite-quote">{props.selector.exact}</blockquote>
      <Show when={props.selector.prefix !== undefined || props.selector.suffix !== undefined}>
        <p class="field-help">
          {T.context}:{" "}
          <Show when={props.selector.prefix}>
            {(p) => (
              <>
                {T.before} “<q class="ctx">{p()}</q>”{" "}
              </>
            )}
          </Show>
          <Show when={props.selector.suffix}>
            {(s) => (
              <>
                {T.after} “<q class="ctx">{s()}</q>”
              </>
            )}
          </Show>
        </p>
      </Show>
      <label for="cite-event">{T.event}</label>
      <select id="cite-event" value={eventId()} onChange={(e) => setEventId(e.currentTarget.value)}>
        <option value="">{T.chooseEvent}</option>
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
          {T.add}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {T.cancel}
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
  return (
    <div class="field-row">
      <div class="field">
        <label for="cite-stance">{T.stance}</label>
        <select
          id="cite-stance"
          value={props.stance}
          onChange={(e) => props.onStance(e.currentTarget.value as Stance)}
        >
          <For each={STANCES}>{(v) => <option value={v}>{T.stances[v]}</option>}</For>
        </select>
      </div>
      <div class="field">
        <label for="cite-supports">{T.supports}</label>
        <select
          id="cite-supports"
          value={props.supports}
          onChange={(e) => props.onSupports(e.currentTarget.value as Support)}
        >
          <For each={SUPPORTS}>{(v) => <option value={v}>{T.supportsWhat[v]}</option>}</For>
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
  return (
    <fieldset class="cite-speaker">
      <legend>{T.speaker}</legend>
      <label for="cite-speaker-name">{T.speakerName}</label>
      <input
        id="cite-speaker-name"
        type="text"
        value={props.name}
        onInput={(e) => props.onName(e.currentTarget.value)}
      />
      <label for="cite-speaker-words">{T.speakerWords}</label>
      <input
        id="cite-speaker-words"
        type="text"
        value={props.words}
        onInput={(e) => props.onWords(e.currentTarget.value)}
      />
    </fieldset>
  );
}
