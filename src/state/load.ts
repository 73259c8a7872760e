/**
 * Fetches the dataset (events, sources, and the source documents themselves) and builds the
 * in-memory index. Every failure names the file that failed, for the error state.
 */
import { decodeBinary, decodeBinarySteps, looksBinary } from "../model/encodings/binary.ts";
import {
  citationTableOf,
  CompactError,
  compactCountOf,
  CompactStream,
  decodeCompact,
  isCompact,
} from "../model/encodings/compact.ts";
import { resolveDataset, resolveDatasetSteps, type DatasetIndex } from "../model/dataset.ts";
import { searchTextSteps } from "../model/query/search-text.ts";
import { chronologicalOrderByDate } from "../model/query/event-order.ts";
import { spanSteps, type Spans } from "../model/query/dates.ts";
import { mapFeatureSteps, type MapFeatures } from "../model/markers/map-features.ts";
import { sizeProfile, type SizeProfile } from "../model/size-profile.ts";
import { pointBufferSteps } from "../model/markers/point-buffers.ts";
import { paced, runStepsPaused, taskBreak } from "../model/slices.ts";
import type { EventCollection, SourceCollection } from "../model/types.ts";

export const DEFAULT_EVENTS = "data/events.geojson";
export const SOURCES = "data/sources.json";

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

/**
 * The most events the app takes in. Every event becomes objects in memory, map features and
 * index entries, so a tab's heap and time to ready grow with the count; at this count both are
 * near what a browser tab bears (docs/performance.md). A bigger dataset is refused with its count —
 * from its first bytes when it is compact or binary (which say their count up front), after
 * parsing otherwise.
 */
export const MAX_EVENTS = 1_000_000;

/** Lets the page handle input and draw between slices of a big dataset (see taskBreak). */
const nextTask = taskBreak();

/** How long one task of a very big dataset's reading and indexing may run before it lets the page
 * draw and answer input. Its steps go in slices of a few thousand events, and break the task once
 * this much time has passed: the collector's marking, taken in steps as they allocate, makes the
 * cost of a slice cut by count unpredictable (see paced). */
export const SLICE_MS = 12;

/** A pause for a very big dataset's slices: a task break once SLICE_MS have passed (its clock starts here). */
const slicePause = () => paced(nextTask, SLICE_MS);

const tooMany = (n: number) =>
  `has ${n.toLocaleString("en")} events, more than this map can hold at once (${MAX_EVENTS.toLocaleString("en")}); open a smaller extract (a region or a period)`;

