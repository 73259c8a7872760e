/**
 * Where the page's selection lies in the source reader, as offsets into the source's text. The
 * reader draws the text as runs and marks, with a note ("Cited by the event you came from") that
 * is not part of the text, and invisible characters shown as marks: offsets are counted on the
 * text as shown without the note, then mapped back to the source (model/curate/shown-offset.ts).
 */
import { sourceOffset } from "../../model/curate/shown-offset.ts";

export type ReaderSelection =
  | { kind: "none" }
  | { kind: "outside"; sourceId: string }
  | { kind: "in"; sourceId: string; start: number; end: number };

const TEXT = ".source-text";
/** Inside the text's element but not the text: skipped when counting. */
const NOT_TEXT = ".from-event";

const elementOf = (node: Node): Element | null =>
  node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;

export function readSelection(
  selection: Selection | null,
  textOf: (sourceId: string) => string | undefined,
): ReaderSelection {
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return { kind: "none" };
  const range = selection.getRangeAt(0);
  const startIn = elementOf(range.startContainer)?.closest(TEXT) ?? null;
  const endIn = elementOf(range.endContainer)?.closest(TEXT) ?? null;
  const body = startIn ?? endIn ?? readerTextCrossed(range);
  if (!body) return { kind: "none" };
  const sourceId = body.closest("[data-source-id]")?.getAttribute("data-source-id") ?? "";
  const text = textOf(sourceId);
  if (startIn !== endIn || text === undefined) return { kind: "outside", sourceId };
  return {
    kind: "in",
    sourceId,
    start: sourceOffset(text, shownOffset(body, range.startContainer, range.startOffset), "start"),
    end: sourceOffset(text, shownOffset(body, range.endContainer, range.endOffset), "end"),
  };
}

/** The reader's text when a selection runs over it from outside at both ends. */
function readerTextCrossed(range: Range): Element | null {
  const body = document.querySelector(`.reader ${TEXT}`);
  return body && range.intersectsNode(body) ? body : null;
}

/** Characters of the shown text from the start of `body` to (node, offset). */
function shownOffset(body: Element, node: Node, offset: number): number {
  const before = document.createRange();
  before.setStart(body, 0);
  before.setEnd(node, offset);
  const copy = before.cloneContents();
  for (const note of copy.querySelectorAll(NOT_TEXT)) note.remove();
  return copy.textContent?.length ?? 0;
}
