/**
 * The interface's language as signals: which language is shown, and a translator over its
 * catalogue (@solid-primitives/i18n's, over the flattened catalogue: `t("story.next")`,
 * `t("app.shown", 3, 39)`). A change of language fetches the catalogue first and switches only
 * once it is in, so the page never shows a mix; `<html lang>` follows the language shown.
 */
import * as i18n from "@solid-primitives/i18n";
import { type Accessor, createEffect, createSignal, on } from "solid-js";
import { en, loadMessages, type Messages } from "../model/i18n/catalogue.ts";
import type { Lang } from "../model/i18n/lang.ts";

export type Translator = i18n.Translator<i18n.Flatten<Messages>>;

export interface I18n {
  /** The language shown (the catalogue's, not the one still being fetched). */
  lang: Accessor<Lang>;
  t: Translator;
}

/** A catalogue as the translator reads it: flattened to dotted keys, once per language. */
const flat = (messages: Messages) => i18n.flatten(messages);

/** English, with no signal behind it: the default for components rendered on their own. */
export function staticI18n(lang: Lang = "en", messages: Messages = en): I18n {
  const dict = flat(messages);
  return { lang: () => lang, t: i18n.translator(() => dict, i18n.resolveTemplate) };
}

/**
 * Follows `wanted` (the link's or the browser's language), starting from `initial` (already
 * fetched, so the first paint is in the right language).
 */
export function createI18n(
  wanted: Accessor<Lang>,
  initial: { lang: Lang; messages: Messages },
): I18n {
  const [shown, setShown] = createSignal({ lang: initial.lang, dict: flat(initial.messages) });
  createEffect(
    on(wanted, (lang) => {
      if (lang === shown().lang) return;
      void loadMessages(lang).then((messages) => {
        // A later choice may have been made while this one was fetched: keep to the latest.
        if (wanted() === lang) setShown({ lang, dict: flat(messages) });
      });
    }),
  );
  if (typeof document !== "undefined")
    createEffect(() => document.documentElement.setAttribute("lang", shown().lang));
  return {
    lang: () => shown().lang,
    t: i18n.translator(() => shown().dict, i18n.resolveTemplate),
  };
}
