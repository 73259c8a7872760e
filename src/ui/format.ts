/** The words for dates and precisions live in the model, shared with the build's event pages. */
import { formatEventDate } from "../model/event-words.ts";
import type { EventDate } from "../model/types.ts";
import { useI18n } from "./i18n.ts";

export * from "../model/event-words.ts";

/** An event's date in the language shown (call in a component). */
export function useEventDate(): (d: EventDate) => string {
  const { t, lang } = useI18n();
  return (d) => formatEventDate(d, lang(), t("dates"));
}
