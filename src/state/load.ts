/**
 * Fetches the dataset (events, sources, and the source documents themselves) and builds the
 * in-memory index. Every failure names the file that failed, for the error state.
 */
import {
  citationTableOf,
  CompactError,
  compactCountOf,
  decodeCompact,
  isCompact,
} from "../model/encodings/compact.ts";
import { CompactStream } from "../model/encodings/compact-stream.ts";
import {
  resolveDataset,
  resolveDatasetSteps,
  type DatasetIndex,
  type ResolveHints,
} from "../model/dataset.ts";
import { searchTextSteps } from "../model/query/search-text.ts";
import { chronologicalOrderByDate } from "../model/query/event-order.ts";
import { spanSteps, type Spans } from "../model/query/dates.ts";
import { mapFeatureSteps, type MapFeatures } from "../model/markers/map-features.ts";
import { sizeProfile, type SizeProfile } from "../model/size-profile.ts";
import { pointBufferSteps } from "../model/markers/point-buffers.ts";
import { paced, runSteps, runStepsPaused, taskBreak } from "../model/slices.ts";
import { checkEventsSteps, checkSources, ShapeError } from "../model/validate/loaded.ts";
import type { EventCollection, SourceCollection } from "../model/types.ts";
import {
  concat,
  fetchJson,
  fetchText,
  LoadError,
  MAX_TEXT_BYTES,
  type ReadOptions,
} from "./fetch-text.ts";

export { LoadError, MAX_TEXT_BYTES };

export const DEFAULT_EVENTS = "data/events.geojson";
export const SOURCES = "data/sources.json";

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
  /** The source texts that could not be read, each as its LoadError's message: their sources are
   * shown without a text, and the citations of them are unresolved. */
  missingTexts: string[];
  /** How the events file was read: parsed whole, or (a big compact file, one row per line) its
   * rows parsed as it downloaded, or (a binary file, binary-decode.ts) its columns decoded. */
  reading: "whole" | "streamed" | "binary";
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
  /** The sources file, if not the default (SOURCES); its texts are `../seeds/<id>.txt` from it. */
  sourcesFile?: string;
}

export async function loadDataset(
  baseUrl: string,
  eventsFile = DEFAULT_EVENTS,
  hooks: LoadHooks = {},
): Promise<LoadedData> {
  const profileOf = (count: number) => sizeProfile(count, hooks.slicedAbove);
  const read = new EventsRead(hooks, profileOf);
  // The sources and their documents download while the (maybe big) events file does.
  const { sourcesFile, seedTexts } = fetchSources(baseUrl, hooks.sourcesFile ?? SOURCES);
  const [raw, sources] = await Promise.all([
    fetchJson<unknown>(eventsFile, baseUrl, read.options(), () => read.parse()),
    sourcesFile,
  ]);
  performance.mark("vsm:parsed");
  const events = eventCollection(raw, eventsFile);
  const profile = profileOf(events.features.length);
  await checkEvents(events, eventsFile, profile.sliced);
  const reading = read.reading();
  read.finish(profile);
  const texts = await seedTexts;
  performance.mark("vsm:decoded");
  // No prototype: a source named `constructor` whose text is missing must read as missing.
  const seeds: Record<string, string> = Object.create(null);
  const missingTexts: string[] = [];
  sources.sources.forEach((s, i) => {
    const t = texts[i]!;
    if (typeof t === "string") seeds[s.id] = t;
    else missingTexts.push(t.message);
  });
  // A compact file's citation table: each distinct citation anchored once, no event read for it.
  const hints = { citations: citationTableOf(events) };
  const loaded = { profile, seeds, eventsFile, reading, missingTexts };
  if (!profile.sliced) return { index: resolveDataset(events, sources, seeds, hints), ...loaded };
  // 1M events: every step in slices, so the page keeps answering while it loads.
  const { index, ...made } = await indexInSlices(events, sources, seeds, hints);
  return { index, ...loaded, ...made };
}

/** Reading the events file: what its first bytes announce, its bytes kept for the map's worker
 * (LoadHooks.bigFileDownloaded), and how it is parsed: streamed rows, binary columns, or whole. */
class EventsRead {
  private readonly chunks: Uint8Array[] = [];
  /** What the file announced in its first bytes (a compact or binary file), else null. */
  private announced: SizeProfile | null = null;
  private handedOver = false;
  private stream: CompactStream | null = null;
  private binary: Uint8Array | null = null;

  constructor(
    private readonly hooks: LoadHooks,
    private readonly profileOf: (count: number) => SizeProfile,
  ) {}

  private sliced(): boolean {
    return this.announced?.sliced === true;
  }

