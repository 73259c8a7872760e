/**
 * Fetching one file of the dataset as text or bytes: refusing what is too big from its first
 * bytes, handing a streamed compact file's rows on as they come, keeping a binary file's bytes,
 * and turning every failure into a LoadError that names the file.
 */
import { looksBinary } from "../model/encodings/binary.ts";
import { CompactError } from "../model/encodings/compact.ts";
import type { CompactStream } from "../model/encodings/compact-stream.ts";
import { taskBreak } from "../model/slices.ts";

export class LoadError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
  }
}

/** The longest string V8 holds (2^29 − 24 code units): a bigger file cannot be read as one JSON
 * text, so it is refused before its body is downloaded, instead of freezing or crashing the tab. */
export const MAX_TEXT_BYTES = 2 ** 29 - 24;

const nextTask = taskBreak();

export interface ReadOptions {
  /** Sees the first bytes, and may stop the download with a reason. */
  refuse?: (head: string) => string | null;
  /** Receives the raw bytes too, chunk by chunk (for a worker to read them again without copying objects). */
  keep?: (bytes: Uint8Array) => void;
  /** Called once the whole body is in, before it is parsed. */
  downloaded?: () => void;
  /** Once the head is in: a stream to hand the text to as it comes, instead of keeping it whole
   * (then the text returned is ""). Used only if the head shows a streamed compact file. */
  stream?: () => CompactStream | null;
  /** Whether to let the page draw and answer input between streamed pieces. */
  breaks?: () => boolean;
  /** Receives the body as bytes, once it is all in, if its head shows a binary dataset (binary.ts);
   * then no text is decoded at all, and the text returned is "". */
  binary?: (bytes: Uint8Array) => void;
}

/** The body as text. */
async function readText(
  res: Response,
  { refuse, keep, downloaded: onDone, stream, breaks, binary }: ReadOptions = {},
): Promise<string> {
  if ((!refuse && !keep) || !res.body) return res.text().then((t) => (onDone?.(), t));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let head: string | null = refuse ? "" : null;
  let sink: CompactStream | null = null;
  // The bytes, kept while the head may yet show a binary dataset, and then if it does.
  let bytes: ByteSink | null = binary && head !== null ? new ByteSink(expectedBytes(res)) : null;
  let bytesOnly = false;
  let lastBreak = performance.now();
  for (;;) {
    const { done, value } = await reader.read();
    // A binary body is only kept here (then handed over whole): not also chunk by chunk.
    if (value && keep && !bytesOnly) keep(value);
    if (value && bytes) bytes.push(value);
    if (bytesOnly) {
      if (done) {
        binary!(bytes!.all());
        onDone?.();
        return "";
      }
      // When the body comes faster than it is copied, every read resolves at once: without a
      // break, the hundreds of MB of 1M events would be taken in as one task.
      if (breaks?.() && performance.now() - lastBreak > 40) {
        await nextTask();
        lastBreak = performance.now();
      }
      continue;
    }
    const text = done ? decoder.decode() : decoder.decode(value, { stream: true });
    if (sink) sink.push(text);
    else parts.push(text);
    if (head !== null) {
      head += text;
      if (head.length >= 256 || done) {
        const reason = refuse!(head);
        if (reason) {
          void reader.cancel().catch(() => {});
          throw new RefusedError(reason);
        }
        bytesOnly = bytes !== null && looksBinary(head);
        head = null;
        if (bytesOnly) {
          parts.length = 0;
          continue; // a stream that is done stays done: the next read finishes above
        }
        bytes = null;
        sink = takeStream(stream?.() ?? null, parts);
      }
    }
    if (done) {
      onDone?.();
      return sink ? "" : parts.join("");
    }
    // Streamed rows are parsed as they come; when the body is in faster than that, each read
    // resolves at once and the loop would hold the page: let it draw and answer input.
    if (sink && breaks?.() && performance.now() - lastBreak > 40) {
      await nextTask();
      lastBreak = performance.now();
    }
  }
}

/** Bytes as they come, copied into one buffer (grown as needed), so that none is copied again once
 * they are all in: concatenating tens of MB of chunks would sit between the download and the
 * decoding. */
