/**
 * A compact encoding of an event collection for big datasets. GeoJSON repeats every citation in
 * full in every event that cites it, and every date and place basis too: at 100k synthetic events
 * that is 86 MB, and reading it (download, text decoding, JSON.parse) was a third of the time to
 * ready. Here the parts that repeat are written once, in tables, and events refer to them by
 * index. Decoding gives back the same events (deep-equal; shared parts are shared objects, which
 * also saves memory) — nothing is dropped, so the validator and the UI see exactly the GeoJSON.
 *
 *   { "format": "vsm-events-compact/1", "count": 100000,
 *     "events": [[id, geometry, rest, date, place, actors, [citation, …]], …],
 *     "dates": [EventDate, …], "places": [EventPlace, …], "actors": [[string, …], …],
 *     "citations": [Citation, …], "collection"?: { "aliases": …, … } }
 *
 * `rest` is the event's properties without date, place, actors and citations (title, summary,
 * category, status, and anything else); `collection`, the FeatureCollection's own members other
 * than type and features (aliases, $schema). `count` comes first, so a reader can refuse a dataset
 * too big for it from the first bytes; tables come last, so a writer can stream the events.
 */
import type { Geometry } from "geojson";
import type { Citation, EventCollection, EventDate, EventPlace, EventProperties, SituationEvent } from "./types.ts";

export const COMPACT_FORMAT = "vsm-events-compact/1";

/** date, place, actors: −1 when the event has none (invalid data passes through to the validator). */
export type CompactRow = [id: string, geometry: Geometry | null, rest: Record<string, unknown>, date: number, place: number, actors: number, citations: number[]];

export interface CompactCollection {
  format: typeof COMPACT_FORMAT;
  count: number;
  events: CompactRow[];
  dates: EventDate[];
  places: EventPlace[];
  actors: string[][];
  citations: Citation[];
  collection?: Omit<EventCollection, "type" | "features">;
}

export function isCompact(value: unknown): value is { format: string } {
  return typeof value === "object" && value !== null && typeof (value as { format?: unknown }).format === "string";
}

/** Interns JSON values: the same value (by its JSON text) gets the same index. */
class Table<T> {
  readonly values: T[] = [];
  private readonly at = new Map<string, number>();
  ref(value: T | undefined): number {
    if (value === undefined) return -1;
    const key = JSON.stringify(value);
    let i = this.at.get(key);
    if (i === undefined) this.at.set(key, (i = this.values.push(value) - 1));
    return i;
  }
}

/** Encodes events one at a time (the generator streams 1M of them); `tables()` at the end. */
export class CompactEncoder {
  private readonly dates = new Table<EventDate>();
  private readonly places = new Table<EventPlace>();
  private readonly actors = new Table<string[]>();
  private readonly citations = new Table<Citation>();

  row(event: SituationEvent): CompactRow {
    const { date, place, actors, citations, ...rest } = event.properties;
    return [
      event.id, event.geometry, rest, this.dates.ref(date), this.places.ref(place), this.actors.ref(actors),
      (citations ?? []).map((c) => this.citations.ref(c)),
    ];
  }

  tables(): Pick<CompactCollection, "dates" | "places" | "actors" | "citations"> {
    return { dates: this.dates.values, places: this.places.values, actors: this.actors.values, citations: this.citations.values };
  }

  /** For a streamed file: what comes before the rows, and after them (the tables, then the end). */
  static head(count: number): string {
    return `{"format":"${COMPACT_FORMAT}","count":${count},"events":[\n`;
  }
  tail(): string {
    return `\n],\n${Object.entries(this.tables()).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(",\n")}}\n`;
  }
}

export function encodeCompact(collection: EventCollection): CompactCollection {
  const enc = new CompactEncoder();
  const { type: _type, features, ...members } = collection;
  const events = features.map((e) => enc.row(e));
  return { format: COMPACT_FORMAT, count: events.length, events, ...enc.tables(), ...(Object.keys(members).length ? { collection: members } : {}) };
}

export class CompactError extends Error {}

