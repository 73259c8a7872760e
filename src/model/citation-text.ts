/**
 * A citation as plain text to paste into an article or notes: the quote, then where it is from
 * (title, outlet, date) and the link to the passage, each on its own line.
 */
import { dayWords } from "./query/filter-words.ts";
import { revealInvisible } from "./text/invisible.ts";
import type { SourceDocument } from "./types.ts";

export function citationText(
  quote: string,
  source: Pick<SourceDocument, "id" | "title" | "outlet" | "published"> | undefined,
  sourceId: string,
  link: string,
): string {
  const date = source
    ? `${source.published.precision === "day" ? "" : "c. "}${dayWords(source.published.date)}`
    : "";
  const from = [source?.title ?? sourceId, source?.outlet ?? "", date].filter(Boolean).join(", ");
  // Whitespace runs (line breaks inside a quoted passage) become one space: a pasted quote is one line.
  // Invisible and bidirectional-control characters as visible marks, as the page shows them.
  return `“${revealInvisible(quote).replace(/\s+/g, " ").trim()}”\n— ${from}\n${link}`;
}
