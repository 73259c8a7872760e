/**
 * From data files to what the UI needs: parsed JSON with problems located by line and column,
 * and an index from every event's citations to the exact passages (original offsets) of its
 * sources, and back from every passage to the events that cite it.
 */
import { makeLineLocator, scanJson } from "./json-scan.ts";
import type { Problem } from "./problem.ts";
import { anchorQuote, type AnchorResult } from "./quote.ts";
import type { Citation, EventCollection, SituationEvent, SourceCollection, SourceDocument } from "./types.ts";

export type ParsedJson =
  | { ok: true; value: unknown; /** Offset of every value by path, e.g. `features[0].id`. */ offsets: Map<string, number> }
  | { ok: false; problem: Problem };

/**
 * JSON.parse, with a failure located by line and column. Node 20 often gives no position at all,
 * and browsers word theirs differently, so the position comes from our own scanner.
 */
export function parseJson(text: string, file: string): ParsedJson {
  // Editors on Windows may save a BOM, which JSON.parse rejects although the file looks right.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let value: unknown;
  let engineMessage: string | undefined;
  try {
    value = JSON.parse(body);
  } catch (error) {
    engineMessage = error instanceof Error ? error.message : String(error);
  }
  const scan = scanJson(body);
  if (engineMessage === undefined) return { ok: true, value, offsets: scan.ok ? scan.offsets : new Map() };

  const position = /at position (\d+)/.exec(engineMessage ?? "");
  const offset = !scan.ok ? scan.offset : position ? Number(position[1]) : body.length;
  const reason = !scan.ok ? scan.message : (engineMessage ?? "not valid JSON").slice(0, 200);
  const { line, column } = makeLineLocator(body)(offset);
  return {
    ok: false,
    problem: {
      severity: "error",
      code: "invalid-json",
      file,
      line,
      column,
      message: `invalid JSON at line ${line}, column ${column}: ${reason}`,
      hint: "fix the syntax there (a missing or extra comma, bracket or quote is the usual cause); nothing else in this file can be checked until it parses",
    },
  };
}

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
}

/**
 * Builds the UI's index. Meant for validated data, but tolerant of bad data: whatever cannot be
 * anchored ends up in `unresolved` instead of throwing. Does not modify its inputs.
 */
export function resolveDataset(
  events: EventCollection,
  sources: SourceCollection,
  seeds: Readonly<Record<string, string>>,
): DatasetIndex {
  const sourceById = new Map(sources.sources.map((source) => [source.id, source] as const));
  const eventById = new Map<string, SituationEvent>();
  const citationsByEvent = new Map<string, ResolvedCitation[]>();
  const passages = new Map<string, Map<string, Passage>>();
  for (const id of sourceById.keys()) passages.set(id, new Map());
  const unresolved: ResolvedCitation[] = [];
  // Big datasets cite the same passages many times over: anchor each distinct selector once.
  const anchors = new Map<string, AnchorResult>();
  const anchorOnce = (text: string, c: Citation): AnchorResult => {
    const key = `${c.source}\u0000${c.exact}\u0000${c.prefix ?? ""}\u0000${c.suffix ?? ""}`;
    let result = anchors.get(key);
    if (!result) anchors.set(key, (result = anchorQuote(text, c)));
    return result;
  };

  for (const event of events.features) {
    if (eventById.has(event.id)) continue; // the validator reports duplicates; first one wins
    eventById.set(event.id, event);
    const resolved = event.properties.citations.map((citation, index): ResolvedCitation => {
      const text = Object.hasOwn(seeds, citation.source) ? seeds[citation.source] : undefined;
      const anchor = text === undefined ? null : anchorOnce(text, citation);
      const range = anchor?.ok ? { start: anchor.start, end: anchor.end } : null;
      return { eventId: event.id, index, citation, range, anchor };
    });
    citationsByEvent.set(event.id, resolved);
    for (const citation of resolved) {
      if (citation.range === null) {
        unresolved.push(citation);
        continue;
      }
      const sourceId = citation.citation.source;
      const bySpan = passages.get(sourceId) ?? new Map<string, Passage>();
      passages.set(sourceId, bySpan);
      const key = `${citation.range.start}:${citation.range.end}`;
      const passage = bySpan.get(key) ?? { sourceId, ...citation.range, citations: [] };
      passage.citations.push({ eventId: citation.eventId, index: citation.index });
      bySpan.set(key, passage);
    }
  }

  const passagesBySource = new Map<string, Passage[]>();
  for (const [sourceId, bySpan] of passages) {
    passagesBySource.set(
      sourceId,
      [...bySpan.values()].sort((a, b) => a.start - b.start || a.end - b.end),
    );
  }
  return {
    events: events.features,
    eventById,
    aliases: new Map(Object.entries(events.aliases ?? {})),
    sourceById,
    citationsByEvent,
    passagesBySource,
    unresolved,
  };
}

/** The event an id names, following one alias hop for links published before a rename. */
export function findEvent(index: DatasetIndex, id: string): SituationEvent | undefined {
  return index.eventById.get(id) ?? index.eventById.get(index.aliases.get(id) ?? "");
}
