/**
 * From data files to what the UI needs: an index from every event's citations to the exact
 * passages (original offsets) of its sources, and back from every passage to the events that cite
 * it. (The validator's located JSON parse is encodings/parse-json.ts.)
 */
import { runSteps, type Steps } from "./slices.ts";
import { makeLineage, type Lineage } from "./evidence/origins.ts";
import { anchorQuote, type AnchorResult } from "./text/anchor.ts";
import type {
  Citation,
  EventCollection,
  SituationEvent,
  SourceCollection,
  SourceDocument,
} from "./types.ts";

export interface TextRange {
  start: number;
  end: number;
}

/** Names one citation: the `index`-th citation of event `eventId`. */
export interface CitationRef {
  eventId: string;
  index: number;
}

export interface ResolvedCitation extends CitationRef {
  citation: Citation;
  /** Where the quote is in the source's text (original offsets, `end` exclusive); null if it
   * could not be anchored (unknown source, quote not found, ambiguous) — the validator says why. */
  range: TextRange | null;
  anchor: AnchorResult | null;
}

/** A span of a source that one or more citations quote; identical spans are merged. */
export interface Passage extends TextRange {
  sourceId: string;
  citations: CitationRef[];
}

export interface DatasetIndex {
  events: readonly SituationEvent[];
  eventById: ReadonlyMap<string, SituationEvent>;
  /** Old id → current id (from the collection's `aliases`). */
  aliases: ReadonlyMap<string, string>;
  sourceById: ReadonlyMap<string, SourceDocument>;
  /** In the order of each event's `citations`. */
  citationsByEvent: ReadonlyMap<string, readonly ResolvedCitation[]>;
  /** Per source id, sorted by start then end. Every source id has an entry, maybe empty. */
  passagesBySource: ReadonlyMap<string, readonly Passage[]>;
  /** Citations whose range is null. */
  unresolved: readonly ResolvedCitation[];
  /** Which passages retell which origin (sources.json `retells`): evidence is counted by origin. */
  lineage: Lineage;
}

/**
 * A read-only map whose values are made on first use (and kept): at 100k events, making every
 * event's resolved citations up front would make 300k objects the UI reads a handful of at a time.
 */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private readonly made = new Map<K, V>();
  constructor(
    private readonly keyList: () => readonly K[],
    private readonly owns: (k: K) => boolean,
    private readonly make: (k: K) => V,
  ) {}
  get(k: K): V | undefined {
    let v = this.made.get(k);
    if (v === undefined && this.owns(k)) this.made.set(k, (v = this.make(k)));
    return v;
  }
  has(k: K): boolean {
    return this.owns(k);
  }
  get size(): number {
    return this.keyList().length;
  }
  *entries(): MapIterator<[K, V]> {
    for (const k of this.keyList()) yield [k, this.get(k)!];
  }
  *keys(): MapIterator<K> {
    yield* this.keyList();
  }
  *values(): MapIterator<V> {
    for (const k of this.keyList()) yield this.get(k)!;
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }
  forEach(f: (v: V, k: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.entries()) f(v, k, this);
  }
}

/** What is known of the events' citations ahead: every distinct citation object they use (a
 * compact file's citation table, see citationTableOf), so that each is anchored once without
 * reading the events' own citations. */
export interface ResolveHints {
  /** Must hold every citation object of the events (it may hold more). */
  citations?: readonly Citation[];
}

/**
 * Builds the UI's index. Meant for validated data, but tolerant of bad data: whatever cannot be
 * anchored ends up in `unresolved` instead of throwing. Does not modify its inputs.
 *
 * Every citation is anchored here (so `unresolved` is known at once), each distinct one once; an
 * event's resolved citations and a source's passages are put together when first asked for.
 * Given the distinct citations (`hints`) and all of them anchor, no event is read at all, and
 * `eventById` is made on first use: for a big dataset it is a noticeable part of loading
 * (docs/performance-log.md).
 */
