/** A source's publication date on a built page: "c. " before one known only roughly. */
import { formatDayIn } from "../i18n/intl.ts";
import type { SourceDocument } from "../types.ts";
import type { PageLang } from "./page-lang.ts";

export function sourceDate(src: SourceDocument, pl: PageLang): string {
  const circa = src.published.precision === "day" ? "" : pl.w.source.circa;
  return `${circa}${formatDayIn(pl.lang, src.published.date)}`;
}
