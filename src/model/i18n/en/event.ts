/** An event: its panel, its row in the list, its dates in words, and what marks a translation. */
import { CATEGORY_STYLE } from "../../category-style.ts";
import { CATEGORIES, type Category } from "../../types.ts";
import { formatNumber as n, plural } from "../intl.ts";

export const event = {
  allEvents: "All events",
  expected: "Expected, not reported as happened",
  expectedShort: "Expected",
  summary: "Curator's summary: ",
  when: "When",
  where: "Where",
  status: "Status",
  actors: "Actors",
  sources: "Sources",
  announced: " · the announced date",
  notPlaced: " · not placed on the map",
  notOnMap: " · not on map",
  filteredOut:
    "Outside the current filters: not in the list or the count, shown because it is open.",
  origins: "Where the passages come from",
  noMatch: "No events match these filters.",
  widen: "Widen the date range, search for fewer words, or",
  clearAll: "clear all filters",
  order: "Order of the list",
  sorts: { oldest: "Oldest first", newest: "Newest first" },
  list: "Events",
  atSpotCount: (count: number) =>
    `${n("en", count)} ${plural("en", count, { one: "event", other: "events" })} at this spot`,
  atSpot: "Events at this spot",
  passages: (count: number) =>
    `${n("en", count)} ${plural("en", count, { one: "passage", other: "passages" })}`,
  originalIn: "original in English",
  /** Beside a curator's translation of a quote: the quote itself stays as written. */
  linkPassage: "Link to this passage",
  quoteNotFound: "This quote could not be found in its source; run {cmd}.",
  quoteTranslation: "Translation",
  /** A cited passage's card: what the passage does, said over it and to a screen reader. */
  stance: {
    reports: "Reports",
    claims: "Relays a claim",
    denies: "Disputes",
    forecasts: "Forecasts",
    date: "Fixes the date",
    place: "Fixes the place",
  },
  stanceSaid: {
    reports: "The source reports it.",
    claims: "The source relays a claim.",
    denies: "The source denies it.",
    forecasts: "The source forecasts it.",
    date: "This passage only fixes the date.",
    place: "This passage only fixes the place.",
  },
  retells: (origin: string) =>
    `Retells ${origin}: counted as that origin, not as a witness of its own.`,
  /** Before a publication date known only roughly. */
  circa: "c. ",
  copy: "Copy citation",
  copiedShort: "Copied ✓",
  copied: "Citation copied to the clipboard.",
  copyRefused: "Copying was refused: select this text and copy it.",
};

/** The categories' names: the model's own labels, which the map's legend and icons share. */
export const categories = Object.fromEntries(
  CATEGORIES.map((c) => [c, CATEGORY_STYLE[c].label]),
) as Record<Category, string>;

/** Dates and places in words: the precision of each (formatted dates are in intl.ts). */
export const dates = {
  precision: {
    day: "to the day",
    week: "to the week",
    month: "to the month",
    range: "within a range",
    before: "no date given: on or before",
  },
  weekOf: "week of ",
  by: "by ",
  place: {
    exact: "exact",
    approximate: "approximate",
    city: "city-level",
    region: "region-level",
    country: "country-level",
  },
};
