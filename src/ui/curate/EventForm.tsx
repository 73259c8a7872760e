/**
 * The form for one event of the draft: what happened (title, summary, category, actors), when
 * (date with its precision and basis), where (PlaceFields), what it rests on (CitationFields) and
 * its status with the validator's verdict on it. Each field is written to the draft when it is
 * left (change), not on every key: a draft change re-reads the whole dataset and saves it.
 */
import { For, Show, createSignal } from "solid-js";
import type { Problem } from "../../model/validate/validate.ts";
import {
  CATEGORIES,
  DATE_PRECISIONS,
  type EventProperties,
  type SituationEvent,
  STATUSES,
} from "../../model/types.ts";
import type { Draft } from "../../model/curate/draft.ts";
import { CitationFields } from "./CitationFields.tsx";
import { PlaceFields, type PlaceEdit } from "./PlaceFields.tsx";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

/** Problems that judge the status against the citations. */
const STATUS_CODES = /^(status-|no-citations$|no-evidence$|expected-)/;

export interface EventFormProps {
  event: SituationEvent;
  draft: Draft;
  /** The validator's problems on this event. */
  problems: readonly Problem[];
  onChange: (next: SituationEvent) => void;
  onRemove: () => void;
  place: PlaceEdit;
}

export function EventForm(props: EventFormProps) {
  const words = useAreaText(curateEn, curateEs);
  const p = () => props.event.properties;
  const edit = (patch: Partial<EventProperties>) =>
    props.onChange({ ...props.event, properties: { ...p(), ...patch } });
  const editDate = (patch: Partial<EventProperties["date"]>) => {
    const date = { ...p().date, ...patch };
    if (!date.end) delete date.end;
    edit({ date });
  };
  const verdict = () => props.problems.filter((x) => STATUS_CODES.test(x.code));
  return (
    <form
      class="event-form"
      aria-labelledby="event-form-heading"
      data-testid="event-form"
      onSubmit={(e) => e.preventDefault()}
    >
      <h3 id="event-form-heading">{words().event.heading(p().title)}</h3>
      <label for="ev-id">{words().event.id}</label>
      <input id="ev-id" value={props.event.id} readOnly />
      <label for="ev-title">{words().event.title}</label>
      <input
        id="ev-title"
        required
        value={p().title}
        onChange={(e) => edit({ title: e.currentTarget.value.trim() })}
      />
      <label for="ev-summary">{words().event.summary}</label>
      <textarea
        id="ev-summary"
        required
        rows={3}
        value={p().summary}
        onChange={(e) => edit({ summary: e.currentTarget.value.trim() })}
      />
      <label for="ev-category">{words().event.category}</label>
      <select
        id="ev-category"
        required
        value={p().category}
        onChange={(e) => edit({ category: e.currentTarget.value as EventProperties["category"] })}
      >
        <For each={CATEGORIES}>{(c) => <option value={c}>{c}</option>}</For>
      </select>
      <label for="ev-actors">{words().event.actors}</label>
      <textarea
        id="ev-actors"
        rows={2}
        value={p().actors.join("\n")}
        onChange={(e) =>
          edit({
            actors: e.currentTarget.value
              .split("\n")
              .map((a) => a.trim())
              .filter(Boolean),
          })
        }
      />
      <fieldset class="event-form-group">
        <legend>{words().event.date}</legend>
        <label for="ev-start">{words().event.start}</label>
        <input
          id="ev-start"
          type="date"
          required
          value={p().date.start}
          onChange={(e) => e.currentTarget.value && editDate({ start: e.currentTarget.value })}
        />
        <label for="ev-end">{words().event.end}</label>
        <input
          id="ev-end"
          type="date"
          value={p().date.end ?? ""}
          onChange={(e) => editDate({ end: e.currentTarget.value })}
        />
        <label for="ev-date-precision">{words().event.datePrecision}</label>
        <select
          id="ev-date-precision"
          value={p().date.precision}
          onChange={(e) =>
            editDate({ precision: e.currentTarget.value as EventProperties["date"]["precision"] })
          }
        >
          <For each={DATE_PRECISIONS}>
            {(d) => <option value={d}>{words().event.datePrecisions[d]}</option>}
          </For>
        </select>
        <label for="ev-date-basis">{words().event.dateBasis}</label>
        <textarea
          id="ev-date-basis"
          required
          rows={2}
          value={p().date.basis}
          onChange={(e) => editDate({ basis: e.currentTarget.value.trim() })}
        />
      </fieldset>
      <PlaceFields event={props.event} onChange={props.onChange} place={props.place} />
      <CitationFields event={props.event} draft={props.draft} onChange={props.onChange} />
      <label for="ev-status">{words().event.status}</label>
      <select
        id="ev-status"
        value={p().status}
        onChange={(e) => edit({ status: e.currentTarget.value as EventProperties["status"] })}
      >
        <For each={STATUSES}>{(st) => <option value={st}>{st}</option>}</For>
      </select>
      <div class="event-verdict" data-testid="status-verdict">
        <Show when={verdict().length > 0} fallback={<p>{words().event.verdictOk}</p>}>
          <p>{words().event.verdictHeading}</p>
          <ul>
            <For each={verdict()}>{(x) => <li>{x.message}</li>}</For>
          </ul>
        </Show>
      </div>
      <RemoveEvent title={p().title} onRemove={props.onRemove} />
    </form>
  );
}

/** Removing asks first, in the page, with keeping as the focused answer (as discarding does). */
function RemoveEvent(props: { title: string; onRemove: () => void }) {
  const words = useAreaText(curateEn, curateEs);
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="btn" onClick={() => setAsking(true)}>
          {words().event.remove}
        </button>
      }
    >
      <fieldset class="draft-confirm">
        <legend class="sr-only">{words().event.remove}</legend>
        <p>{words().event.confirm(props.title)}</p>
        <button
          type="button"
          class="btn"
          ref={(b) => queueMicrotask(() => b.focus())}
          onClick={() => setAsking(false)}
        >
          {words().event.no}
        </button>
        <button type="button" class="btn danger" onClick={() => props.onRemove()}>
          {words().event.yes}
        </button>
      </fieldset>
    </Show>
  );
}