export function resolveDataset(
  events: EventCollection,
  sources: SourceCollection,
  seeds: Readonly<Record<string, string>>,
  hints: ResolveHints = {},
): DatasetIndex {
  return runSteps(resolveDatasetSteps(events, sources, seeds, Infinity, hints));
}

/** A read-only map filled by `fill` the first time anything is asked of it. */
class FilledOnUse<K, V> implements ReadonlyMap<K, V> {
  constructor(
    private readonly map: Map<K, V>,
    private readonly fill: () => void,
  ) {}
  private get m(): Map<K, V> {
    this.fill();
    return this.map;
  }
  get(k: K): V | undefined {
    return this.m.get(k);
  }
  has(k: K): boolean {
    return this.m.has(k);
  }
  get size(): number {
    return this.m.size;
  }
  entries(): MapIterator<[K, V]> {
    return this.m.entries();
  }
  keys(): MapIterator<K> {
    return this.m.keys();
  }
  values(): MapIterator<V> {
    return this.m.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.m.entries();
  }
  forEach(f: (v: V, k: K, map: ReadonlyMap<K, V>) => void): void {
    for (const [k, v] of this.m) f(v, k, this);
  }
}

/** resolveDataset, yielding every `slice` events (see slices.ts). */
export function* resolveDatasetSteps(
  events: EventCollection,
  sources: SourceCollection,
  seeds: Readonly<Record<string, string>>,
  slice = Infinity,
  hints: ResolveHints = {},
): Steps<DatasetIndex> {
  const sourceById = new Map(sources.sources.map((source) => [source.id, source] as const));
  const unresolved: ResolvedCitation[] = [];
  const anchorer = makeAnchorer(seeds);
  const { anchorOnce, resolve } = anchorer;

  // The events by id, the first of each (the validator reports duplicates), in dataset order.
  const byId = new Map<string, SituationEvent>();
  const order: SituationEvent[] = [];
  const features = events.features;
  let indexed = 0;
  /** Takes in the next event; false if its id is taken already. */
  const take = (event: SituationEvent) => {
    if (byId.has(event.id)) return false;
    byId.set(event.id, event);
    order.push(event);
    return true;
  };
  const indexAll = () => {
    for (; indexed < features.length; indexed++) take(features[indexed]!);
  };
  // Every distinct citation anchors: nothing is unresolved, and no event needs reading now.
  const allAnchor =
    !!hints.citations &&
    hints.citations.every((c) => typeof c === "object" && c !== null && anchorOnce(c)?.ok);
  // Read in slices (1M events), the events are indexed here all the same: made on first use, the
  // map would hold the page for a first click.
  if (!allAnchor || slice !== Infinity) {
    let done = 0;
    for (; indexed < features.length; indexed++) {
      if (++done % slice === 0) yield;
      const event = features[indexed]!;
      if (!take(event) || allAnchor) continue;
      const cs = event.properties.citations;
      for (let k = 0; k < cs.length; k++)
        if (!anchorOnce(cs[k]!)?.ok) unresolved.push(resolve(event, cs[k]!, k));
    }
  }
  anchorer.anchoredAll();
  const eventById = new FilledOnUse(byId, indexAll);

  const citationsByEvent = new LazyMap<string, readonly ResolvedCitation[]>(
    () => (indexAll(), order.map((e) => e.id)),
    (id) => eventById.has(id),
    (id) =>
      eventById.get(id)!.properties.citations.map((c, k) => resolve(eventById.get(id)!, c, k)),
  );

  // All sources' passages in one pass over the citations, the first time any is asked for.
  let passages: Map<string, Passage[]> | null = null;
  const allPassages = () => {
    if (passages) return passages;
    indexAll();
    return (passages = collectPassages(order, sourceById.keys(), anchorer));
  };
  const passagesBySource = new LazyMap<string, readonly Passage[]>(
    () => [...allPassages().keys()],
    (id) => allPassages().has(id),
    (id) => allPassages().get(id)!,
  );

  return {
    events: events.features,
    eventById,
    aliases: new Map(Object.entries(events.aliases ?? {})),
    sourceById,
    citationsByEvent,
    passagesBySource,
    unresolved,
    lineage: makeLineage(sources, seeds),
  };
}

