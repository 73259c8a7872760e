/**
 * A built page's language: its words (the pages' own pair, and the app's catalogue for dates,
 * precisions, statuses and categories), and where its pages are. The build makes every event's
 * and source's page in each language; this module is the build's only, never the app's (it holds
 * both catalogues whole).
 */
import { en } from "../i18n/en/index.ts";
import { type PageText, pages as enPages } from "../i18n/en/pages.ts";
import { es } from "../i18n/es/index.ts";
import { pages as esPages } from "../i18n/es/pages.ts";
import { LANGS, type Lang } from "../i18n/lang.ts";
import type { Messages } from "../i18n/messages.ts";
import { attrs, esc } from "./html.ts";
import { pageDepth } from "./page-paths.ts";
import { siteLink } from "./site-url.ts";

export interface PageLang {
  lang: Lang;
  /** The app's catalogue in this language. */
  m: Messages;
  /** The pages' own words. */
  w: PageText;
  /** How many folders down its event and source pages are (`e/<id>/`: 2). */
  depth: number;
  /** `../` from an event's or a source's page to the site's root. */
  root: string;
}

const WORDS: Record<Lang, [Messages, PageText]> = { en: [en, enPages], es: [es, esPages] };

export function pageLang(lang: Lang): PageLang {
  const [m, w] = WORDS[lang];
  const depth = pageDepth(lang);
  return { lang, m, w, depth, root: "../".repeat(depth) };
}

/** Every language a page is made in, English first. */
export const PAGE_LANGS: readonly Lang[] = LANGS;

/** The page's header: the site's name, and the same page in the other language, named in it.
 * `pathOf` is the page's path from the site's root in a language. */
export function siteHeader(pl: PageLang, pathOf: (lang: Lang) => string): string {
  const { lang, label } = pl.w.other;
  const href = `${pl.root}${pathOf(lang as Lang)}`;
  const other = `<a${attrs({ class: "other-lang", href, hreflang: lang, lang })}>${esc(label)}</a>`;
  return `<header class="site"><a${attrs({ href: pl.root })}>${esc(pl.w.head.siteName)}</a> ${other}</header>`;
}

/** The same page in each other language, for the head's hreflang links. */
export function alternates(pl: PageLang, site: string | null, pathOf: (lang: Lang) => string) {
  return PAGE_LANGS.filter((l) => l !== pl.lang).map((lang) => ({
    lang,
    href: siteLink(site, pathOf(lang), pl.depth),
  }));
}
