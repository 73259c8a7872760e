/**
 * Anchoring citations in their source documents. A citation is a W3C TextQuoteSelector: the
 * `exact` words plus optional `prefix` / `suffix`. Sources use typographic quotes, dashes and
 * hard-wrapped lines, curators type straight ones, so both sides are folded before comparing —
 * but every offset handed out points into the ORIGINAL text, which is what the UI highlights.
 */
import { PUNCTUATION_FOLDS } from "./fold.ts";

export interface FoldedText {
  folded: string;
  /** Original offset of every folded index, plus one entry past the end (= original length). */
  toOriginal: number[];
}

export interface FoldOptions {
  /** Also lower-case. Anchoring keeps case: a citation is verbatim. */
  ignoreCase?: boolean;
}

const WHITESPACE = /\s/;

/** Collapses whitespace runs to one space and typographic quotes/dashes to ASCII. */
export function foldText(text: string, options: FoldOptions = {}): FoldedText {
  let folded = "";
  const toOriginal: number[] = [];
  let inSpace = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k] as string;
    if (WHITESPACE.test(c)) {
      if (!inSpace) {
        folded += " ";
        toOriginal.push(k);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    let out = PUNCTUATION_FOLDS[c] ?? c;
    if (options.ignoreCase) {
      const lower = out.toLowerCase();
      // Some characters lower-case to two code units (İ → i̇); keeping them 1:1 keeps offsets exact.
      if (lower.length === out.length) out = lower;
    }
    folded += out;
    toOriginal.push(k);
  }
  toOriginal.push(text.length);
  return { folded, toOriginal };
}

export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
}

export interface ClosestPassage {
  start: number;
  end: number;
  text: string;
  /** Similarity to the quote, 0 (nothing alike) to 1 (identical after folding and lower-casing). */
  score: number;
}

export type AnchorResult =
  | { ok: true; start: number; end: number }
  | { ok: false; reason: "not-found"; closest: ClosestPassage }
  | { ok: false; reason: "ambiguous"; count: number; starts: number[] }
  /** `exact` occurs, but no occurrence has the given prefix/suffix around it. */
  | { ok: false; reason: "context-mismatch"; count: number; starts: number[] };

// A dataset anchors thousands of quotes into the same five documents: fold each document once.
const foldedSources = new Map<string, FoldedText>();
function foldedSource(text: string): FoldedText {
  let folded = foldedSources.get(text);
  if (!folded) {
    if (foldedSources.size >= 32) foldedSources.clear();
    folded = foldText(text);
    foldedSources.set(text, folded);
  }
  return folded;
}

/**
 * Finds the one place in `sourceText` that a selector points at. Offsets are into `sourceText`,
 * `end` exclusive. Prefix and suffix must sit immediately before/after the occurrence; whitespace
 * at their inner edge is optional, since curators copy it inconsistently.
 */
export function anchorQuote(sourceText: string, selector: QuoteSelector): AnchorResult {
  const source = foldedSource(sourceText);
  const exact = foldText(selector.exact).folded.trim();
  if (exact === "") return { ok: false, reason: "not-found", closest: emptyPassage() };

  const occurrences: number[] = [];
  for (
    let at = source.folded.indexOf(exact);
    at !== -1;
    at = source.folded.indexOf(exact, at + 1)
  ) {
    occurrences.push(at);
  }
  if (occurrences.length === 0) {
    return { ok: false, reason: "not-found", closest: closestPassage(sourceText, selector.exact) };
  }

  const prefix = foldText(selector.prefix ?? "").folded.trim();
  const suffix = foldText(selector.suffix ?? "").folded.trim();
  const matches = occurrences.filter(
    (at) =>
      source.folded.slice(0, at).trimEnd().endsWith(prefix) &&
      source.folded
        .slice(at + exact.length)
        .trimStart()
        .startsWith(suffix),
  );
  const original = (at: number): number => source.toOriginal[at] as number;
  const [only] = matches;
  if (matches.length === 1 && only !== undefined) {
    return { ok: true, start: original(only), end: original(only + exact.length) };
  }
  if (matches.length === 0) {
    return {
      ok: false,
      reason: "context-mismatch",
      count: occurrences.length,
      starts: occurrences.map(original),
    };
  }
  return { ok: false, reason: "ambiguous", count: matches.length, starts: matches.map(original) };
}

function emptyPassage(): ClosestPassage {
  return { start: 0, end: 0, text: "", score: 0 };
}

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  const grams =
    text.length < 2
      ? [text]
      : Array.from({ length: text.length - 1 }, (_, k) => text.slice(k, k + 2));
  for (const gram of grams) counts.set(gram, (counts.get(gram) ?? 0) + 1);
  return counts;
}

