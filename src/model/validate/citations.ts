/**
 * Citation checks: every quote must be found, once, in a known source, and an event's status
 * must agree with its citations — a map that shows "disputed" without showing the denial, or
 * "corroborated" on one report retold by several outlets, misleads. Evidence is counted by
 * origin (origins.ts), from the passages of the event itself only.
 */
import { countEvidence, type Lineage, type TextSpan } from "../evidence/origins.ts";
import { type QuoteSelector, anchorQuote } from "../text/anchor.ts";
import { hasInvisible, invisibleMarks } from "../text/invisible.ts";
import { STANCES, SUPPORTS, type Stance, type Status, type Support } from "../types.ts";
import {
  type Reporter,
  type Where,
  isObject,
  oneOf,
  selectorOf,
  stringAt,
  truncate,
} from "./context.ts";

export interface CitationContext {
  /** Ids listed in sources.json, or null when it could not be read (then seeds stand in). */
  knownSources: ReadonlySet<string> | null;
  seeds: ReadonlyMap<string, string>;
  /** The sources' lineage, or null when sources.json could not be read (each document is then
   * its own origin). */
  lineage: Lineage | null;
}

export interface CitationFacts {
  count: number;
  sources: string[];
}

/** What the status checks need of one citation; undefined fields were invalid. */
interface Checked {
  source?: string;
  stance?: Stance;
  supports?: Support;
  range: TextSpan | null;
}

export function checkCitations(
  r: Reporter,
  citations: unknown,
  event: { status: Status | undefined; expected: boolean },
  where: Where,
  context: CitationContext,
): CitationFacts {
  const facts: CitationFacts = { count: 0, sources: [] };
  if (!Array.isArray(citations)) return facts;
  const checked: Checked[] = citations.map(() => ({ range: null }));
  citations.forEach((citation, index) => {
    const c = checked[index]!;
    const at: Where = { ...where, path: `${where.path}[${index}]` };
    facts.count++;
    if (!isObject(citation)) return;
    const source = stringAt(citation, "source");
    const stance = oneOf(STANCES, citation.stance);
    if (stance !== undefined) c.stance = stance;
    const supports = Object.hasOwn(citation, "supports")
      ? oneOf(SUPPORTS, citation.supports)
      : "event";
    if (supports !== undefined) c.supports = supports;
    if (stance === "denies" && supports !== undefined && supports !== "event") {
      r.error(
        "support-denial",
        { ...at, path: `${at.path}.supports` },
        `a denial that supports only the ${supports} is not counted anywhere`,
        'a denial is of the event itself: remove "supports", or cite the passage as what it is',
      );
    }
    if (source === undefined) return;
    c.source = source;
    facts.sources.push(source);
    c.range = checkPassage(r, citation, source, at, context);
    const text = context.seeds.get(source);
    if (c.range && text !== undefined) checkSpeaker(r, citation.speaker, text, c.range, source, at);
  });
  checkDenialSpeakers(r, citations, checked, where);
  if (
    citations.length > 0 &&
    checked.every((c) => c.supports !== undefined && c.supports !== "event")
  ) {
    r.error(
      "no-evidence",
      where,
      "every citation supports only the date or the place: nothing cites the event itself",
      "cite a passage that tells the event; a dateline or a related headline is not evidence that it happened",
    );
  }
  checkStatus(
    r,
    event.status,
    checked.map((c) => c.stance),
    where,
  );
  checkExpected(r, event, checked, where);
  checkCorroboration(r, event, checked, where, context.lineage);
  return facts;
}

/**
 * Where a quote (`exact`, with `prefix`/`suffix` when given) is in its source, or null with the
 * reason reported: an unknown source, invisible characters, a quote not found or ambiguous. One
 * rule for every quote in the data, an event's or a story step's.
 */
