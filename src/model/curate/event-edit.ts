/**
 * Events in a draft: the id a new one gets, a new event's first shape, and the draft with one event
 * added, replaced or removed. Every function returns a new draft and leaves its input alone, so a
 * session can keep the one before (diffDraft compares them).
 */
import type { Category, SituationEvent } from "../types.ts";
import type { Draft } from "./draft.ts";

/** Long enough to say what happened, short enough for a link. */
const MAX_ID_LENGTH = 60;

/**
 * A slug made from the title, like the shipped ids (`caracas-night-raid`): lower case ASCII letters
 * and digits joined by single hyphens, accents dropped (Mérida → merida), cut at a word boundary.
 * Ids are never reused, so a taken one gets `-2`, `-3`, …
 * @example eventIdFrom("Ataque en Mérida", ["ataque-en-merida"]) // "ataque-en-merida-2"
 */
export function eventIdFrom(title: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const words = title
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let base = "";
  for (const word of words) {
    const next = base ? `${base}-${word}` : word;
    if (next.length > MAX_ID_LENGTH) break;
    base = next;
  }
  if (!base) base = words[0]?.slice(0, MAX_ID_LENGTH) || "event";
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

export interface NewEvent {
  title: string;
  category: Category;
  /** YYYY-MM-DD */
  start: string;
}

/**
 * A new event as the curator first states it. What it does not say stays empty rather than
 * guessed: no summary, actors or citations yet, no geometry, the place only as vague as a country
 * until the curator says more, and the status the fewest citations allow.
 */
export function newEvent(draft: Draft, given: NewEvent): SituationEvent {
  return {
    type: "Feature",
    id: eventIdFrom(
      given.title,
      draft.events.features.map((f) => f.id),
    ),
    geometry: null,
    properties: {
      title: given.title,
      summary: "",
      category: given.category,
      actors: [],
      date: { start: given.start, precision: "day", basis: "" },
      place: { name: "", precision: "country", basis: "" },
      status: "reported",
      citations: [],
    },
  };
}

export function addEvent(draft: Draft, event: SituationEvent): Draft {
  return { ...draft, events: { ...draft.events, features: [...draft.events.features, event] } };
}

/** The draft with the event of that id replaced by `event` (kept in its place in the file). */
export function replaceEvent(draft: Draft, id: string, event: SituationEvent): Draft {
  return {
    ...draft,
    events: {
      ...draft.events,
      features: draft.events.features.map((f) => (f.id === id ? event : f)),
    },
  };
}

export function removeEvent(draft: Draft, id: string): Draft {
  return {
    ...draft,
    events: { ...draft.events, features: draft.events.features.filter((f) => f.id !== id) },
  };
}

export function findEvent(draft: Draft, id: string | null): SituationEvent | undefined {
  return id === null ? undefined : draft.events.features.find((f) => f.id === id);
}