/** Anchors citations in the source texts, each distinct one once, and gives the range a
 * citation resolves to (one object per anchor, shared by the citations that quote it). */
interface Anchorer {
  anchorOnce(c: Citation): AnchorResult | null;
  rangeFor(anchor: AnchorResult | null): TextRange | null;
  resolve(event: SituationEvent, citation: Citation, index: number): ResolvedCitation;
  /** Every citation is anchored now: what is kept for anchoring new quotes is let go. */
  anchoredAll(): void;
}

function makeAnchorer(seeds: Readonly<Record<string, string>>): Anchorer {
  // Big datasets cite the same passages many times over: anchor each distinct selector once.
  const anchors = new Map<string, AnchorResult>();
  // Big datasets share citation objects (the compact encoding writes each citation once): those
  // are looked up by identity, without building a key from the quote for each of 300k citations.
  const anchorsOf = new WeakMap<Citation, AnchorResult | null>();
  const anchorOnce = (c: Citation): AnchorResult | null => {
    let result = anchorsOf.get(c);
    if (result !== undefined) return result;
    const text = Object.hasOwn(seeds, c.source) ? seeds[c.source] : undefined;
    if (text === undefined) result = null;
    else {
      const key = `${c.source}\u0000${c.exact}\u0000${c.prefix ?? ""}\u0000${c.suffix ?? ""}`;
      result = anchors.get(key) ?? null;
      if (!result) anchors.set(key, (result = anchorQuote(text, c)));
    }
    anchorsOf.set(c, result);
    return result;
  };
  const rangeOf = new WeakMap<AnchorResult, TextRange>();
  const rangeFor = (anchor: AnchorResult | null): TextRange | null => {
    if (!anchor?.ok) return null;
    let range = rangeOf.get(anchor);
    if (!range) rangeOf.set(anchor, (range = { start: anchor.start, end: anchor.end }));
    return range;
  };
  return {
    anchorOnce,
    rangeFor,
    resolve(event, citation, index) {
      const anchor = anchorOnce(citation);
      return { eventId: event.id, index, citation, range: rangeFor(anchor), anchor };
    },
    // anchorsOf answers from here on: the quote-keyed map is no longer needed.
    anchoredAll: () => anchors.clear(),
  };
}

/** Every source's passages (identical spans merged, each listing the citations that quote it), in
 * text order, from the events' citations in dataset order. */
function collectPassages(
  order: readonly SituationEvent[],
  sourceIds: Iterable<string>,
  { anchorOnce, rangeFor }: Anchorer,
): Map<string, Passage[]> {
  const bySource = new Map<string, Map<string, Passage>>();
  for (const id of sourceIds) bySource.set(id, new Map());
  const passageOf = new Map<AnchorResult, Passage>();
  for (const event of order) {
    event.properties.citations.forEach((citation, index) => {
      const anchor = anchorOnce(citation);
      const range = rangeFor(anchor);
      if (!range) return;
      let passage = passageOf.get(anchor!);
      if (!passage) {
        const sourceId = citation.source;
        const bySpan = bySource.get(sourceId) ?? new Map<string, Passage>();
        bySource.set(sourceId, bySpan);
        const key = `${range.start}:${range.end}`;
        passage = bySpan.get(key) ?? { sourceId, ...range, citations: [] };
        bySpan.set(key, passage);
        passageOf.set(anchor!, passage);
      }
      passage.citations.push({ eventId: event.id, index });
    });
  }
  return new Map(
    [...bySource].map(([id, bySpan]) => [
      id,
      [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    ]),
  );
}

/** The event an id names, following one alias hop for links published before a rename. */
export function findEvent(index: DatasetIndex, id: string): SituationEvent | undefined {
  return index.eventById.get(id) ?? index.eventById.get(index.aliases.get(id) ?? "");
}
