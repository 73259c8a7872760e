/**
 * The source reader's words: a lazy area, so its catalogue pair is imported only by the reader's
 * chunk (src/ui/SourceReader.tsx, through useAreaText), never by the first chunk's catalogue.
 */
import { formatNumber as n, plural } from "../intl.ts";

const events = (count: number) =>
  `${n("en", count)} ${plural("en", count, { one: "event", other: "events" })}`;

export const reader = {
  backToEvent: "Back to event",
  allEvents: "All events",
  notLoaded: "This source's text could not be loaded.",
  fromEvent: "Cited by the event you came from: ",
  eyebrow: "Source document · ",
  noOutlet: "Outlet not named in the text",
  /** Before a publication date known only roughly. */
  circa: "c. ",
  passages: (count: number) =>
    `${n("en", count)} cited ${plural("en", count, { one: "passage", other: "passages" })}`,
  citing: "Events citing this passage",
  citedByCount: (count: number) => `This passage is cited by ${events(count)}:`,
  cancel: "Cancel",
  citedBy: (title: string) => `Cited by: ${title}`,
  citedByMany: (count: number) => `Cited by ${events(count)}`,
};

export type ReaderText = typeof reader;
