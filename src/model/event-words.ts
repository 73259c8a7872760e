/** Human-readable dates and precisions (pure string functions, no DOM): the UI and the event pages. */
import { dates as EN_WORDS } from "./i18n/en/event.ts";
import { formatDayIn, formatMonthIn } from "./i18n/intl.ts";
import type { Lang } from "./i18n/lang.ts";
import type { EventDate } from "./types.ts";

/** A day, "1 Sept 2025" (or "1 sept 2025" in Spanish). */
export const formatDay = (iso: string, lang: Lang = "en"): string => formatDayIn(lang, iso);

/** An event's date as its precision allows: a day, a week, a month, a range or "by" a day; in
 * another language than English, with that catalogue's words. */
export function formatEventDate(
  d: EventDate,
  lang: Lang = "en",
  w: { by: string; weekOf: string } = EN_WORDS,
): string {
  if (d.precision === "before") return `${w.by}${formatDayIn(lang, d.start)}`;
  if (d.precision === "month") return formatMonthIn(lang, d.start);
  if (!d.end || d.end === d.start) return formatDayIn(lang, d.start);
  const prefix = d.precision === "week" ? w.weekOf : "";
  return `${prefix}${formatDayIn(lang, d.start)} – ${formatDayIn(lang, d.end)}`;
}
