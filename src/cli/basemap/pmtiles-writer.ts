/**
 * Writes a PMTiles v3 archive (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * one file holding every tile, read by clients with HTTP range requests. npm has readers only,
 * so the build writes its own; tests read what it writes back with the `pmtiles` reader.
 *
 * Layout: the 127-byte header, the root directory, the JSON metadata, leaf directories (only when
 * the root would not fit in the first 16 KB, which clients fetch in one request), then the tile
 * data in tile-id order ("clustered"). Identical tiles are stored once, and a run of neighbouring
 * ids with one content is one directory entry. Directories and metadata are gzipped.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { zxyToTileId } from "pmtiles";

export interface Tile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

/** Header enums of the spec (§ 3): only the values this writer produces. */
export const TILE_TYPE = { mvt: 1 } as const;
export const COMPRESSION = { none: 1, gzip: 2 } as const;

export interface ArchiveOptions {
  tileType: keyof typeof TILE_TYPE;
  /** How tiles are stored. "gzip" compresses each distinct tile here, once. */
  tileCompression: keyof typeof COMPRESSION;
  minZoom: number;
  maxZoom: number;
  /** West, south, east, north in degrees. */
  bounds: readonly [number, number, number, number];
  /** Longitude, latitude, zoom of the default view; the bounds' centre at minZoom when omitted. */
  center?: readonly [number, number, number];
  /** Stored as JSON; for MVT the spec asks for `vector_layers` (TileJSON 3.0). */
  metadata: Record<string, unknown>;
}

/** A directory entry (spec § 4). runLength 0 marks a pointer to a leaf directory. */
export interface Entry {
  tileId: number;
  offset: number;
  length: number;
  runLength: number;
}

export const HEADER_BYTES = 127;
/** Clients fetch the first 16 KB at once: header and root directory must fit in it. */
const FIRST_FETCH_BYTES = 16_384;

/** Little-endian base-128 varint, for values up to 2^53 (plain arithmetic: bit ops are 32-bit). */
export function writeVarint(out: number[], value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`varint out of range: ${value}`);
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

/** Spec § 4.2: count, then columns of tile-id deltas, run lengths, lengths and offsets, where an
 * offset is 0 when the entry follows the previous one's bytes and offset + 1 otherwise. */
export function serializeDirectory(entries: readonly Entry[]): Uint8Array {
  if (entries.length === 0) throw new Error("a PMTiles directory must not be empty");
  const out: number[] = [];
  writeVarint(out, entries.length);
  let lastId = 0;
  for (const e of entries) {
    writeVarint(out, e.tileId - lastId);
    lastId = e.tileId;
  }
  for (const e of entries) writeVarint(out, e.runLength);
  for (const e of entries) writeVarint(out, e.length);
  entries.forEach((e, i) => {
    const prev = entries[i - 1];
    writeVarint(out, prev && e.offset === prev.offset + prev.length ? 0 : e.offset + 1);
  });
  return Uint8Array.from(out);
}

const gzip = (bytes: Uint8Array): Uint8Array => new Uint8Array(gzipSync(bytes, { level: 9 }));

interface Layout {
  root: Uint8Array;
  leaves: Uint8Array;
}

/**
 * The root directory alone when it fits in the first fetch; else leaf directories of
 * `leafSize` entries each, grown until the root that points at them fits (as go-pmtiles does).
 */