export function checkPassage(
  r: Reporter,
  citation: Record<string, unknown>,
  source: string,
  at: Where,
  context: Pick<CitationContext, "knownSources" | "seeds">,
): TextSpan | null {
  const sourceAt = `${at.path}.source`;
  const known =
    context.knownSources === null ? context.seeds.has(source) : context.knownSources.has(source);
  if (!known && !r.flagged(sourceAt)) {
    r.error(
      "unknown-source",
      { ...at, path: sourceAt },
      `unknown source "${source}" (not in sources.json)`,
      "use the id of a sources.json entry: a seeds/ file name without .txt",
    );
    return null;
  }
  const text = context.seeds.get(source);
  // A listed source without its text is reported once, on sources.json, not per citation.
  const selector = selectorOf(r, citation, at.path);
  if (selector && invisibleIn(r, selector, at)) return null;
  if (!known || text === undefined || selector === undefined) return null;
  return checkQuote(r, text, selector, source, { ...at, path: `${at.path}.exact` });
}

/** A quote with an invisible or bidirectional-control character could look unlike the passage it
 * anchors (invisible.ts): refused, whatever the source holds. */
function invisibleIn(r: Reporter, selector: QuoteSelector, at: Where): boolean {
  const key = (["exact", "prefix", "suffix"] as const).find((k) => hasInvisible(selector[k] ?? ""));
  if (!key) return false;
  r.error(
    "quote-invisible",
    { ...at, path: `${at.path}.${key}` },
    `${key} holds ${invisibleMarks(selector[key]!).join(" ")}: invisible or bidirectional-control characters, which can make a quote look unlike its passage`,
    "cite the words around them, without those characters (the reader shows where they are in the source)",
  );
  return true;
}

function checkQuote(
  r: Reporter,
  text: string,
  selector: QuoteSelector,
  source: string,
  at: Where,
): TextSpan | null {
  const result = anchorQuote(text, selector);
  if (result.ok) return { start: result.start, end: result.end };
  if (result.reason === "not-found") {
    const closest = result.closest.text === "" ? "none" : `"${truncate(result.closest.text)}"`;
    r.error(
      "quote-not-found",
      at,
      `quote not found in ${source}; closest passage: ${closest}`,
      `copy the passage verbatim from seeds/${source}.txt (quotes, dashes and line breaks may differ; words may not)`,
    );
  } else if (result.reason === "ambiguous") {
    r.error(
      "quote-ambiguous",
      at,
      `quote "${truncate(selector.exact, 60)}" occurs ${result.count} times in ${source}`,
      "add a prefix or suffix (the words immediately before or after it) that picks out one occurrence",
    );
  } else {
    r.error(
      "quote-context",
      at,
      `quote occurs ${result.count} time(s) in ${source}, but never with the given prefix/suffix`,
      `make prefix/suffix the words immediately before/after the passage in seeds/${source}.txt`,
    );
  }
  return null;
}

/** A speaker's words must be in the paragraph that holds the quote: who speaks is a claim of the
 * text too, never the curator's. */
function checkSpeaker(
  r: Reporter,
  speaker: unknown,
  text: string,
  range: TextSpan,
  source: string,
  at: Where,
): void {
  if (!isObject(speaker)) return;
  const words = stringAt(speaker, "words");
  if (words === undefined) return;
  const start = text.lastIndexOf("\n", range.start - 1) + 1;
  const next = text.indexOf("\n", range.end);
  const paragraph = text.slice(start, next < 0 ? text.length : next);
  const found = anchorQuote(paragraph, { exact: words });
  if (found.ok || found.reason !== "not-found") return;
  r.error(
    "speaker-not-found",
    { ...at, path: `${at.path}.speaker.words` },
    `speaker "${truncate(words, 60)}" is not in the paragraph of ${source} that holds the quote`,
    "copy the words that name who speaks verbatim from that paragraph, or leave the speaker out",
  );
}

