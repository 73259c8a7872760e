/**
 * The scope of a view in one line ("1 Nov 2025 – 31 Dec 2025 · Raid · citing 002"), for the embed's
 * subtitle and the saved image: a lazy area, so this pair is imported only by their chunks
 * (src/ui/Embed.tsx through useAreaText, src/ui/save-image.ts), never by the first chunk's
 * catalogue. model/query/filter-words.ts composes the line from it.
 */
import { formatNumber as n, plural } from "../intl.ts";

export const scope = {
  allDates: "All dates",
  allEvents: "all events",
  /** Between two chosen values of one filter: "Raid or Protest". */
  or: " or ",
  range: (from: string, to: string) => `${from} – ${to}`,
  from: (day: string) => `from ${day}`,
  until: (day: string) => `until ${day}`,
  citing: (sources: string) => `citing ${sources}`,
  matching: (q: string) => `matching “${q}”`,
  shown: (shown: number, total: number) =>
    `${n("en", shown)} of ${n("en", total)} ${plural("en", total, { one: "event", other: "events" })}`,
};

export type ScopeText = typeof scope;
