/**
 * The one table of character folds, shared by quote anchoring (quote.ts) and search
 * (search-text.ts): sources use typographic quotes and dashes, curators and readers type straight
 * ones. Also the Latin-1 accent folding that search and the list's title order share.
 */

/** Typographic quotes, primes and dashes, each to its ASCII counterpart. */
export const PUNCTUATION_FOLDS: Readonly<Record<string, string>> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u201a": "'",
  "\u201b": "'",
  "\u2032": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u201e": '"',
  "\u2033": '"',
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2013": "-",
  "\u2014": "-",
  "\u2015": "-",
  "\u2212": "-",
};

const PUNCTUATION = new RegExp(`[${Object.keys(PUNCTUATION_FOLDS).join("")}]`, "g");

/** Every character of PUNCTUATION_FOLDS in `s` replaced by its fold (same length). */
export function foldPunctuation(s: string): string {
  return s.replace(PUNCTUATION, (c) => PUNCTUATION_FOLDS[c]!);
}

/** Each Latin-1 letter above ASCII with its accents dropped, by the same normalisation as the
 * general folding (per character there: no combining marks below U+0300). */
const LATIN1_FOLDED = Array.from({ length: 0x80 }, (_, k) =>
  String.fromCharCode(0x80 + k)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, ""),
);
export const NOT_LATIN1 = /[^\x00-\xff]/;
const LATIN1_HIGH = /[\x80-\xff]/g;
const latin1Folded = (c: string) => LATIN1_FOLDED[c.charCodeAt(0) - 0x80]!;
/** Latin-1 text with its accents dropped, character by character (LATIN1_FOLDED): for search and
 * for the title order alike. */
export const foldLatin1 = (s: string) => s.replace(LATIN1_HIGH, latin1Folded);
