/**
 * A binary, columnar encoding of an event collection, for big datasets: the compact encoding's
 * tables (src/model/encodings/compact.ts), with the events as typed columns and one text of their strings
 * instead of JSON rows. Reading compact rows is one JSON.parse of the whole file, which holds the
 * main thread and leaves objects for the collector before the events are even decoded. Here nothing
 * per event is parsed: a point's coordinates are two float64s, its id, title and summary slices of
 * one decoded text, its category, status, date, place, actors and citations small integers.
 * Decoding gives back the same events (deep-equal, as from the compact encoding); what does not
 * fit the columns (a route's or an area's geometry, unusual properties, an id that is not a
 * string) is kept as JSON text for that event alone, so nothing is dropped.
 *
 *   {"format":"vsm-events-binary/1","count":N,"sections":{name:[offset,bytes],…},…tables}   ⏎
 *   sections (little-endian, each at a multiple of 8 bytes from the end of the first line)
 *
 * The first line is the header, ASCII JSON padded with spaces so that the sections start at a
 * multiple of 8; `count` comes first, so a reader can refuse a dataset from its first bytes.
 *
 *   kind  u8[N]     bits 0–1 geometry: 0 null, 1 a point in `xy`, 2 JSON text; 4: properties as
 *                   JSON text (else title and summary texts, category and status codes); 8: id as JSON
 *   xy    f64[2N]   a point's [lon, lat] (0 otherwise)
 *   refs  i32[3N]   date, place, actors: indexes into the header's tables, −1 for none
 *   codes u8[2N]    category, status: indexes into the header's `categories` and `statuses`
 *   cited u32[N+1]  where each event's citations start in `cites` (the last: their number)
 *   cites u32[…]    indexes into the header's `citations`
 *   stops u32[S+1]  where each string starts in `text`, in UTF-16 code units (the last: its length)
 *   text            the strings, event after event: id, then title and summary (or the properties'
 *                   JSON), then the geometry's JSON if it has one. In the header's `text` encoding:
 *                   "latin1" (one byte per character) when every character is below U+0100 and
 *                   none is a C1 control (U+0080–U+009F), so that windows-1252, which browsers
 *                   decode for "latin1", reads the same; "utf-8" otherwise. Latin-1 decodes
 *                   faster (docs/performance-log.md).
 */
import type { Geometry } from "geojson";
import {
  asciiJson,
  CompactEncoder,
  CompactError,
  type CompactCollection,
  withCitationTable,
} from "./compact.ts";
import { runSteps, type Steps } from "../slices.ts";
import type {
  Citation,
  EventCollection,
  EventDate,
  EventPlace,
  EventProperties,
  SituationEvent,
} from "../types.ts";

export const BINARY_FORMAT = "vsm-events-binary/1";

const GEOMETRY = 3,
  NULL = 0,
  POINT = 1,
  JSON_GEOMETRY = 2,
  JSON_PROPERTIES = 4,
  JSON_ID = 8;
const SECTIONS = ["kind", "xy", "refs", "codes", "cited", "cites", "stops", "text"] as const;
type Section = (typeof SECTIONS)[number];

/** The properties kept as columns, in this order; anything else makes the properties JSON text. */
const PLAIN = ["title", "summary", "category", "status"];

export interface BinaryHeader
  extends Pick<CompactCollection, "dates" | "places" | "actors" | "citations" | "collection"> {
  format: typeof BINARY_FORMAT;
  count: number;
  sections: Record<Section, [offset: number, bytes: number]>;
  categories: string[];
  statuses: string[];
  text: "latin1" | "utf-8";
}

/** Whether a file's first characters are a binary dataset's header. */
export const looksBinary = (head: string) => head.startsWith(`{"format":"${BINARY_FORMAT}"`);

/** …and its first bytes (a file read as bytes). */
export const bytesLookBinary = (bytes: Uint8Array) =>
  looksBinary(new TextDecoder().decode(bytes.subarray(0, 40)));

const wellFormed = (s: string) =>
  (s as string & { isWellFormed?: () => boolean }).isWellFormed?.() ?? !/\p{Cs}/u.test(s);

/** A growing typed column. */
class Column<A extends Uint8Array | Int32Array | Uint32Array | Float64Array> {
  private data: A;
  length = 0;
  constructor(private readonly make: (n: number) => A) {
    this.data = make(1024);
  }
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  bytes(): Uint8Array {
    const v = this.data.subarray(0, this.length);
    return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  }
}

