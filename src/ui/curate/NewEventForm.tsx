/**
 * "New event": the three things an event cannot be shown without (a title, a category, a start
 * date). The rest is filled in the event's form, and the validator says what is still missing.
 */
import { For, Show, createSignal } from "solid-js";
import type { NewEvent } from "../../model/curate/event-edit.ts";
import { CATEGORIES, type Category } from "../../model/types.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function NewEventForm(props: { onAdd: (given: NewEvent) => void }) {
  const words = useAreaText(curateEn, curateEs);
  const [open, setOpen] = createSignal(false);
  const [title, setTitle] = createSignal("");
  const [category, setCategory] = createSignal<Category | "">("");
  const [start, setStart] = createSignal("");
  const [tried, setTried] = createSignal(false);
  const missing = () =>
    [
      title().trim() ? null : words().newEvent.title,
      category() ? null : words().newEvent.category,
      /^\d{4}-\d{2}-\d{2}$/.test(start()) ? null : words().newEvent.start,
    ].filter((x): x is string => x !== null);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    if (missing().length > 0) return;
    props.onAdd({ title: title().trim(), category: category() as Category, start: start() });
    setOpen(false);
    setTitle("");
    setCategory("");
    setStart("");
    setTried(false);
  };
  return (
    <Show
      when={open()}
      fallback={
        <button type="button" class="btn" onClick={() => setOpen(true)}>
          {words().newEvent.open}
        </button>
      }
    >
      <form class="event-form new-event" onSubmit={submit} noValidate>
        <fieldset class="event-form-group">
          <legend>{words().newEvent.legend}</legend>
          <label for="new-ev-title">{words().newEvent.title}</label>
          <input
            id="new-ev-title"
            required
            value={title()}
            ref={(el) => queueMicrotask(() => el.focus())}
            onInput={(e) => setTitle(e.currentTarget.value)}
          />
          <label for="new-ev-category">{words().newEvent.category}</label>
          <select
            id="new-ev-category"
            required
            value={category()}
            onChange={(e) => setCategory(e.currentTarget.value as Category)}
          >
            <option value="">{words().newEvent.choose}</option>
            <For each={CATEGORIES}>{(c) => <option value={c}>{c}</option>}</For>
          </select>
          <label for="new-ev-start">{words().newEvent.start}</label>
          <input
            id="new-ev-start"
            type="date"
            required
            value={start()}
            onInput={(e) => setStart(e.currentTarget.value)}
          />
          <Show when={tried() && missing().length > 0}>
            <p role="alert" class="draft-error">
              {words().newEvent.missing(missing())}
            </p>
          </Show>
          <div class="event-actions">
            <button type="submit" class="btn primary">
              {words().newEvent.add}
            </button>
            <button type="button" class="btn" onClick={() => setOpen(false)}>
              {words().newEvent.cancel}
            </button>
          </div>
        </fieldset>
      </form>
    </Show>
  );
}
