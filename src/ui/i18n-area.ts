/**
 * The words of a lazy area (curate mode, the filter bar…): its own catalogue pair, imported only
 * by the area's chunk, so its strings stay out of the first chunk's catalogue. The accessor
 * follows the language shown, so a switch of language re-renders the area's words:
 * `const text = useAreaText(en, es)`, then `text().key` or `text().greet(n)`.
 */
import type { Accessor } from "solid-js";
import type { Lang } from "../model/i18n/lang.ts";
import { useI18n } from "./i18n.ts";

/** Both languages of an area; the Spanish one is typed by the English one, so it lists every key. */
export type AreaCatalogues<T> = Record<Lang, T>;

/** The area's catalogue in the language shown (English without an I18n provider, as in tests). */
export function useAreaText<T>(en: T, es: NoInfer<T>): Accessor<T> {
  const { lang } = useI18n();
  const byLang: AreaCatalogues<T> = { en, es };
  return () => byLang[lang()];
}
