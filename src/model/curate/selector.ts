/**
 * Turning a reader selection into a citation. The selector must anchor the same way the validator
 * anchors it (`anchorQuote`), so it is built by asking that function, not by a parallel search:
 * `prefix`/`suffix` are added only when `exact` alone is ambiguous, and then the shortest context
 * that makes it unique, so the stored quote stays readable.
 */
import { anchorQuote, type QuoteSelector } from "../text/anchor.ts";

/** Context beyond this many characters a side stops being a quote's context and becomes a quote. */
export const MAX_CONTEXT = 64;

export type SelectorResult =
  | { ok: true; selector: QuoteSelector }
  | { ok: false; reason: "empty" | "not-unique" };

/** The minimal selector for `text[start, end)`; whitespace at the selection's edges is dropped. */
export function minimalSelector(text: string, start: number, end: number): SelectorResult {
  let from = Math.max(0, Math.min(start, end));
  let to = Math.min(text.length, Math.max(start, end));
  while (from < to && /\s/.test(text[from] as string)) from++;
  while (to > from && /\s/.test(text[to - 1] as string)) to--;
  if (from === to) return { ok: false, reason: "empty" };

  const exact = text.slice(from, to);
  if (anchorsAt(text, { exact }, from)) return { ok: true, selector: { exact } };
  // Shortest total context first; for equal totals the prefix alone reads most naturally.
  for (let total = 1; total <= 2 * MAX_CONTEXT; total++) {
    for (let before = total; before >= 0; before--) {
      const after = total - before;
      if (before > MAX_CONTEXT || after > MAX_CONTEXT) continue;
      const selector = withContext(text, exact, from, to, before, after);
      if (selector && anchorsAt(text, selector, from)) return { ok: true, selector };
    }
  }
  return { ok: false, reason: "not-unique" };
}

function withContext(
  text: string,
  exact: string,
  from: number,
  to: number,
  before: number,
  after: number,
): QuoteSelector | undefined {
  if (from - before < 0 || to + after > text.length) return undefined;
  const selector: QuoteSelector = { exact };
  if (before > 0) {
    const prefix = text.slice(from - before, from);
    // Whitespace-only context carries no information once folded; the validator ignores it.
    if (prefix.trim() === "") return undefined;
    selector.prefix = prefix;
  }
  if (after > 0) {
    const suffix = text.slice(to, to + after);
    if (suffix.trim() === "") return undefined;
    selector.suffix = suffix;
  }
  return selector;
}

function anchorsAt(text: string, selector: QuoteSelector, at: number): boolean {
  const result = anchorQuote(text, selector);
  return result.ok && result.start === at;
}
