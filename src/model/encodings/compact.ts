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
const ROWS_START = '"events":[\n';
const ROWS_END = "\n],\n";

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

function checkHeader(value: unknown): Partial<CompactCollection> {
  if (!isCompact(value) || value.format !== COMPACT_FORMAT) {
    throw new CompactError(
      `unknown format ${JSON.stringify(isCompact(value) ? value.format : null)} (expected "${COMPACT_FORMAT}")`,
    );
  }
  return value as Partial<CompactCollection>;
}

function checkCount(c: Partial<CompactCollection>, rows: number): void {
  if (c.count !== rows)
    throw new CompactError(`"count" is ${JSON.stringify(c.count)} but there are ${rows} events`);
}

function list<K extends keyof CompactCollection>(c: Partial<CompactCollection>, key: K): unknown[] {
  if (!Array.isArray(c[key])) throw new CompactError(`"${key}" is not an array`);
  return c[key] as unknown[];
}

function collectionOf(c: Partial<CompactCollection>, features: SituationEvent[]): EventCollection {
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
function rowDecoder(
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