/** Encodes events one at a time (the generator streams 1M of them); `parts()` at the end. */
export class BinaryEncoder {
  private readonly tables = new CompactEncoder();
  private readonly codes = {
    categories: new Map<string, number>(),
    statuses: new Map<string, number>(),
  };
  private readonly kind = new Column((n) => new Uint8Array(n));
  private readonly xy = new Column((n) => new Float64Array(n));
  private readonly refs = new Column((n) => new Int32Array(n));
  private readonly codeCol = new Column((n) => new Uint8Array(n));
  private readonly cited = new Column((n) => new Uint32Array(n));
  private readonly cites = new Column((n) => new Uint32Array(n));
  private readonly stops = new Column((n) => new Uint32Array(n));
  private readonly strings: string[] = [];
  private units = 0;
  count = 0;

  constructor() {
    this.cited.push(0);
    this.stops.push(0);
  }

  private text(s: string): void {
    this.strings.push(s);
    this.units += s.length;
    this.stops.push(this.units);
  }

  /** The code of a category or status, or −1 when there are 256 already. */
  private code(table: Map<string, number>, value: string): number {
    let c = table.get(value);
    if (c === undefined) {
      if (table.size === 256) return -1;
      table.set(value, (c = table.size));
    }
    return c;
  }

  add(event: SituationEvent): void {
    const [id, geometry, rest, d, p, a, cs] = this.tables.row(event);
    const point =
      geometry?.type === "Point" && isPlainPoint(geometry) ? geometry.coordinates : null;
    const plain = isPlain(rest);
    const category = plain ? this.code(this.codes.categories, rest.category as string) : -1;
    const status = plain ? this.code(this.codes.statuses, rest.status as string) : -1;
    const columns = plain && category >= 0 && status >= 0;
    const stringId = typeof id === "string" && wellFormed(id);
    this.kind.push(
      (geometry === null ? NULL : point ? POINT : JSON_GEOMETRY) |
        (columns ? 0 : JSON_PROPERTIES) |
        (stringId ? 0 : JSON_ID),
    );
    this.xy.push(point ? point[0]! : 0);
    this.xy.push(point ? point[1]! : 0);
    this.refs.push(d);
    this.refs.push(p);
    this.refs.push(a);
    this.codeCol.push(columns ? category : 0);
    this.codeCol.push(columns ? status : 0);
    for (const c of cs) this.cites.push(c);
    this.cited.push(this.cites.length);
    this.text(stringId ? id : JSON.stringify(id ?? null));
    if (columns) {
      this.text(rest.title as string);
      this.text(rest.summary as string);
    } else this.text(JSON.stringify(rest));
    if (geometry !== null && !point) this.text(JSON.stringify(geometry));
    this.count++;
  }

  /** The file, as pieces to write one after the other. `collection`: the FeatureCollection's own
   * members other than type and features (aliases, $schema). */
  parts(collection?: CompactCollection["collection"]): Uint8Array[] {
    const { encoding, bytes: text } = encodeText(this.strings.join(""));
    const bodies: Record<Section, Uint8Array> = {
      kind: this.kind.bytes(),
      xy: this.xy.bytes(),
      refs: this.refs.bytes(),
      codes: this.codeCol.bytes(),
      cited: this.cited.bytes(),
      cites: this.cites.bytes(),
      stops: this.stops.bytes(),
      text,
    };
    const sections = {} as BinaryHeader["sections"];
    const out: Uint8Array[] = [];
    let at = 0;
    for (const name of SECTIONS) {
      sections[name] = [at, bodies[name].byteLength];
      out.push(bodies[name]);
      at += bodies[name].byteLength;
      const pad = (8 - (at % 8)) % 8;
      if (pad) out.push(new Uint8Array(pad));
      at += pad;
    }
    const header: BinaryHeader = {
      format: BINARY_FORMAT,
      count: this.count,
      sections,
      text: encoding,
      categories: [...this.codes.categories.keys()],
      statuses: [...this.codes.statuses.keys()],
      ...this.tables.tables(),
      ...(collection && Object.keys(collection).length ? { collection } : {}),
    };
    // ASCII (the tables' non-ASCII characters escaped), so that its length in bytes is its length.
    let line = asciiJson(header);
    line += `${" ".repeat((8 - ((line.length + 1) % 8)) % 8)}\n`;
    return [new TextEncoder().encode(line), ...out];
  }
}

