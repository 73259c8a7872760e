/**
 * The interface's languages, and which one a reader gets: the link's `lang=` first
 * (docs/url-contract.md), else the browser's own preference, Spanish for any `es*`, English
 * otherwise.
 */
export const LANGS = ["en", "es"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "en";

export const isLang = (s: string): s is Lang => (LANGS as readonly string[]).includes(s);

/** The first of the browser's languages that we speak, by its primary subtag; else English. */
export function browserLang(languages: readonly string[] | undefined): Lang {
  for (const tag of languages ?? []) {
    const primary = String(tag).toLowerCase().split(/[-_]/)[0] ?? "";
    if (isLang(primary)) return primary;
  }
  return DEFAULT_LANG;
}

/** The language shown: the link's, when it names one, else the browser's. */
export const resolveLang = (
  fromLink: Lang | null,
  languages: readonly string[] | undefined,
): Lang => fromLink ?? browserLang(languages);