interface ReadOptions {
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

async function fetchText(file: string, baseUrl: string, read?: ReadOptions): Promise<string> {
  let res: Response;
  try {
    res = await fetch(new URL(file, baseUrl));
  } catch (e) {
    throw new LoadError(file, `could not be fetched (${(e as Error).message})`);
  }
  if (!res.ok) throw new LoadError(file, `HTTP ${res.status} ${res.statusText}`.trim());
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

async function fetchJson<T>(
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

function isCollection(v: unknown): v is EventCollection {
  const c = v as EventCollection;
  return !!c && c.type === "FeatureCollection" && Array.isArray(c.features);
}

export interface LoadedData {
  index: DatasetIndex;
  /** How big it is, and so how it is indexed and drawn (decided here, once). */
  profile: SizeProfile;
  seeds: Record<string, string>;
  eventsFile: string;
  /** Very big datasets (profile.sliced): the map features and the folded search text, made in
   * slices while loading (folded on the first search instead, 1M texts would hold the page for
   * seconds). */
  mapFeatures?: MapFeatures;
  searchText?: string[];
  spans?: Spans;
  /** Chronological, by date alone (chronologicalOrderByDate). */
  order?: number[];
  /** How the events file was read: parsed whole, or (a big compact file, one row per line) its
   * rows parsed as it downloaded, or (a binary file, binary.ts) its columns decoded. */
  reading: "whole" | "streamed" | "binary";
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.byteLength;
  }
  return all;
}

export interface LoadHooks {
  /** The event count a compact file announces in its first bytes, before the rest downloads. */
  announced?: (count: number) => void;
  /** The events file, as it came, of a dataset with more events than can be clustered (see
   * MapPane: the map's tiles are cut from it in a worker). A compact file says its count first,
   * so it is handed over as soon as it is downloaded, before it is parsed; GeoJSON once parsed. */
  bigFileDownloaded?: (bytes: Uint8Array) => void;
  /** Above this many announced events, read in slices (default SLICED_ABOVE, size-profile.ts; tests lower it). */
  slicedAbove?: number;
}

export async function loadDataset(
  baseUrl: string,
  eventsFile = DEFAULT_EVENTS,
  hooks: LoadHooks = {},
): Promise<LoadedData> {
  const profileOf = (count: number) => sizeProfile(count, hooks.slicedAbove);
  const chunks: Uint8Array[] = [];
  /** What the file announced in its first bytes (a compact or binary file), else null. */
  let announced: SizeProfile | null = null;
  const sliced = () => announced?.sliced === true;
  let handedOver = false;
  // Set from the read's callbacks (an object, so that TypeScript sees the assignments).
  const read: { stream: CompactStream | null; binary: Uint8Array | null } = {
    stream: null,
    binary: null,
  };
  // The sources and their documents download while the (maybe big) events file does.
  const sourcesFile = fetchJson<SourceCollection>(SOURCES, baseUrl).then((sources) => {
    if (!sources || !Array.isArray(sources.sources))
      throw new LoadError(SOURCES, 'has no "sources" array');
    return sources;
  });
  const seedTexts = sourcesFile.then((sources) =>
    Promise.all(sources.sources.map((s) => fetchText(`seeds/${s.id}.txt`, baseUrl))),
  );
  seedTexts.catch(() => {}); // awaited below, after the events: no unhandled rejection meanwhile
  const [raw, sources] = await Promise.all([
    fetchJson<unknown>(
      eventsFile,
      baseUrl,
      {
        refuse: (head) => {
          const count = compactCountOf(head);
          announced = count === null ? null : profileOf(count);
          if (count !== null) hooks.announced?.(count);
          if (sliced()) chunks.length = 0;
          return count !== null && count > MAX_EVENTS ? tooMany(count) : null;
        },
        keep: hooks.bigFileDownloaded
          ? (bytes) => void (sliced() ? 0 : chunks.push(bytes))
          : undefined,
        downloaded: () => {
          performance.mark("vsm:downloaded");
          if (sliced()) handedOver = true; // never handed over
          if (read.binary) return; // handed over once decoded, below
          if (
            announced === null ||
            announced.clustered ||
            announced.sliced ||
            !hooks.bigFileDownloaded
          )
            return;
          handedOver = true;
          hooks.bigFileDownloaded(concat(chunks));
          chunks.length = 0;
        },
        // Very big: rows parsed as the file comes, never held as one text (see CompactStream).
        stream: () =>
          announced !== null && !announced.clustered ? (read.stream = new CompactStream()) : null,
        breaks: sliced,
        binary: (bytes) => {
          read.binary = bytes;
          chunks.length = 0;
        },
      },
      () => {
        if (read.binary)
          return sliced()
            ? runStepsPaused(decodeBinarySteps(read.binary, 2048), slicePause())
            : Promise.resolve(decodeBinary(read.binary));
        if (!read.stream?.streaming) return null;
        return sliced() ? read.stream.end(slicePause(), 2048) : read.stream.end(async () => {});
      },
    ),
    sourcesFile,
  ]);
  performance.mark("vsm:parsed");
  let events = raw;
  // Big datasets may come in the compact encoding (docs/encodings.md); a very big one was
  // decoded in slices already.
  if (isCompact(raw) && !isCollection(raw)) {
    try {
      events = decodeCompact(raw);
    } catch (e) {
      if (e instanceof CompactError)
        throw new LoadError(eventsFile, `is not a valid compact dataset: ${e.message}`);
      throw e;
    }
  }
  if (!isCollection(events)) throw new LoadError(eventsFile, "is not a GeoJSON FeatureCollection");
  if (events.features.length > MAX_EVENTS)
    throw new LoadError(eventsFile, tooMany(events.features.length));
  const binary = read.binary !== null;
  const profile = profileOf(events.features.length);
  // A binary file's bytes are not read here again once decoded: handed over as they are.
  if (!handedOver && !profile.clustered) hooks.bigFileDownloaded?.(read.binary ?? concat(chunks));
  chunks.length = 0;
  read.binary = null;
  const texts = await seedTexts;
  performance.mark("vsm:decoded");
  const seeds = Object.fromEntries(sources.sources.map((s, i) => [s.id, texts[i] ?? ""]));
  const reading = binary ? "binary" : read.stream?.streaming ? "streamed" : "whole";
  // A compact file's citation table: each distinct citation anchored once, no event read for it.
  const hints = { citations: citationTableOf(events) };
  if (!profile.sliced)
    return {
      index: resolveDataset(events, sources, seeds, hints),
      profile,
      seeds,
      eventsFile,
      reading,
    };
  // 1M events: every step in slices, so the page keeps answering while it loads.
  const pause = slicePause();
  const index = await runStepsPaused(
    resolveDatasetSteps(events, sources, seeds, 4096, hints),
    pause,
  );
  await pause();
  const mapFeatures = await runStepsPaused(mapFeatureSteps(index.events, 4096), pause);
  await pause();
  mapFeatures.points = await runStepsPaused(
    pointBufferSteps(mapFeatures.markers.features, 16_384),
    pause,
  );
  await pause();
  const spans = await runStepsPaused(spanSteps(index.events, 16_384), pause);
  await pause();
  const order = chronologicalOrderByDate(spans.starts, spans.ends);
  await pause();
  return {
    index,
    profile,
    seeds,
    eventsFile,
    reading,
    mapFeatures,
    spans,
    order,
    searchText: await runStepsPaused(searchTextSteps(index.events, 2048), pause),
  };
}