  /** fetchJson's read options. */
  options(): ReadOptions {
    const { hooks, chunks } = this;
    return {
      refuse: (head) => {
        const count = compactCountOf(head);
        this.announced = count === null ? null : this.profileOf(count);
        if (count !== null) hooks.announced?.(count);
        if (this.sliced()) chunks.length = 0;
        return count !== null && count > MAX_EVENTS ? tooMany(count) : null;
      },
      keep: hooks.bigFileDownloaded
        ? (bytes) => void (this.sliced() ? 0 : chunks.push(bytes))
        : undefined,
      downloaded: () => this.downloaded(),
      // Very big: rows parsed as the file comes, never held as one text (see CompactStream).
      stream: () =>
        this.announced !== null && !this.announced.clustered
          ? (this.stream = new CompactStream())
          : null,
      breaks: () => this.sliced(),
      binary: (bytes) => {
        this.binary = bytes;
        chunks.length = 0;
      },
    };
  }

  /** The whole file is in: a big compact one goes to the map's worker now, before it is parsed. */
  private downloaded(): void {
    performance.mark("vsm:downloaded");
    if (this.sliced()) this.handedOver = true; // never handed over
    if (this.binary) return; // handed over once decoded (finish)
    const { announced, hooks } = this;
    if (announced === null || announced.clustered || announced.sliced || !hooks.bigFileDownloaded)
      return;
    this.handedOver = true;
    hooks.bigFileDownloaded(concat(this.chunks));
    this.chunks.length = 0;
  }

  /** fetchJson's parse: a binary file's columns or a streamed file's rows (in slices when very
   * big); null to parse the text whole. */
  parse(): Promise<unknown> | null {
    const { binary, stream } = this;
    // The binary decoder is fetched only for a binary file: the shipped data is GeoJSON.
    if (binary)
      return import("../model/encodings/binary-decode.ts").then((m) =>
        this.sliced()
          ? runStepsPaused(m.decodeBinarySteps(binary, 2048), slicePause())
          : m.decodeBinary(binary),
      );
    if (!stream?.streaming) return null;
    return this.sliced() ? stream.end(slicePause(), 2048) : stream.end(async () => {});
  }

  reading(): LoadedData["reading"] {
    return this.binary !== null ? "binary" : this.stream?.streaming ? "streamed" : "whole";
  }

  /** Once parsed: the file to the map's worker if it has not gone yet and the dataset is not
   * clustered (a binary file's bytes as they are: not read here again once decoded); then its
   * bytes are let go. */
  finish(profile: SizeProfile): void {
    if (!this.handedOver && !profile.clustered)
      this.hooks.bigFileDownloaded?.(this.binary ?? concat(this.chunks));
    this.chunks.length = 0;
    this.binary = null;
  }
}

/** The events, checked (a LoadError names the first bad one), in slices when very big. */
async function checkEvents(events: EventCollection, file: string, sliced: boolean): Promise<void> {
  try {
    if (sliced) await runStepsPaused(checkEventsSteps(events, 16_384), slicePause());
    else runSteps(checkEventsSteps(events));
  } catch (e) {
    if (e instanceof ShapeError) throw new LoadError(file, e.message);
    throw e;
  }
}

/** Where a source's text is: `../seeds/<id>.txt` from the sources file (so seeds/ beside data/). */
export const textFileOf = (sourcesFile: string, id: string): string => {
  const dir = sourcesFile.split("/").slice(0, -2).join("/");
  return `${dir ? `${dir}/` : ""}seeds/${id}.txt`;
};

/** The sources file and, once it is in, every source's document (or, for one that could not be
 * read, the LoadError that says why). */
function fetchSources(
  baseUrl: string,
  file: string,
): {
  sourcesFile: Promise<SourceCollection>;
  seedTexts: Promise<Array<string | LoadError>>;
} {
  const sourcesFile = fetchJson<SourceCollection>(file, baseUrl).then((sources) => {
    if (!sources || typeof sources !== "object") throw new LoadError(file, "is not an object");
    try {
      checkSources(sources);
    } catch (e) {
      throw e instanceof ShapeError ? new LoadError(file, e.message) : e;
    }
    return sources;
  });
  const seedTexts = sourcesFile.then((sources) =>
    Promise.all(
      sources.sources.map((s) =>
        fetchText(textFileOf(file, s.id), baseUrl).catch((e: unknown) =>
          e instanceof LoadError ? e : new LoadError(textFileOf(file, s.id), String(e)),
        ),
      ),
    ),
  );
  seedTexts.catch(() => {}); // awaited after the events: no unhandled rejection meanwhile
  return { sourcesFile, seedTexts };
}

/** The events file as read, as a FeatureCollection of at most MAX_EVENTS events, or a LoadError. */
function eventCollection(raw: unknown, eventsFile: string): EventCollection {
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
  return events;
}

/** A very big dataset's index, and what the map, the timeline and search would otherwise make at
 * once: every step in slices, so that the page keeps answering while it loads. */
async function indexInSlices(
  events: EventCollection,
  sources: SourceCollection,
  seeds: Record<string, string>,
  hints: ResolveHints,
): Promise<Required<Pick<LoadedData, "index" | "mapFeatures" | "spans" | "order" | "searchText">>> {
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
  const searchText = await runStepsPaused(searchTextSteps(index.events, 2048), pause);
  return { index, mapFeatures, spans, order, searchText };
}
