/**
 * Reading a compact file laid out as the generator streams it (CompactEncoder: a head line, one
 * row per line, then the tables): while it downloads (CompactStream), or only the rows a reader
 * wants (decodeSomeRows, for the tile worker). compact.ts holds the format itself.
 */
import type { EventCollection, SituationEvent } from "../types.ts";
import {
  type CompactCollection,
  ROWS_END,
  ROWS_START,
  checkCount,
  checkHeader,
  collectionOf,
  rowDecoder,
} from "./compact.ts";

/** The header of a streamed file, from its first line (which ends with ROWS_START). */
const streamedHeader = (head: string) =>
  checkHeader(JSON.parse(`${head.slice(0, -ROWS_START.length)}"events":[]}`));

/** The header with the tables, from what follows ROWS_END (the tables, then the closing brace). */
const withTables = (header: Partial<CompactCollection>, tail: string) =>
  ({ ...header, ...(JSON.parse(`{${tail}`) as object) }) as Partial<CompactCollection>;

/**
 * Some of the rows of a compact text laid out as the generator streams it (one row per line),
 * decoded, each with its position among all the rows: only the rows whose line `wanted` accepts
 * are parsed at all. The tile worker reads the routes and areas of a big dataset this way (a
 * seventh of the synthetic rows), instead of parsing every event a second time. Null when the
 * text is not laid out so (then parse it whole). Throws CompactError as decodeCompact does.
 */
export function decodeSomeRows(
  text: string,
  wanted: (line: string) => boolean,
): { count: number; rows: [number, SituationEvent][] } | null {
  const headEnd = text.indexOf("\n") + 1;
  if (headEnd === 0 || !text.startsWith(ROWS_START, headEnd - ROWS_START.length)) return null;
  const rowsEnd = text.indexOf(ROWS_END, headEnd - 1);
  if (rowsEnd < 0) return null;
  const c = withTables(
    streamedHeader(text.slice(0, headEnd)),
    text.slice(rowsEnd + ROWS_END.length),
  );
  const decode = rowDecoder(c, true);
  const rows: [number, SituationEvent][] = [];
  let k = 0;
  for (let at = headEnd; at <= rowsEnd; k++) {
    let nl = text.indexOf("\n", at);
    if (nl < 0 || nl > rowsEnd) nl = rowsEnd;
    if (nl === at) break; // no rows at all: the head's line is followed by "\n],"
    const line = text.slice(at, nl);
    if (wanted(line))
      rows.push([k, decode(JSON.parse(line.endsWith(",") ? line.slice(0, -1) : line), k)]);
    at = nl + 1;
  }
  checkCount(c, k);
  return { count: k, rows };
}

/**
 * Reads a compact file as the generator streams it (CompactEncoder.head, one row per line, tail)
 * while it downloads: `push` each piece of text as it comes, `end` once it is all in. Whole lines
 * of rows are parsed as they arrive, so no text of the whole file is ever held (at 1M events one
 * JSON.parse of it would hold the page for seconds); the rows are decoded against the
 * tables, which come last, in slices of `slice` rows with `pause()` between them.
 *
 * `push` returns false when the text is not laid out that way (a compact file written in one go):
 * the caller then parses the whole text. Errors are CompactErrors, or the engine's for bad JSON.
 */
export class CompactStream {
  /** Text not yet parsed: pieces, joined only when a batch of rows is parsed. */
  private pieces: string[] = [];
  private pending = 0;
  /** The last 3 characters pushed, to find a "\n],\n" split across pieces. */
  private last = "";
  private state: "head" | "rows" | "tail" | "other" = "head";
  private header: Partial<CompactCollection> | null = null;
  private rows: unknown[] = [];
  private readonly tailParts: string[] = [];
  /** Rows are parsed in batches of about this many characters (a task's worth while loading). */
  constructor(private readonly batchChars = 1 << 20) {}

  /** Whether the text so far has shown a streamed compact file's head (its first line). */
  get streaming(): boolean {
    return this.state === "rows" || this.state === "tail";
  }

  /** Whether the text so far is a streamed compact file (false: parse the whole text instead). */
  push(text: string): boolean {
    if (this.state === "other") return false;
    if (this.state === "tail") return (this.tailParts.push(text), true);
    if (this.state === "head") {
      const nl = text.indexOf("\n");
      if (nl < 0) {
        this.pieces.push(text);
        this.pending += text.length;
        return this.pending < 4096 || this.fail();
      }
      const head = this.pieces.join("") + text.slice(0, nl + 1);
      if (!head.endsWith(ROWS_START)) return this.fail();
      this.header = streamedHeader(head);
      this.state = "rows";
      this.pieces = [];
      this.pending = 0;
      text = text.slice(nl + 1);
    }
    // The rows end at a line "]," (CompactEncoder.tail); the tables follow.
    const seam = this.last + text;
    const at = seam.indexOf(ROWS_END);
    if (at >= 0) {
      const all = this.pieces.join("") + text;
      const end = all.length - seam.length + at;
      this.parseRows(all.slice(0, end + 1));
      this.tailParts.push(all.slice(end + 4));
      this.pieces = [];
      this.state = "tail";
      return true;
    }
    this.last = seam.slice(-3);
    this.pieces.push(text);
    this.pending += text.length;
    if (this.pending >= this.batchChars) {
      // Whole lines only: the last line, maybe partial (maybe the start of "\n],"), waits.
      const all = this.pieces.join("");
      const cut = all.lastIndexOf("\n", all.length - 4);
      if (cut > 0) {
        this.parseRows(all.slice(0, cut + 1));
        const rest = all.slice(cut + 1);
        this.pieces = [rest];
        this.pending = rest.length;
      }
    }
    return true;
  }

  /** The events, once the whole text has been pushed; null if it was not a streamed compact file. */
  async end(pause: () => Promise<void>, slice = 10_000): Promise<EventCollection | null> {
    if (this.state !== "tail" || !this.header) return null;
    const c = withTables(this.header, this.tailParts.join(""));
    this.tailParts.length = 0;
    const decode = rowDecoder(c, true);
    const rows = this.rows;
    this.rows = [];
    checkCount(c, rows.length);
    const features = new Array<SituationEvent>(rows.length);
    for (let k = 0; k < rows.length; k++) {
      features[k] = decode(rows[k], k);
      rows[k] = null; // the raw row is garbage once decoded
      if ((k + 1) % slice === 0 && k + 1 < rows.length) await pause();
    }
    return collectionOf(c, features);
  }

  private parseRows(lines: string): void {
    // Without the last row's "," (a regex /,\s*$/ tries every comma of the batch).
    let end = lines.length;
    while (end > 0 && lines.charCodeAt(end - 1) <= 32) end--;
    if (end > 0 && lines[end - 1] === ",") end--;
    if (end === 0) return;
    const rows = JSON.parse(`[${lines.slice(0, end)}]`) as unknown[];
    for (let k = 0; k < rows.length; k++) this.rows.push(rows[k]);
  }

  private fail(): false {
    this.state = "other";
    this.pieces = [];
    this.rows = [];
    return false;
  }
}

/** A whole text through CompactStream, decoded in slices; null when it is not laid out one row per
 * line (the loader streams instead, as the file downloads). */
export async function decodeCompactText(
  text: string,
  pause: () => Promise<void>,
  slice = 10_000,
): Promise<EventCollection | null> {
  const stream = new CompactStream();
  if (!stream.push(text)) return null;
  return stream.end(pause, slice);
}