class ByteSink {
  private buffer: Uint8Array;
  private length = 0;
  constructor(expected: number) {
    this.buffer = new Uint8Array(expected);
  }
  push(chunk: Uint8Array): void {
    if (this.length + chunk.byteLength > this.buffer.byteLength) {
      const bigger = new Uint8Array(
        Math.max(2 * this.buffer.byteLength, this.length + chunk.byteLength),
      );
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
    }
    this.buffer.set(chunk, this.length);
    this.length += chunk.byteLength;
  }
  all(): Uint8Array {
    return this.buffer.subarray(0, this.length);
  }
}

/** About how many bytes a body will have: its length, or for a compressed one ~6× that (synthetic
 * datasets gzip ~4.5:1), so that the sink is seldom grown (pages never written are never used). */
function expectedBytes(res: Response): number {
  const length = Number(res.headers.get("content-length") ?? NaN);
  if (!(length > 0)) return 1 << 22;
  return res.headers.get("content-encoding") ? Math.min(6 * length, 1 << 30) : length;
}

/** Hands the text so far to the stream if it shows a streamed compact file's head (then the text
 * is the stream's, not kept); otherwise the text is parsed whole. */
function takeStream(s: CompactStream | null, parts: string[]): CompactStream | null {
  if (!s) return null;
  try {
    if (!s.push(parts.join("")) || !s.streaming) return null;
  } catch {
    return null; // a head that doesn't parse: JSON.parse of the whole text says where
  }
  parts.length = 0;
  return s;
}

class RefusedError extends Error {}

export async function fetchText(
  file: string,
  baseUrl: string,
  read?: ReadOptions,
): Promise<string> {
  let res: Response;
  try {
    res = await fetch(new URL(file, baseUrl));
  } catch (e) {
    throw new LoadError(file, `could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok) throw new LoadError(file, `HTTP ${res.status} ${res.statusText}`.trim());
  // Static servers with an SPA fallback answer a missing text with index.html and status 200.
  if (file.endsWith(".txt") && /^text\/html/i.test(res.headers.get("content-type") ?? "")) {
    await res.text().catch(() => ""); // read (a page, small), so the connection is free again
    throw new LoadError(file, "was not found (the server answered with an HTML page, not text)");
  }
  const declared = Number(res.headers.get("content-length") ?? NaN);
  if (declared > MAX_TEXT_BYTES) {
    void res.body?.cancel().catch(() => {});
    const mb = (n: number) => `${Math.round(n / 2 ** 20)} MB`;
    throw new LoadError(
      file,
      `is ${mb(declared)}, more than a browser can read as one text (${mb(MAX_TEXT_BYTES)}); open a smaller extract`,
    );
  }
  try {
    return await readText(res, read);
  } catch (e) {
    if (e instanceof RefusedError) throw new LoadError(file, e.message);
    // A streamed compact file's rows are parsed while it downloads (CompactStream).
    if (e instanceof CompactError)
      throw new LoadError(file, `is not a valid compact dataset: ${e.message}`);
    if (e instanceof SyntaxError)
      throw new LoadError(file, `invalid JSON (${e.message.slice(0, 160)})`);
    throw new LoadError(file, `could not be read (${(e as Error).message})`);
  }
}

export async function fetchJson<T>(
  file: string,
  baseUrl: string,
  read?: ReadOptions,
  parse?: () => Promise<unknown> | null,
): Promise<T> {
  const text = await fetchText(file, baseUrl, read);
  // Static servers with an SPA fallback (vite preview, many hosts) answer a missing file with
  // index.html and status 200: say "not found", not "invalid JSON at '<'".
  if (/^\s*<(!doctype|html)/i.test(text))
    throw new LoadError(file, "was not found (the server answered with an HTML page, not JSON)");
  try {
    const sliced = parse?.();
    if (sliced) return (await sliced) as T;
    return JSON.parse(text) as T;
  } catch (e) {
    // The engine's message carries the position; `npm run check:data` gives line and column.
    if (e instanceof CompactError)
      throw new LoadError(file, `is not a valid compact dataset: ${e.message}`);
    throw new LoadError(file, `invalid JSON (${(e as Error).message.slice(0, 160)})`);
  }
}

export function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}
