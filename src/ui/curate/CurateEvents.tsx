/**
 * Curate mode's events: "New event", the form of the selected event (any event of the draft,
 * shipped or new; the app's selection is the event being edited), its shape on the map, and the
 * review of the draft's changes with its export.
 */
import { Show, createEffect, createMemo, onCleanup } from "solid-js";
import { validateDraft } from "../../model/curate/draft.ts";
import {
  addEvent,
  findEvent,
  newEvent,
  removeEvent,
  replaceEvent,
} from "../../model/curate/event-edit.ts";
import type { SituationEvent } from "../../model/types.ts";
import type { AppState } from "../../state/app-state.ts";
import { curateMap } from "../../state/curate/curate-map.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { EventForm } from "./EventForm.tsx";
import { NewEventForm } from "./NewEventForm.tsx";
import { ReviewExport } from "./ReviewExport.tsx";
import "./curate-events.css";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function CurateEvents(props: { session: DraftSession; state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const s = props.state;
  const session = () => props.session;
  const draft = () => session().draft();
  const checked = createMemo(() => validateDraft(draft()));
  const editing = createMemo(() => findEvent(draft(), s.view.event));
  // The edited event's shape, drawn over the map while curate mode is open.
  createEffect(() => {
    const ev = editing();
    curateMap.show(
      ev?.geometry ? { geometry: ev.geometry, radiusKm: ev.properties.place.radius_km } : null,
    );
  });
  onCleanup(() => {
    curateMap.cancel();
    curateMap.show(null);
  });
  const change = (id: string, next: SituationEvent) =>
    void session().update(replaceEvent(draft(), id, next));
  return (
    <>
      <section class="curate-events" aria-labelledby="curate-events-heading">
        <div class="curate-bar">
          <h3 id="curate-events-heading">{words().events.heading}</h3>
          <NewEventForm
            onAdd={(given) => {
              const ev = newEvent(draft(), given);
              void session().update(addEvent(draft(), ev));
              s.actions.select(ev.id, false);
              // The new event's form is drawn by now: go on in it, not back at the page's top.
              queueMicrotask(() => document.getElementById("ev-summary")?.focus());
            }}
          />
        </div>
        {/* Keyed by id: another event gets a fresh form; an edit keeps this one (and its focus). */}
        <Show when={editing()?.id} fallback={<p class="event-note">{words().events.hint}</p>} keyed>
          {(id) => (
            <Show when={editing()}>
              {(ev) => (
                <EventForm
                  event={ev()}
                  draft={draft()}
                  problems={checked().problems.filter((p) => p.featureId === id)}
                  onChange={(next) => change(id, next)}
                  onRemove={() => {
                    s.actions.select(null);
                    void session().update(removeEvent(draft(), id));
                  }}
                  place={curateMap}
                />
              )}
            </Show>
          )}
        </Show>
      </section>
      <ReviewExport session={session()} state={s} problems={() => checked().problems} />
    </>
  );
}
