/**
 * A binary, columnar encoding of an event collection, for big datasets: the compact encoding's
 * tables (src/model/encodings/compact.ts), with the events as typed columns and one text of their strings
 * instead of JSON rows. Reading compact rows is one JSON.parse of the whole file, which holds the
 * main thread and leaves objects for the collector before the events are even decoded. Here nothing
 * per event is parsed: a point's coordinates are two float64s, its id, title and summary slices of
 * one decoded text, its category, status, date, place, actors and citations small integers.
 * Decoding gives back the same events (deep-equal, as from the compact encoding); what does not
 * fit the columns (a route's or an area's geometry, unusual properties, an id that is not a
 * string) is kept as JSON text for that event alone, so nothing is dropped. This file holds the
 * format (its header and layout); binary-encode.ts writes it, binary-decode.ts reads it.
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
import type { CompactCollection } from "./compact.ts";

export const BINARY_FORMAT = "vsm-events-binary/1";

/** A kind's bits (see the layout above). */
export const GEOMETRY = 3,
  NULL = 0,
  POINT = 1,
  JSON_GEOMETRY = 2,
  JSON_PROPERTIES = 4,
  JSON_ID = 8;
export const SECTIONS = ["kind", "xy", "refs", "codes", "cited", "cites", "stops", "text"] as const;
export type Section = (typeof SECTIONS)[number];

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
