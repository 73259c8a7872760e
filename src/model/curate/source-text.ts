/**
 * A new source document is kept exactly as given, apart from its line endings and a leading BOM:
 * the seeds are LF-only UTF-8, and a quote anchored in CRLF text would carry `\r` into offsets.
 */

export interface NormalisedText {
  text: string;
  /** What was changed, so the UI can say so rather than alter the text silently. */
  removedBom: boolean;
  convertedLineEndings: boolean;
}

export function normaliseSourceText(raw: string): NormalisedText {
  const removedBom = raw.startsWith("\uFEFF");
  const unBommed = removedBom ? raw.slice(1) : raw;
  const text = unBommed.replace(/\r\n?/g, "\n");
  return { text, removedBom, convertedLineEndings: text !== unBommed };
}

/**
 * The id of a new source: a three-digit sequence number after the highest one in use, then the
 * first 16 hex digits of the SHA-256 of its (normalised) UTF-8 text, e.g. `005_…`. Same shape as
 * the shipped ids, so file names, URLs and sorting treat it alike (docs/data-format.md).
 */
export async function newSourceId(existingIds: readonly string[], text: string): Promise<string> {
  let highest = -1;
  for (const id of existingIds) {
    const match = /^(\d{3})_/.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${String(highest + 1).padStart(3, "0")}_${hex.slice(0, 16)}`;
}

/** Larger than any article; past it a file is an archive or a dump, not one report. */
export const MAX_SOURCE_BYTES = 2 * 1024 * 1024;

/** Why bytes or text cannot be a source document; the curate catalogue words each one. */
export type DecodeProblem =
  | { code: "tooLarge"; bytes: number }
  | { code: "binary" }
  | { code: "notUtf8" }
  | { code: "empty" };

export type DecodedSource = ({ ok: true } & NormalisedText) | { ok: false; problem: DecodeProblem };

/** Reads a .txt file's bytes as a source document, or says why it cannot be one. */
export function decodeSourceFile(bytes: Uint8Array): DecodedSource {
  if (bytes.length > MAX_SOURCE_BYTES)
    return { ok: false, problem: { code: "tooLarge", bytes: bytes.length } };
  if (bytes.includes(0)) return { ok: false, problem: { code: "binary" } };
  // ignoreBOM keeps the BOM in the string, so normaliseSourceText can report removing it.
  let raw: string;
  try {
    raw = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { code: "notUtf8" } };
  }
  const normalised = normaliseSourceText(raw);
  if (normalised.text.trim() === "") return { ok: false, problem: { code: "empty" } };
  return { ok: true, ...normalised };
}

/** Pasted text, checked like a file's: the limit, binary content, nothing but blanks. */
export function decodePastedText(raw: string): DecodedSource {
  const bytes = new TextEncoder().encode(raw).length;
  if (bytes > MAX_SOURCE_BYTES) return { ok: false, problem: { code: "tooLarge", bytes } };
  if (raw.includes("\0")) return { ok: false, problem: { code: "binary" } };
  const normalised = normaliseSourceText(raw);
  if (normalised.text.trim() === "") return { ok: false, problem: { code: "empty" } };
  return { ok: true, ...normalised };
}

/** The words for each problem: a catalogue's decodeFile or decodeText group. */
export interface DecodeWords {
  tooLarge: (bytes: number) => string;
  binary: string;
  notUtf8: string;
  empty: string;
}

/** Why the bytes or text were refused, in the words given. */
export const decodeMessage = (words: DecodeWords, problem: DecodeProblem): string =>
  problem.code === "tooLarge" ? words.tooLarge(problem.bytes) : words[problem.code];
