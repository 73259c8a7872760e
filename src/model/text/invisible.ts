/**
 * Characters that change how text looks without showing themselves: bidirectional controls
 * (which reorder what follows them) and zero-width or otherwise invisible ones (which split or
 * join words unseen), and the tag characters that can smuggle hidden text. A quote that holds one
 * could look different from the passage it anchors, so the page shows each as a visible mark,
 * ⟨U+202E⟩, wherever source text is shown, and the validator refuses them in quotes.
 */

const SET =
  "\\u00AD\\u061C\\u180E\\u200B-\\u200F\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u2069\\uFEFF\\u{E0000}-\\u{E007F}";
const ONE = new RegExp(`[${SET}]`, "u");
const ALL = new RegExp(`[${SET}]`, "gu");

/** Whether `s` holds an invisible or bidirectional-control character. */
export const hasInvisible = (s: string): boolean => ONE.test(s);

/** The code point, as a visible mark: ⟨U+202E⟩. */
export const invisibleMark = (c: string): string =>
  `⟨U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}⟩`;

/** `s` with every invisible or bidirectional-control character replaced by its visible mark. */
export function revealInvisible(s: string): string {
  return ONE.test(s) ? s.replace(ALL, invisibleMark) : s;
}

/** The invisible characters of `s`, as marks (for a message). */
export function invisibleMarks(s: string): string[] {
  return [...new Set(s.match(ALL) ?? [])].map(invisibleMark);
}
