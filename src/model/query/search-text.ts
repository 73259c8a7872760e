/**
 * Search text: each event's own words folded (case, accents, typographic quotes and dashes) into
 * one haystack, and each quoted passage folded once, so "Rodríguez" finds "rodriguez".
 */
import { runSteps, sliced, type Steps } from "../slices.ts";
import { foldLatin1, foldPunctuation, NOT_LATIN1 } from "../text/fold.ts";
import type { SituationEvent } from "../types.ts";

/** Printable ASCII (and searchText's separator, \u0001) with single spaces: folding it only
 * lowercases it. */
const NOT_PLAIN = /[^\x01\x20-\x7e]| {2}/;

/** Folds case, accents, curly quotes and dashes so "Rodríguez" matches "rodriguez". */
export function foldForSearch(s: string): string {
  // Most text is plain ASCII: lowercasing it alone is several times cheaper.
  if (!NOT_PLAIN.test(s)) return s.toLowerCase();
  // Latin-1 alone (most accented text: Bogotá, Cúcuta): each accented letter from a table made by
  // the same normalisation, which is per character there. The same result, without decomposing
  // the whole text; and one byte per character, where the decomposed text would take two.
  if (!NOT_LATIN1.test(s)) return foldLatin1(s).replace(/\s+/g, " ").toLowerCase();
  return foldPunctuation(s.normalize("NFD").replace(/[\u0300-\u036f]/g, ""))
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The folded haystack of one event's own words: title, summary, place and actors. Its quoted
 * passages are folded once per citation (see quoteText): big datasets share citations, and copying
 * every quote into every event's haystack would cost hundreds of bytes per event. */
export function searchText(e: SituationEvent): string {
  const p = e.properties;
  return foldForSearch([p.title, p.summary, p.place.name, ...p.actors].join(" \u0001 "));
}

const quotes = new WeakMap<object, string>();
/** A citation's quoted passage, folded (cached per citation object). */
export function quoteText(c: { exact: string }): string {
  let t = quotes.get(c);
  if (t === undefined) quotes.set(c, (t = foldForSearch(c.exact)));
  return t;
}

/** One folded haystack per event, yielding every `slice` events (see slices.ts). */
export function* searchTextSteps(
  events: readonly SituationEvent[],
  slice = Infinity,
): Steps<string[]> {
  const out: string[] = [];
  yield* sliced(events.length, slice, (from, to) => {
    for (let i = from; i < to; i++) out.push(searchText(events[i]!));
  });
  return out;
}

/** One folded haystack per event. */
export function buildSearchText(events: readonly SituationEvent[]): string[] {
  return runSteps(searchTextSteps(events));
}