/** Latin-1 when it reads the same as windows-1252 (see the header comment), else UTF-8. */
function encodeText(s: string): { encoding: BinaryHeader["text"]; bytes: Uint8Array } {
  if (/[\u0080-\u009f\u0100-\uffff]/.test(s))
    return { encoding: "utf-8", bytes: new TextEncoder().encode(s) };
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return { encoding: "latin1", bytes };
}

function isPlainPoint(g: Geometry): g is GeoJSON.Point {
  const keys = Object.keys(g);
  const c = (g as GeoJSON.Point).coordinates;
  return (
    keys.length === 2 &&
    keys[0] === "type" &&
    keys[1] === "coordinates" &&
    Array.isArray(c) &&
    c.length === 2 &&
    typeof c[0] === "number" &&
    typeof c[1] === "number"
  );
}

function isPlain(rest: Record<string, unknown>): boolean {
  const keys = Object.keys(rest);
  return (
    keys.length === PLAIN.length &&
    keys.every(
      (k, i) => k === PLAIN[i] && typeof rest[k] === "string" && wellFormed(rest[k] as string),
    )
  );
}

export function encodeBinary(collection: EventCollection): Uint8Array {
  const enc = new BinaryEncoder();
  const { type: _type, features, ...members } = collection;
  for (const e of features) enc.add(e);
  const parts = enc.parts(members);
  const all = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of parts) all.set(p, (at += p.byteLength) - p.byteLength);
  return all;
}

/** The columns of a binary file, checked against each other (sizes, bounds, monotone offsets). */
class Columns {
  readonly header: BinaryHeader;
  readonly count: number;
  readonly kind: Uint8Array;
  readonly xy: Float64Array;
  readonly refs: Int32Array;
  readonly codes: Uint8Array;
  readonly cited: Uint32Array;
  readonly cites: Uint32Array;
  readonly stops: Uint32Array;
  /** The text as decoded so far, in pieces (decodeText), and where each piece starts in it. */
  private readonly pieces: string[] = [];
  private readonly starts: number[] = [0];
  private piece = 0;
  private readonly textBytes: Uint8Array;

  constructor(bytes: Uint8Array) {
    const nl = bytes.indexOf(10);
    if (nl < 0) throw new CompactError("no header line");
    let header: BinaryHeader;
    try {
      header = JSON.parse(new TextDecoder().decode(bytes.subarray(0, nl))) as BinaryHeader;
    } catch (e) {
      throw new CompactError(`its header is not JSON (${(e as Error).message.slice(0, 120)})`);
    }
    if (header?.format !== BINARY_FORMAT)
      throw new CompactError(
        `unknown format ${JSON.stringify(header?.format ?? null)} (expected "${BINARY_FORMAT}")`,
      );
    const n = header.count;
    if (!Number.isInteger(n) || n < 0) throw new CompactError(`"count" is ${JSON.stringify(n)}`);
    for (const t of ["dates", "places", "actors", "citations", "categories", "statuses"] as const) {
      if (!Array.isArray(header[t])) throw new CompactError(`"${t}" is not an array`);
    }
    this.header = header;
    this.count = n;
    const body = nl + 1;
    const section = (name: Section, width: number, length: number | null): Uint8Array => {
      const s = header.sections?.[name];
      if (
        !Array.isArray(s) ||
        !Number.isInteger(s[0]) ||
        !Number.isInteger(s[1]) ||
        s[0] < 0 ||
        s[1] < 0 ||
        body + s[0] + s[1] > bytes.byteLength
      ) {
        throw new CompactError(
          `section "${name}" is missing or out of the file's ${bytes.byteLength} bytes`,
        );
      }
      if (s[1] % width !== 0 || (length !== null && s[1] !== length * width)) {
        throw new CompactError(
          `section "${name}" has ${s[1]} bytes${length === null ? "" : `, not ${length * width} for ${n} events`}`,
        );
      }
      let v = bytes.subarray(body + s[0], body + s[0] + s[1]);
      if (v.byteOffset % 8 !== 0) v = v.slice(); // typed views need aligned offsets
      return v;
    };
    const view = <A>(
      make: new (b: ArrayBufferLike, o: number, l: number) => A,
      name: Section,
      width: number,
      length: number | null,
    ) => {
      const v = section(name, width, length);
      return new make(v.buffer, v.byteOffset, v.byteLength / width);
    };
    this.kind = section("kind", 1, n);
    this.xy = view(Float64Array, "xy", 8, 2 * n);
    this.refs = view(Int32Array, "refs", 4, 3 * n);
    this.codes = section("codes", 1, 2 * n);
    this.cited = view(Uint32Array, "cited", 4, n + 1);
    this.cites = view(Uint32Array, "cites", 4, null);
    this.stops = view(Uint32Array, "stops", 4, null);
    if (header.text !== "latin1" && header.text !== "utf-8")
      throw new CompactError(
        `"text" is ${JSON.stringify(header.text ?? null)}, not "latin1" or "utf-8"`,
      );
    this.textBytes = section("text", 1, null);
    if (this.cited[0] !== 0 || this.cited[n] !== this.cites.length)
      throw new CompactError(`"cited" does not span the ${this.cites.length} citations`);
    const stops = this.stops;
    if (stops.length === 0 || stops[0] !== 0)
      throw new CompactError(`"stops" do not start the text`);
    for (let i = 1; i < stops.length; i++)
      if (stops[i]! < stops[i - 1]!) throw new CompactError(`"stops" go back at string ${i}`);
    for (let k = 0; k < n; k++)
      if (this.cited[k + 1]! < this.cited[k]!)
        throw new CompactError(`events[${k}]: its citations end before they start`);
  }

