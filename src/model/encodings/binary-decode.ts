/**
 * Reading the binary encoding (binary.ts): its columns checked against each other, its text decoded
 * in pieces, and each event rebuilt from them; all of them (decodeBinary, in slices:
 * decodeBinarySteps) or the routes and areas alone (decodeBinaryExtents).
 */
import type { Geometry } from "geojson";
import { CompactError, withCitationTable } from "./compact.ts";
import { runSteps, type Steps } from "../slices.ts";
import type {
  Citation,
  EventCollection,
  EventDate,
  EventPlace,
  EventProperties,
  SituationEvent,
} from "../types.ts";
import {
  BINARY_FORMAT,
  type BinaryHeader,
  GEOMETRY,
  JSON_GEOMETRY,
  JSON_ID,
  JSON_PROPERTIES,
  NULL,
  POINT,
  type Section,
} from "./binary.ts";

/** The header line, checked as far as it can be alone, and where the sections start. */
function readHeader(bytes: Uint8Array): { header: BinaryHeader; body: number } {
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
  return { header, body: nl + 1 };
}

/** A section's bytes, checked to lie in the file and to hold `length` items of `width` bytes
 * (null: any number); copied when not 8-aligned, as typed views need aligned offsets. */
function sectionBytes(
  bytes: Uint8Array,
  body: number,
  header: BinaryHeader,
  name: Section,
  width: number,
  length: number | null,
): Uint8Array {
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
      `section "${name}" has ${s[1]} bytes${length === null ? "" : `, not ${length * width} for ${header.count} events`}`,
    );
  }
  let v = bytes.subarray(body + s[0], body + s[0] + s[1]);
  if (v.byteOffset % 8 !== 0) v = v.slice();
  return v;
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
    const { header, body } = readHeader(bytes);
    const n = header.count;
    this.header = header;
    this.count = n;
    const section = (name: Section, width: number, length: number | null) =>
      sectionBytes(bytes, body, header, name, width, length);
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
    this.checkOffsets();
  }

  /** That the citations and the strings are where the offsets say: spanned, and in order. */
  private checkOffsets(): void {
    const { cited, cites, stops, count: n } = this;
    if (cited[0] !== 0 || cited[n] !== cites.length)
      throw new CompactError(`"cited" does not span the ${cites.length} citations`);
    if (stops.length === 0 || stops[0] !== 0)
      throw new CompactError(`"stops" do not start the text`);
    for (let i = 1; i < stops.length; i++)
      if (stops[i]! < stops[i - 1]!) throw new CompactError(`"stops" go back at string ${i}`);
    for (let k = 0; k < n; k++)
      if (cited[k + 1]! < cited[k]!)
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
