/**
 * The reader shows each invisible or bidirectional-control character as a visible mark
 * (`⟨U+202E⟩`, text/invisible.ts), so an offset into the text as shown is not an offset into the
 * source once such a character comes before it. This maps one back to the other.
 */
import { invisibleMark, revealInvisible } from "../text/invisible.ts";

/**
 * The offset in `text` of offset `shown` in `revealInvisible(text)`. An offset inside a mark
 * falls at the character's start (`edge: "start"`) or after it (`"end"`), so a selection that
 * covers part of a mark takes the whole character.
 */
export function sourceOffset(text: string, shown: number, edge: "start" | "end"): number {
  if (revealInvisible(text) === text) return Math.min(Math.max(shown, 0), text.length);
  let at = 0;
  let i = 0;
  for (const ch of text) {
    const width = revealInvisible(ch) === ch ? ch.length : invisibleMark(ch).length;
    if (shown < at + width) return shown === at || edge === "start" ? i : i + ch.length;
    at += width;
    i += ch.length;
  }
  return text.length;
}