  /** Decodes the text TEXT_PIECE bytes at a time, yielding after each piece (so that the text of 1M
   * events is not decoded in one long task), then checks that the stops span it. */
  *decodeText(): Generator<void, void> {
    const decoder = new TextDecoder(this.header.text === "latin1" ? "windows-1252" : "utf-8");
    const bytes = this.textBytes;
    for (let at = 0; at < bytes.byteLength || this.pieces.length === 0; at += TEXT_PIECE) {
      const last = at + TEXT_PIECE >= bytes.byteLength;
      // A UTF-8 character cut between two pieces is decoded whole, in the second (`stream`).
      const piece = decoder.decode(bytes.subarray(at, at + TEXT_PIECE), { stream: !last });
      this.pieces.push(piece);
      this.starts.push(this.starts[this.starts.length - 1]! + piece.length);
      if (!last) yield;
    }
    const length = this.starts[this.starts.length - 1]!;
    if (this.stops[this.stops.length - 1] !== length)
      throw new CompactError(`"stops" do not span the text (${length} characters)`);
  }

  /** How many strings event k has in the text. */
  strings(k: number): number {
    const kind = this.kind[k]!;
    return 1 + (kind & JSON_PROPERTIES ? 1 : 2) + ((kind & GEOMETRY) === JSON_GEOMETRY ? 1 : 0);
  }

  /** The s-th string (from its piece of the text; across pieces if it was cut between them). */
  private str(s: number): string {
    const a = this.stops[s]!,
      b = this.stops[s + 1]!;
    if (a === b) return "";
    const starts = this.starts;
    let p = this.piece;
    if (a < starts[p]! || a >= starts[p + 1]!) p = this.piece = this.pieceAt(a);
    if (b <= starts[p + 1]!) return this.pieces[p]!.slice(a - starts[p]!, b - starts[p]!);
    let out = this.pieces[p]!.slice(a - starts[p]!);
    for (let q = p + 1; q < this.pieces.length && starts[q]! < b; q++)
      out += this.pieces[q]!.slice(0, b - starts[q]!);
    return out;
  }

  /** The piece holding character `a`: the last whose start is at or before it. */
  private pieceAt(a: number): number {
    let lo = 0,
      hi = this.pieces.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= a) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private json(s: number, k: number, what: string): unknown {
    const t = this.str(s);
    try {
      return JSON.parse(t) as unknown;
    } catch {
      throw new CompactError(`events[${k}]: its ${what} is not JSON: ${t.slice(0, 60)}`);
    }
  }

