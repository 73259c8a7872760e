/**
 * Writing the binary encoding (binary.ts): events one at a time into growing columns, then the
 * header line and the sections, each padded to a multiple of 8 bytes.
 */
import type { Geometry } from "geojson";
import { asciiJson, CompactEncoder, type CompactCollection } from "./compact.ts";
import type { EventCollection, SituationEvent } from "../types.ts";
import {
  BINARY_FORMAT,
  type BinaryHeader,
  JSON_GEOMETRY,
  JSON_ID,
  JSON_PROPERTIES,
  NULL,
  POINT,
  type Section,
  SECTIONS,
} from "./binary.ts";

/** The properties kept as columns, in this order; anything else makes the properties JSON text. */
const PLAIN = ["title", "summary", "category", "status"];

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
