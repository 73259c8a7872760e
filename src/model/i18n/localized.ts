/**
 * A curator's translations of an item's own words (an event's title and summary, a story's title
 * and steps), and which text a reader sees: the translation when there is one for the language
 * shown, else the original, with the language it is in so the page can mark it (docs/data-format.md,
 * "Translations"). Quotes are not here: they are always shown as written.
 */
import type { Lang } from "./lang.ts";

/** The language every curated original is written in. */
export const ORIGINAL_LANG: Lang = "en";

/** Per language, the translated fields: `{"es": {"title": …, "summary": …}}`. */
export type Translations<F extends string> = Partial<Record<Lang, Partial<Record<F, string>>>>;

export interface Localized {
  text: string;
  /** The language `text` is in: a page marks it when it is not the one shown around it. */
  lang: Lang;
}

/** The field in `lang` when translated (and not blank), else the original. */
export function localized<F extends string>(
  original: string,
  translations: Translations<F> | undefined,
  field: F,
  lang: Lang,
): Localized {
  if (lang === ORIGINAL_LANG) return { text: original, lang };
  const t = translations?.[lang]?.[field];
  return typeof t === "string" && t.trim() !== ""
    ? { text: t, lang }
    : { text: original, lang: ORIGINAL_LANG };
}