/** Sørensen–Dice over character bigrams: forgiving of a changed word or a typo. */
function dice(a: Map<string, number>, b: Map<string, number>): number {
  let shared = 0;
  let total = 0;
  for (const [gram, count] of a) {
    shared += Math.min(count, b.get(gram) ?? 0);
    total += count;
  }
  for (const count of b.values()) total += count;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * The passage of `sourceText` most like `quote`: windows of about the quote's word count slide
 * over the source's words, and the best bigram-Dice window wins (the earliest on a tie), so a
 * curator sees what they probably meant to copy.
 */
export function closestPassage(sourceText: string, quote: string): ClosestPassage {
  const source = foldText(sourceText, { ignoreCase: true });
  const target = foldText(quote, { ignoreCase: true }).folded.trim();
  const words = Array.from(source.folded.matchAll(/\S+/g), (m) => ({
    start: m.index,
    end: m.index + m[0].length,
  }));
  if (words.length === 0 || target === "") return emptyPassage();

  const targetGrams = bigrams(target);
  const wordCount = target.split(" ").length;
  let best = { from: 0, to: 0, score: -1 };
  for (const size of [wordCount, wordCount - 1, wordCount + 1]) {
    const span = Math.min(Math.max(size, 1), words.length);
    for (let first = 0; first + span <= words.length; first++) {
      const from = (words[first] as { start: number }).start;
      const to = (words[first + span - 1] as { end: number }).end;
      const score = dice(bigrams(source.folded.slice(from, to)), targetGrams);
      if (score > best.score || (score === best.score && from < best.from))
        best = { from, to, score };
    }
  }
  const start = source.toOriginal[best.from] as number;
  const end = source.toOriginal[best.to] as number;
  return { start, end, text: sourceText.slice(start, end), score: best.score };
}

export interface SentenceContext {
  /** The sentence before the quote's own, plus the part of its own sentence before the quote. */
  before: string;
  quote: string;
  /** The rest of the quote's last sentence, plus the sentence after it. */
  after: string;
}

const CLOSERS = "\"'\u2019\u201d)]";
// "U.S. officials", "Gerald R. Ford": a period after initials does not end a sentence.
const ABBREVIATION =
  /(?:^|[\s(])(?:(?:[A-Za-z]\.)+|Mr|Mrs|Ms|Dr|St|Sen|Gen|Gov|Rep|Jr|Sr|vs|No|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)\.?$/;

/** Sentences as [start, end) ranges with surrounding whitespace excluded. */
function sentences(text: string): Array<{ start: number; end: number }> {
  const ranges: Array<{ start: number; end: number }> = [];
  let start = 0;
  const close = (end: number, next: number): void => {
    let from = start;
    while (from < end && WHITESPACE.test(text[from] as string)) from++;
    let to = end;
    while (to > from && WHITESPACE.test(text[to - 1] as string)) to--;
    if (to > from) ranges.push({ start: from, end: to });
    start = next;
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k] as string;
    if (c === "\n" || c === "\r") {
      close(k, k + 1);
    } else if (c === "." || c === "!" || c === "?") {
      let j = k + 1;
      while (j < text.length && CLOSERS.includes(text[j] as string)) j++;
      const atBreak = j >= text.length || WHITESPACE.test(text[j] as string);
      if (atBreak && !(c === "." && ABBREVIATION.test(text.slice(Math.max(0, k - 12), k + 1)))) {
        close(j, j);
        k = j - 1;
      }
    }
  }
  close(text.length, text.length);
  return ranges;
}

/** One sentence of context either side of `[start, end)`, for "…previous. [quote] next…". */
export function sentenceContext(sourceText: string, start: number, end: number): SentenceContext {
  const from = Math.max(0, Math.min(start, sourceText.length));
  const to = Math.max(from, Math.min(end, sourceText.length));
  const ranges = sentences(sourceText);
  const containing = (offset: number): number => {
    let index = -1;
    ranges.forEach((range, k) => {
      if (range.start <= offset) index = k;
    });
    return index;
  };
  const first = containing(from);
  const last = containing(Math.max(from, to - 1));
  const beforeStart = ranges[first - 1]?.start ?? ranges[first]?.start ?? from;
  const afterEnd = ranges[last + 1]?.end ?? ranges[last]?.end ?? to;
  return {
    before: sourceText.slice(Math.min(beforeStart, from), from),
    quote: sourceText.slice(from, to),
    after: sourceText.slice(to, Math.max(afterEnd, to)),
  };
}