function layOutDirectories(entries: readonly Entry[]): Layout {
  const rootOnly = gzip(serializeDirectory(entries));
  if (HEADER_BYTES + rootOnly.length <= FIRST_FETCH_BYTES)
    return { root: rootOnly, leaves: new Uint8Array(0) };
  for (let leafSize = 4096; ; leafSize = Math.ceil(leafSize * 1.2)) {
    const rootEntries: Entry[] = [];
    const leafParts: Uint8Array[] = [];
    let offset = 0;
    for (let i = 0; i < entries.length; i += leafSize) {
      const leaf = gzip(serializeDirectory(entries.slice(i, i + leafSize)));
      rootEntries.push({ tileId: entries[i]!.tileId, offset, length: leaf.length, runLength: 0 });
      leafParts.push(leaf);
      offset += leaf.length;
    }
    const root = gzip(serializeDirectory(rootEntries));
    if (HEADER_BYTES + root.length <= FIRST_FETCH_BYTES) return { root, leaves: concat(leafParts) };
  }
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface Packed {
  entries: Entry[];
  data: Uint8Array;
  addressed: number;
  contents: number;
}

/**
 * Sorts the tiles by id, stores each distinct content once (in the order first met, so the data
 * stays clustered) and merges runs of neighbouring ids with one content into one entry.
 * Empty tiles are left out: the spec forbids zero-length entries, and the reader answers a tile
 * an MVT archive does not hold with an empty tile.
 */
function packTiles(tiles: Iterable<Tile>, o: ArchiveOptions): Packed {
  const byId = new Map<number, Uint8Array>();
  for (const t of tiles) {
    if (t.z < o.minZoom || t.z > o.maxZoom)
      throw new RangeError(`tile ${t.z}/${t.x}/${t.y} is outside zooms ${o.minZoom}–${o.maxZoom}`);
    const id = zxyToTileId(t.z, t.x, t.y);
    if (byId.has(id)) throw new Error(`tile ${t.z}/${t.x}/${t.y} given twice`);
    if (t.data.length > 0) byId.set(id, t.data);
  }
  const stored = new Map<string, { offset: number; length: number }>();
  const parts: Uint8Array[] = [];
  const entries: Entry[] = [];
  let size = 0;
  for (const id of [...byId.keys()].sort((a, b) => a - b)) {
    const raw = byId.get(id)!;
    const key = createHash("sha256").update(raw).digest("base64");
    let blob = stored.get(key);
    if (!blob) {
      const bytes = o.tileCompression === "gzip" ? gzip(raw) : raw;
      blob = { offset: size, length: bytes.length };
      stored.set(key, blob);
      parts.push(bytes);
      size += bytes.length;
    }
    const last = entries[entries.length - 1];
    if (last && last.offset === blob.offset && last.tileId + last.runLength === id)
      last.runLength++;
    else entries.push({ tileId: id, offset: blob.offset, length: blob.length, runLength: 1 });
  }
  if (entries.length === 0) throw new Error("no tiles with content: an archive needs at least one");
  return { entries, data: concat(parts), addressed: byId.size, contents: stored.size };
}

function writeHeader(
  view: DataView,
  at: Record<"root" | "metadata" | "leaves" | "data", [number, number]>,
  p: Packed,
  o: ArchiveOptions,
): void {
  const u64 = (offset: number, v: number) => view.setBigUint64(offset, BigInt(v), true);
  const deg = (offset: number, v: number) => view.setInt32(offset, Math.round(v * 1e7), true);
  for (let i = 0; i < 7; i++) view.setUint8(i, "PMTiles".charCodeAt(i));
  view.setUint8(7, 3);
  [at.root, at.metadata, at.leaves, at.data].forEach(([offset, length], i) => {
    u64(8 + 16 * i, offset);
    u64(16 + 16 * i, length);
  });
  u64(72, p.addressed);
  u64(80, p.entries.length);
  u64(88, p.contents);
  view.setUint8(96, 1); // clustered
  view.setUint8(97, COMPRESSION.gzip);
  view.setUint8(98, COMPRESSION[o.tileCompression]);
  view.setUint8(99, TILE_TYPE[o.tileType]);
  view.setUint8(100, o.minZoom);
  view.setUint8(101, o.maxZoom);
  const [w, s, e, n] = o.bounds;
  for (const [i, v] of [w, s, e, n].entries()) deg(102 + 4 * i, v);
  const [lng, lat, zoom] = o.center ?? [(w + e) / 2, (s + n) / 2, o.minZoom];
  view.setUint8(118, zoom);
  deg(119, lng);
  deg(123, lat);
}

/** The whole archive as bytes. Deterministic: the same tiles and options give the same bytes. */
export function writePmtiles(tiles: Iterable<Tile>, o: ArchiveOptions): Uint8Array {
  if (
    !(
      Number.isInteger(o.minZoom) &&
      Number.isInteger(o.maxZoom) &&
      o.minZoom >= 0 &&
      o.minZoom <= o.maxZoom &&
      o.maxZoom <= 26
    )
  ) {
    throw new RangeError(`bad zoom range ${o.minZoom}–${o.maxZoom}`);
  }
  const [w, s, e, n] = o.bounds;
  if (!(w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90))
    throw new RangeError(`bad bounds ${o.bounds.join(",")}`);
  const packed = packTiles(tiles, o);
  const { root, leaves } = layOutDirectories(packed.entries);
  const metadata = gzip(new TextEncoder().encode(JSON.stringify(o.metadata)));
  const rootAt = HEADER_BYTES;
  const metadataAt = rootAt + root.length;
  const leavesAt = metadataAt + metadata.length;
  const dataAt = leavesAt + leaves.length;
  const out = new Uint8Array(dataAt + packed.data.length);
  writeHeader(
    new DataView(out.buffer),
    {
      root: [rootAt, root.length],
      metadata: [metadataAt, metadata.length],
      leaves: [leavesAt, leaves.length],
      data: [dataAt, packed.data.length],
    },
    packed,
    o,
  );
  out.set(root, rootAt);
  out.set(metadata, metadataAt);
  out.set(leaves, leavesAt);
  out.set(packed.data, dataAt);
  return out;
}
