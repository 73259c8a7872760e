/**
 * A compact encoding of an event collection for big datasets. GeoJSON repeats every citation in
 * full in every event that cites it, and every date and place basis too, so a big dataset's file
 * is mostly repetition, and reading it (download, text decoding, JSON.parse) a large part of the
 * time to ready (docs/encodings.md). Here the parts that repeat are written once, in tables, and
 * events refer to them by index. Decoding gives back the same events (deep-equal; shared parts
 * are shared objects, which also saves memory) — nothing is dropped, so the validator and the UI
 * see exactly the GeoJSON.
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
import type {
  Citation,
  EventCollection,
  EventDate,
  EventPlace,
  EventProperties,
  SituationEvent,
} from "../types.ts";

export const COMPACT_FORMAT = "vsm-events-compact/1";

/** date, place, actors: −1 when the event has none (invalid data passes through to the validator). */
export type CompactRow = [
  id: string,
  geometry: Geometry | null,
  rest: Record<string, unknown>,
  date: number,
  place: number,
  actors: number,
  citations: number[],
];

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
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { format?: unknown }).format === "string"
  );
}

/** The first line of a streamed compact file ends so (CompactEncoder.head); its rows end at "\n],\n". */
export const ROWS_START = '"events":[\n';
export const ROWS_END = "\n],\n";

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
      event.id,
      event.geometry,
      rest,
      this.dates.ref(date),
      this.places.ref(place),
      this.actors.ref(actors),
      (citations ?? []).map((c) => this.citations.ref(c)),
    ];
  }

  tables(): Pick<CompactCollection, "dates" | "places" | "actors" | "citations"> {
    return {
      dates: this.dates.values,
      places: this.places.values,
      actors: this.actors.values,
      citations: this.citations.values,
    };
  }

  /** For a streamed file: what comes before the rows, and after them (the tables, then the end). */
  static head(count: number): string {
    return `{"format":"${COMPACT_FORMAT}","count":${count},${ROWS_START}`;
  }
  tail(): string {
    return `${ROWS_END}${Object.entries(this.tables())
      .map(([k, v]) => `${JSON.stringify(k)}:${asciiJson(v)}`)
      .join(",\n")}}\n`;
  }
}

/**
 * JSON.stringify with every character past ASCII escaped (ú as \u00fa): the same value, in a
 * text that browsers decode on their ASCII fast path and V8 holds one byte per character — a
 * single curly quote in a citation otherwise makes the whole text of 1M events (hundreds of MB)
 * two bytes per character. The generator writes compact rows and tables this way.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function encodeCompact(collection: EventCollection): CompactCollection {
  const enc = new CompactEncoder();
  const { type: _type, features, ...members } = collection;
  const events = features.map((e) => enc.row(e));
  return {
    format: COMPACT_FORMAT,
    count: events.length,
    events,
    ...enc.tables(),
    ...(Object.keys(members).length ? { collection: members } : {}),
  };
}

export class CompactError extends Error {}

/** Whether a file's text starts like a compact dataset (before parsing it). */
export const looksCompact = (head: string) => /^\s*\{\s*"format"\s*:/.test(head);

/** The event count a compact file (JSON, or binary: binary.ts) announces in its first bytes; null if `head` doesn't say. */
export function compactCountOf(head: string): number | null {
  const m =
    /^\s*\{\s*"format"\s*:\s*"vsm-events-(?:compact|binary)\/\d+"\s*,\s*"count"\s*:\s*(\d+)/.exec(
      head,
    );
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
  checkCount(c, rows.length);
  const decode = rowDecoder(c);
  return collectionOf(
    c,
    rows.map((r, k) => decode(r, k)),
  );
}

export function checkHeader(value: unknown): Partial<CompactCollection> {
  if (!isCompact(value) || value.format !== COMPACT_FORMAT) {
    throw new CompactError(
      `unknown format ${JSON.stringify(isCompact(value) ? value.format : null)} (expected "${COMPACT_FORMAT}")`,
    );
  }
  return value as Partial<CompactCollection>;
}

export function checkCount(c: Partial<CompactCollection>, rows: number): void {
  if (c.count !== rows)
    throw new CompactError(`"count" is ${JSON.stringify(c.count)} but there are ${rows} events`);
}

export function list<K extends keyof CompactCollection>(
  c: Partial<CompactCollection>,
  key: K,
): unknown[] {
  if (!Array.isArray(c[key])) throw new CompactError(`"${key}" is not an array`);
  return c[key] as unknown[];
}

export function collectionOf(
  c: Partial<CompactCollection>,
  features: SituationEvent[],
): EventCollection {
  const members = typeof c.collection === "object" && c.collection !== null ? c.collection : {};
  return withCitationTable(
    { ...members, type: "FeatureCollection", features },
    list(c, "citations") as Citation[],
  );
}

const tables = new WeakMap<EventCollection, readonly Citation[]>();

/** Registers a decoded collection's citation table (every citation object its events share, each
 * once), for citationTableOf. The binary encoding (binary.ts) decodes with the same tables. */
export function withCitationTable(
  collection: EventCollection,
  citations: readonly Citation[],
): EventCollection {
  tables.set(collection, citations);
  return collection;
}

/** The citation table of a collection decoded here: every citation object its events hold (they
 * share them), each once — so the loader anchors each distinct citation without reading every
 * event's citations. */
export function citationTableOf(collection: EventCollection): readonly Citation[] | undefined {
  return tables.get(collection);
}

/** Decodes one row (the k-th) against the tables. `owned`: the rows were parsed here and nothing
 * else holds them, so each row's properties object becomes the event's instead of being copied. */
export function rowDecoder(
  c: Partial<CompactCollection>,
  owned = false,
): (r: unknown, k: number) => SituationEvent {
  const dates = list(c, "dates"),
    places = list(c, "places"),
    actors = list(c, "actors"),
    citations = list(c, "citations");
  const pick = <T>(table: unknown[], name: string, i: unknown, row: number): T | undefined => {
    if (i === -1) return undefined;
    if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= table.length) {
      throw new CompactError(
        `events[${row}]: ${name} reference ${JSON.stringify(i)} is out of range (${table.length} entries)`,
      );
    }
    return table[i] as T;
  };
  return (r, k) => {
    if (
      !Array.isArray(r) ||
      r.length !== 7 ||
      !Array.isArray(r[6]) ||
      typeof r[2] !== "object" ||
      r[2] === null
    ) {
      throw new CompactError(
        `events[${k}] is not [id, geometry, properties, date, place, actors, citations]`,
      );
    }
    const [id, geometry, rest, d, p, a, cs] = r as CompactRow;
    const properties = (owned ? rest : { ...rest }) as unknown as EventProperties;
    const date = pick<EventDate>(dates, "date", d, k),
      place = pick<EventPlace>(places, "place", p, k),
      who = pick<string[]>(actors, "actors", a, k);
    if (date) properties.date = date;
    if (place) properties.place = place;
    if (who) properties.actors = who;
    properties.citations = cs.map((i) => pick<Citation>(citations, "citation", i, k)!);
    return { type: "Feature", id, geometry, properties };
  };
}
