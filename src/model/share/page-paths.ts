/** Where the build writes each shared page, from the site's root: the app's share link and the
 * page generators both need them, and the link must not carry the generators' code. English
 * pages are at the root's e/ and s/, each other language's under a folder of its own. */
import type { Lang } from "../i18n/lang.ts";

/** The folder of a language's pages, from the site's root. */
export const langPrefix = (lang: Lang): string => (lang === "en" ? "" : `${lang}/`);

/** The path of an event's page from the site's root. */
export const eventPath = (id: string, lang: Lang = "en") =>
  `${langPrefix(lang)}e/${encodeURIComponent(id)}/`;
/** The path of a source's page from the site's root. */
export const sourcePath = (id: string, lang: Lang = "en") =>
  `${langPrefix(lang)}s/${encodeURIComponent(id)}/`;

/** How many folders down a language's event or source page is from the site's root. */
export const pageDepth = (lang: Lang): number => (lang === "en" ? 2 : 3);
