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

const T = {
  heading: (title: string) => `Edit event: ${title}`,
  id: "Id (links use it; it never changes)",
  title: "Title",
  summary: "Summary, in your own words",
  category: "Category",
  actors: "Actors, one per line",
  date: "Date",
  start: "Start",
  end: "End (inclusive, for spans)",
  datePrecision: "Date precision",
  dateBasis: "Date basis: which cited words fix the date, and how",
  status: "Status",
  verdictOk: "The validator accepts this status with these citations.",
  verdictHeading: "The validator on the status:",
  remove: "Remove event",
  confirm: (title: string) => `Remove “${title}” from the draft?`,
  yes: "Remove",
  no: "Keep it",
  datePrecisions: {
    day: "Day",
    week: "Week",
    month: "Month",
    range: "Range (start to end)",
    before: "Before (only a day by which it had happened)",
  } as Record<string, string>,
};

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
      <h3 id="event-form-heading">{T.heading(p().title)}</h3>
      <label for="ev-id">{T.id}</label>
      <input id="ev-id" value={props.event.id} readOnly />
      <label for="ev-title">{T.title}</label>
      <input
        id="ev-title"
        required
        value={p().title}
        onChange={(e) => edit({ title: e.currentTarget.value.trim() })}
      />
      <label for="ev-summary">{T.summary}</label>
      <textarea
        id="ev-summary"
        required
        rows={3}
        value={p().summary}
        onChange={(e) => edit({ summary: e.currentTarget.value.trim() })}
      />
      <label for="ev-category">{T.category}</label>
      <select
        id="ev-category"
        required
        value={p().category}
        onChange={(e) => edit({ category: e.currentTarget.value as EventProperties["category"] })}
      >
        <For each={CATEGORIES}>{(c) => <option value={c}>{c}</option>}</For>
      </select>
      <label for="ev-actors">{T.actors}</label>
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
        <legend>{T.date}</legend>
        <label for="ev-start">{T.start}</label>
        <input
          id="ev-start"
          type="date"
          required
          value={p().date.start}
          onChange={(e) => e.currentTarget.value && editDate({ start: e.currentTarget.value })}
        />
        <label for="ev-end">{T.end}</label>
        <input
          id="ev-end"
          type="date"
          value={p().date.end ?? ""}
          onChange={(e) => editDate({ end: e.currentTarget.value })}
        />
        <label for="ev-date-precision">{T.datePrecision}</label>
        <select
          id="ev-date-precision"
          value={p().date.precision}
          onChange={(e) =>
            editDate({ precision: e.currentTarget.value as EventProperties["date"]["precision"] })
          }
        >
          <For each={DATE_PRECISIONS}>
            {(d) => <option value={d}>{T.datePrecisions[d]}</option>}
          </For>
        </select>
        <label for="ev-date-basis">{T.dateBasis}</label>
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
      <label for="ev-status">{T.status}</label>
      <select
        id="ev-status"
        value={p().status}
        onChange={(e) => edit({ status: e.currentTarget.value as EventProperties["status"] })}
      >
        <For each={STATUSES}>{(st) => <option value={st}>{st}</option>}</For>
      </select>
      <div class="event-verdict" data-testid="status-verdict">
        <Show when={verdict().length > 0} fallback={<p>{T.verdictOk}</p>}>
          <p>{T.verdictHeading}</p>
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
  const [asking, setAsking] = createSignal(false);
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class="btn" onClick={() => setAsking(true)}>
          {T.remove}
        </button>
      }
    >
      <fieldset class="draft-confirm">
        <legend class="sr-only">{T.remove}</legend>
        <p>{T.confirm(props.title)}</p>
        <button
          type="button"
          class="btn"
          ref={(b) => queueMicrotask(() => b.focus())}
          onClick={() => setAsking(false)}
        >
          {T.no}
        </button>
        <button type="button" class="btn danger" onClick={() => props.onRemove()}>
          {T.yes}
        </button>
      </fieldset>
    </Show>
  );
}