/** Whether a file's text starts like a compact dataset (before parsing it). */
export const looksCompact = (head: string) => /^\s*\{\s*"format"\s*:/.test(head);

/** The event count a compact file announces in its first bytes; null if `head` doesn't say. */
export function compactCountOf(head: string): number | null {
  const m = /^\s*\{\s*"format"\s*:\s*"vsm-events-compact\/\d+"\s*,\s*"count"\s*:\s*(\d+)/.exec(head);
  return m ? Number(m[1]) : null;
}

/**
 * Back to a FeatureCollection. Throws CompactError naming the first thing that is wrong with
 * the encoding itself (an unknown format, a reference out of range); the events it yields are
 * then checked by the validator like any GeoJSON.
 */
export function decodeCompact(value: unknown): EventCollection {
  const c = checkHeader(value);
  const rows = list(c, "events");
  if (c.count !== rows.length) throw new CompactError(`"count" is ${JSON.stringify(c.count)} but there are ${rows.length} events`);
  const decode = rowDecoder(c);
  return collectionOf(c, rows.map((r, k) => decode(r, k)));
}

function checkHeader(value: unknown): Partial<CompactCollection> {
  if (!isCompact(value) || value.format !== COMPACT_FORMAT) {
    throw new CompactError(`unknown format ${JSON.stringify(isCompact(value) ? value.format : null)} (expected "${COMPACT_FORMAT}")`);
  }
  return value as Partial<CompactCollection>;
}

function list<K extends keyof CompactCollection>(c: Partial<CompactCollection>, key: K): unknown[] {
  if (!Array.isArray(c[key])) throw new CompactError(`"${key}" is not an array`);
  return c[key] as unknown[];
}

function collectionOf(c: Partial<CompactCollection>, features: SituationEvent[]): EventCollection {
  const members = typeof c.collection === "object" && c.collection !== null ? c.collection : {};
  return { ...members, type: "FeatureCollection", features };
}

/** Decodes one row (the k-th) against the tables. */
function rowDecoder(c: Partial<CompactCollection>): (r: unknown, k: number) => SituationEvent {
  const dates = list(c, "dates"), places = list(c, "places"), actors = list(c, "actors"), citations = list(c, "citations");
  const pick = <T>(table: unknown[], name: string, i: unknown, row: number): T | undefined => {
    if (i === -1) return undefined;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= table.length) {
      throw new CompactError(`events[${row}]: ${name} reference ${JSON.stringify(i)} is out of range (${table.length} entries)`);
    }
    return table[i] as T;
  };
  return (r, k) => {
    if (!Array.isArray(r) || r.length !== 7 || !Array.isArray(r[6]) || typeof r[2] !== "object" || r[2] === null) {
      throw new CompactError(`events[${k}] is not [id, geometry, properties, date, place, actors, citations]`);
    }
    const [id, geometry, rest, d, p, a, cs] = r as CompactRow;
    const properties = { ...rest } as unknown as EventProperties;
    const date = pick<EventDate>(dates, "date", d, k), place = pick<EventPlace>(places, "place", p, k), who = pick<string[]>(actors, "actors", a, k);
    if (date) properties.date = date;
    if (place) properties.place = place;
    if (who) properties.actors = who;
    properties.citations = cs.map((i) => pick<Citation>(citations, "citation", i, k)!);
    return { type: "Feature", id, geometry, properties };
  };
}

/**
 * A compact file as the generator streams it (CompactEncoder.head, one row per line, tail) read
 * in slices of `slice` rows, calling `pause()` between them: at 1M events one JSON.parse of the
 * whole text held the page for ~9 s; slices keep each task short. null when the text is not laid
 * out that way (then parse it whole). Errors are CompactErrors, or the engine's for bad JSON.
 */
export async function decodeCompactText(text: string, pause: () => Promise<void>, slice = 10_000): Promise<EventCollection | null> {
  const headEnd = text.indexOf("\n");
  const rowsEnd = text.lastIndexOf("\n],\n");
  if (headEnd < 0 || rowsEnd < headEnd || !text.slice(0, headEnd + 1).endsWith('"events":[\n')) return null;
  const header: unknown = JSON.parse(`${text.slice(0, headEnd - '"events":['.length)}"events":[]}`);
  const c = { ...checkHeader(header), ...(JSON.parse(`{${text.slice(rowsEnd + 4)}`) as object) } as Partial<CompactCollection>;
  const decode = rowDecoder(c);
  const features: SituationEvent[] = [];
  let at = headEnd + 1;
  while (at < rowsEnd) {
    // The end of this slice's last row: `slice` line breaks further, or the end of the rows.
    let end = at;
    for (let n = 0; n < slice && end < rowsEnd; n++) {
      const nl = text.indexOf("\n", end);
      end = nl < 0 || nl > rowsEnd ? rowsEnd : nl + 1;
    }
    const part = text.slice(at, end).replace(/,\s*$/, "");
    const rows = JSON.parse(`[${part}]`) as unknown[];
    for (const r of rows) features.push(decode(r, features.length));
    at = end;
    if (at < rowsEnd) await pause();
  }
  if (c.count !== features.length) throw new CompactError(`"count" is ${JSON.stringify(c.count)} but there are ${features.length} events`);
  return collectionOf(c, features);
}