  /** Decodes event k, whose first string is the s-th. */
  event(k: number, s: number): SituationEvent {
    const kind = this.kind[k]!,
      header = this.header;
    if (s + this.strings(k) >= this.stops.length)
      throw new CompactError(`events[${k}]: its strings are past the end of the text`);
    const id = (kind & JSON_ID ? this.json(s, k, "id") : this.str(s)) as string;
    let properties: EventProperties;
    if (kind & JSON_PROPERTIES) {
      const p = this.json(s + 1, k, "properties");
      if (typeof p !== "object" || p === null || Array.isArray(p))
        throw new CompactError(`events[${k}]: its properties are not an object`);
      properties = p as EventProperties;
      s += 2;
    } else {
      const category = header.categories[this.codes[2 * k]!],
        status = header.statuses[this.codes[2 * k + 1]!];
      if (category === undefined || status === undefined)
        throw new CompactError(`events[${k}]: category or status code out of range`);
      properties = {
        title: this.str(s + 1),
        summary: this.str(s + 2),
        category,
        status,
      } as unknown as EventProperties;
      s += 3;
    }
    const g = kind & GEOMETRY;
    if (g === 3) throw new CompactError(`events[${k}]: unknown geometry kind`);
    const geometry =
      g === NULL
        ? null
        : g === POINT
          ? ({ type: "Point", coordinates: [this.xy[2 * k]!, this.xy[2 * k + 1]!] } as Geometry)
          : (this.json(s, k, "geometry") as Geometry);
    const date = this.pick<EventDate>(header.dates, "date", this.refs[3 * k]!, k);
    const place = this.pick<EventPlace>(header.places, "place", this.refs[3 * k + 1]!, k);
    const who = this.pick<string[]>(header.actors, "actors", this.refs[3 * k + 2]!, k);
    if (date) properties.date = date;
    if (place) properties.place = place;
    if (who) properties.actors = who;
    const from = this.cited[k]!,
      to = this.cited[k + 1]!;
    const citations = new Array<Citation>(to - from);
    for (let i = from; i < to; i++)
      citations[i - from] = this.pick<Citation>(header.citations, "citation", this.cites[i]!, k)!;
    properties.citations = citations;
    return { type: "Feature", id, geometry, properties };
  }

  private pick<T>(table: unknown[], name: string, i: number, k: number): T | undefined {
    if (i === -1) return undefined;
    if (i < 0 || i >= table.length)
      throw new CompactError(
        `events[${k}]: ${name} reference ${i} is out of range (${table.length} entries)`,
      );
    return table[i] as T;
  }

  /** The collection, once every event is decoded and `s` strings were read. */
  collection(features: SituationEvent[], s: number): EventCollection {
    if (s !== this.stops.length - 1)
      throw new CompactError(
        `the text holds ${this.stops.length - 1} strings, but the events use ${s}`,
      );
    const members =
      typeof this.header.collection === "object" && this.header.collection !== null
        ? this.header.collection
        : {};
    return withCitationTable(
      { ...members, type: "FeatureCollection", features },
      this.header.citations,
    );
  }
}

/** Bytes of text decoded at a time (see Columns.decodeText). */
const TEXT_PIECE = 1 << 23;

/** The columns, and their text decoded. */
function columns(bytes: Uint8Array): Columns {
  const c = new Columns(bytes);
  for (const _ of c.decodeText());
  return c;
}

/** Back to a FeatureCollection. Throws CompactError naming the first thing wrong with the encoding. */
export function decodeBinary(bytes: Uint8Array): EventCollection {
  return runSteps(decodeBinarySteps(bytes));
}

/** decodeBinary, yielding between pieces of its text and every `slice` events (see slices.ts):
 * a very big file would otherwise be one long task. */
export function* decodeBinarySteps(bytes: Uint8Array, slice = Infinity): Steps<EventCollection> {
  const c = new Columns(bytes);
  for (const _ of c.decodeText()) yield;
  yield;
  const features = new Array<SituationEvent>(c.count);
  let s = 0;
  for (let k = 0; k < c.count; s += c.strings(k), k++) {
    features[k] = c.event(k, s);
    if ((k + 1) % slice === 0 && k + 1 < c.count) yield;
  }
  return c.collection(features, s);
}

/** Only the events whose geometry is not a point or nothing (routes and areas), each with its
 * position among all the events: the extent-tile worker's read. */
export function decodeBinaryExtents(bytes: Uint8Array): {
  count: number;
  rows: [number, SituationEvent][];
} {
  const c = columns(bytes);
  const rows: [number, SituationEvent][] = [];
  for (let k = 0, s = 0; k < c.count; s += c.strings(k), k++) {
    if ((c.kind[k]! & GEOMETRY) === JSON_GEOMETRY) rows.push([k, c.event(k, s)]);
  }
  return { count: c.count, rows };
}