/** The map says who disputes an event, so every denial names its speaker. */
function checkDenialSpeakers(
  r: Reporter,
  citations: readonly unknown[],
  checked: readonly Checked[],
  where: Where,
): void {
  checked.forEach((c, index) => {
    const citation = citations[index];
    if (c.stance !== "denies" || !isObject(citation) || Object.hasOwn(citation, "speaker")) return;
    r.error(
      "denial-without-speaker",
      { ...where, path: `${where.path}[${index}]` },
      "a denial names no speaker: the map could not say who disputes the event",
      'add "speaker": { "name": …, "words": … } with the words that name who denies it, from the quote\'s paragraph',
    );
  });
}

function checkStatus(
  r: Reporter,
  status: Status | undefined,
  stances: Array<Stance | undefined>,
  where: Where,
): void {
  const statusAt = { ...where, path: where.path.replace(/\.citations$/, ".status") };
  if (status === "disputed" && !stances.includes("denies")) {
    r.error(
      "status-disputed",
      statusAt,
      'status is "disputed" but no citation has stance "denies"',
      'cite the passage that denies or contradicts the event, with stance "denies"; or change the status',
    );
  }
  if (status !== undefined && status !== "disputed") {
    stances.forEach((stance, index) => {
      if (stance !== "denies") return;
      r.error(
        "status-denial",
        { ...where, path: `${where.path}[${index}].stance` },
        `a citation denies the event, but its status is "${status}"`,
        'set the status to "disputed": the map must not hide a denial',
      );
    });
  }
}

/** A forecast is not a fact: an event that every passage only expects must be marked expected,
 * and an event marked expected must cite the passage that announces it. */
function checkExpected(
  r: Reporter,
  event: { expected: boolean },
  checked: readonly Checked[],
  where: Where,
): void {
  const telling = checked.filter(
    (c) => c.supports === "event" && c.stance !== undefined && c.stance !== "denies",
  );
  const forecasts = telling.filter((c) => c.stance === "forecasts").length;
  const at = { ...where, path: where.path.replace(/\.citations$/, ".expected") };
  if (!event.expected && telling.length > 0 && forecasts === telling.length) {
    r.error(
      "expected-unmarked",
      at,
      "every passage of the event itself only forecasts it, but the event is not marked expected",
      'add "expected": true and date it on the announced day, with a basis that says so; or cite a passage that reports it happened',
    );
  }
  if (event.expected && forecasts === 0) {
    r.error(
      "expected-without-forecast",
      at,
      'the event is marked expected, but no citation has stance "forecasts"',
      'cite the passage that announces or expects it, with stance "forecasts"; or remove "expected"',
    );
  }
}

/** "corroborated" needs passages of the event itself from two independent origins that vouch for
 * it: a retelling, a dateline or a hedge is not a second witness. */
function checkCorroboration(
  r: Reporter,
  event: { status: Status | undefined; expected: boolean },
  checked: readonly Checked[],
  where: Where,
  lineage: Lineage | null,
): void {
  if (
    event.status !== "corroborated" ||
    checked.some(
      (c) => c.source === undefined || c.stance === undefined || c.supports === undefined,
    )
  )
    return;
  const valid = checked as Array<Required<Omit<Checked, "range">> & Checked>;
  const evidence = countEvidence(
    valid,
    event.expected,
    (k) => lineage?.originOf(valid[k]!.source, valid[k]!.range) ?? valid[k]!.source,
  );
  if (evidence.independent >= 2) return;
  const found = evidence.telling.map(
    (t) =>
      `${t.origin} (in ${t.documents.join(", ")}${t.vouches ? "" : "; only relays or hedges"})`,
  );
  const origins = found.length === 0 ? "none" : found.join("; ");
  r.error(
    "status-corroborated",
    { ...where, path: where.path.replace(/\.citations$/, ".status") },
    `status is "corroborated" but the event itself is reported by ${evidence.independent} independent origin${evidence.independent === 1 ? "" : "s"}; origins found: ${origins}`,
    'cite the event from a second origin that does not retell the first, or set the status to "reported" (documents that retell one report are one origin; dates, places and hedges do not count)',
  );
}
