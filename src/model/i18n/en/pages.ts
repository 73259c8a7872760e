/**
 * The build's own pages' words (an event's page, a source's page, a renamed id's page and their
 * link previews: src/model/share/). Built in Node, never in the app's chunks, so a pair of its own
 * like the lazy areas'; the rest of a page's words (dates, precisions, statuses, categories) are
 * the app's catalogue for the same language.
 */
import { formatNumber as n, plural } from "../intl.ts";

export const pages = {
  head: {
    siteName: "Venezuela situation map",
    /** og:locale. */
    locale: "en_GB",
  },
  event: {
    summary: "Curator's summary:",
    openOnMap: "Open on the map",
    readInSource: "Read it in the source",
    mapOf: (place: string) => `Map of ${place}`,
    /** A preview's alt text for an event with no geometry. */
    unplaced: (place: string) => `${place} (not placed on the map)`,
    /** On a preview card, after the category. */
    expected: "expected",
  },
  source: {
    noOutlet: "Outlet not named",
    circa: "c. ",
    asFile: "the text as a file",
    citedIn: "cited in: ",
    describe: (about: string, count: number) =>
      `${about}. The full text, with the ${n("en", count)} ${plural("en", count, { one: "passage", other: "passages" })} the map cites marked.`,
  },
  /** The link to the same page in the other language, in that language's words. */
  other: { label: "Leer en español", lang: "es" },
};

export type PageText = typeof pages;
