import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCollection, generatorContext } from "../../../src/cli/synthetic/events.ts";
import { runStepsPaused } from "../../../src/model/slices.ts";
import {
  BINARY_FORMAT,
  bytesLookBinary,
  looksBinary,
} from "../../../src/model/encodings/binary.ts";
import {
  decodeBinary,
  decodeBinaryExtents,
  decodeBinarySteps,
} from "../../../src/model/encodings/binary-decode.ts";
import { BinaryEncoder, encodeBinary } from "../../../src/model/encodings/binary-encode.ts";
import {
  citationTableOf,
  CompactError,
  compactCountOf,
  decodeCompact,
  encodeCompact,
} from "../../../src/model/encodings/compact.ts";
import type { EventCollection, SituationEvent } from "../../../src/model/types.ts";

const shipped = JSON.parse(
  readFileSync(new URL("../../../data/events.geojson", import.meta.url), "utf8"),
) as EventCollection;
const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
const generated = () => viaJson(generateCollection(2000, 3, generatorContext()));

/** The header line of an encoded file, parsed. */
function headerOf(bytes: Uint8Array): Record<string, unknown> {
  return JSON.parse(new TextDecoder().decode(bytes.subarray(0, bytes.indexOf(10)))) as Record<
    string,
    unknown
  >;
}

/** The same file with its header changed (and padded again, so that the sections stay aligned). */
// biome-ignore lint/suspicious/noExplicitAny: a test reshapes the header into shapes no type allows.
function withHeader(bytes: Uint8Array, change: (h: Record<string, any>) => void): Uint8Array {
  const h = headerOf(bytes);
  change(h);
  let line = JSON.stringify(h);
  line += `${" ".repeat((8 - ((line.length + 1) % 8)) % 8)}\n`;
  const head = new TextEncoder().encode(line);
  const out = new Uint8Array(head.byteLength + bytes.byteLength - bytes.indexOf(10) - 1);
  out.set(head);
  out.set(bytes.subarray(bytes.indexOf(10) + 1), head.byteLength);
  return out;
}

describe("binary encoding", () => {
  it("decodes the shipped dataset to exactly what the compact encoding gives, aliases and key order included", () => {
    const withAliases: EventCollection = {
      ...shipped,
      aliases: { "old-id": shipped.features[0]!.id },
    };
    const bytes = encodeBinary(withAliases);
    const decoded = decodeBinary(bytes);
    expect(decoded).toStrictEqual(viaJson(withAliases));
    expect(JSON.stringify(decoded)).toBe(
      JSON.stringify(decodeCompact(viaJson(encodeCompact(withAliases)))),
    );
    // Routes and areas are among them, and an event with no geometry.
    expect(new Set(decoded.features.map((e) => e.geometry?.type ?? null))).toEqual(
      new Set(shipped.features.map((e) => e.geometry?.type ?? null)),
    );
  });

  it("decodes generated events the same, with shared citations listed once in the citation table", () => {
    const collection = generated();
    const bytes = encodeBinary(collection);
    const decoded = decodeBinary(bytes);
    expect(decoded).toStrictEqual(collection);
    expect(bytes.byteLength).toBeLessThan(JSON.stringify(collection).length / 2);
    const table = citationTableOf(decoded)!;
    const used = new Set(decoded.features.flatMap((e) => e.properties.citations));
    expect(table.length).toBe(used.size);
    expect(used.size).toBeLessThan(
      decoded.features.reduce((n, e) => n + e.properties.citations.length, 0) / 4,
    );
    for (const c of used) expect(table).toContain(c);
  });

  it("keeps what does not fit the columns as JSON, for that event alone", () => {
    const [a, b, c, d] = viaJson(shipped.features.slice(0, 4));
    const odd: SituationEvent[] = [
      { ...a!, id: 42 as unknown as string }, // not a string id
      {
        ...b!,
        properties: { ...b!.properties, extra: { nested: [1, 2] } } as SituationEvent["properties"],
      }, // more properties
      { ...c!, geometry: { type: "Point", coordinates: [-66.9, 10.5, 900] } }, // a point with altitude
      { ...d!, properties: { ...d!.properties, title: "lone \ud800 surrogate" } }, // not well-formed text
    ];
    const collection: EventCollection = { type: "FeatureCollection", features: odd };
    const decoded = decodeBinary(encodeBinary(collection));
    expect(decoded).toStrictEqual(collection);
    expect(decoded.features[3]!.properties.title).toBe("lone \ud800 surrogate");
  });

  it("writes the text one byte per character when Latin-1 reads it the same, UTF-8 otherwise", () => {
    const e = viaJson(shipped.features[0]!);
    const titled = (title: string): EventCollection => ({
      type: "FeatureCollection",
      features: [{ ...e, properties: { ...e.properties, title } }],
    });
    for (const [title, text] of [
      ["Cúcuta", "latin1"],
      ["“quoted” — 🛢️", "utf-8"],
      ["a C1 control \u0085", "utf-8"],
    ] as const) {
      const bytes = encodeBinary(titled(title));
      expect(headerOf(bytes).text).toBe(text);
      expect(decodeBinary(bytes).features[0]!.properties.title).toBe(title);
    }
  });

  it("decodes a text of several pieces, with strings and a UTF-8 character cut between them", () => {
    const e = viaJson(shipped.features[0]!);
    const event = (id: string, title: string, summary: string): SituationEvent => ({
      ...e,
      id,
      properties: { ...e.properties, title, summary },
    });
    // The text is decoded 8 MiB at a time. UTF-8: "a" + "bc" puts the é's (2 bytes each) at odd
    // offsets, so the cut at 2^23 falls inside one. Latin-1: one character a byte, a string across the cut.
    for (const [big, tail, text] of [
      ["é".repeat(4_500_001), "€ after the cut", "utf-8"],
      ["a".repeat(9_000_001), "z after the cut", "latin1"],
    ] as const) {
      const collection: EventCollection = {
        type: "FeatureCollection",
        features: [event("a", "bc", big), event("d", "e", tail), event("f", "", "g")],
      };
      const bytes = encodeBinary(collection);
      expect(headerOf(bytes).text).toBe(text);
      expect(decodeBinary(bytes)).toStrictEqual(collection);
    }
  });

  it("falls back to JSON properties beyond 256 categories, and decodes them all", () => {
    const e = viaJson(shipped.features[0]!);
    const features = Array.from({ length: 300 }, (_, k) => ({
      ...e,
      id: `e-${k}`,
      properties: { ...e.properties, category: `c${k}` },
    })) as unknown as SituationEvent[];
    const collection: EventCollection = { type: "FeatureCollection", features };
    expect(decodeBinary(encodeBinary(collection))).toStrictEqual(collection);
  });

  it("reads from a buffer at any offset (Node pools small files at unaligned ones)", () => {
    const bytes = encodeBinary(shipped);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expect(decodeBinary(shifted.subarray(3))).toStrictEqual(viaJson(shipped));
  });

  it("announces its format and count in its first bytes", () => {
    const bytes = encodeBinary(shipped);
    const head = new TextDecoder().decode(bytes.subarray(0, 80));
    expect(looksBinary(head)).toBe(true);
    expect(bytesLookBinary(bytes)).toBe(true);
    expect(
      head.startsWith(`{"format":"${BINARY_FORMAT}","count":${shipped.features.length},`),
    ).toBe(true);
    expect(compactCountOf(head)).toBe(shipped.features.length);
    expect(looksBinary(JSON.stringify(encodeCompact(shipped)).slice(0, 80))).toBe(false);
    // Its sections start at multiples of 8 bytes: the header line is padded.
    expect((bytes.indexOf(10) + 1) % 8).toBe(0);
  });

  it("names what is wrong with a broken file", () => {
    // Without translations, which would make every event's properties JSON text instead of the
    // columns some checks below are about.
    const good = encodeBinary({
      ...shipped,
      features: shipped.features.map(({ properties: { i18n: _, ...p }, ...f }) => ({
        ...f,
        properties: p,
      })),
    });
    const n = shipped.features.length;
    const wrong = (bytes: Uint8Array) => () => decodeBinary(bytes);
    expect(wrong(new TextEncoder().encode('{"format":"vsm-events-binary/1"'))).toThrow(
      new CompactError("no header line"),
    );
    expect(wrong(withHeader(good, (h) => (h.format = "vsm-events-binary/9")))).toThrow(
      /unknown format "vsm-events-binary\/9"/,
    );
    expect(wrong(good.subarray(0, good.byteLength - 4096))).toThrow(
      /section "text" is missing or out of the file's/,
    );
    expect(wrong(withHeader(good, (h) => (h.count = n + 1)))).toThrow(
      `section "kind" has ${n} bytes, not ${n + 1} for ${n + 1} events`,
    );
    expect(wrong(withHeader(good, (h) => (h.citations = h.citations.slice(0, 1))))).toThrow(
      /^events\[\d+\]: citation reference \d+ is out of range \(1 entries\)$/,
    );
    expect(wrong(withHeader(good, (h) => (h.dates = [])))).toThrow(
      "events[0]: date reference 0 is out of range (0 entries)",
    );
    expect(wrong(withHeader(good, (h) => (h.categories = [])))).toThrow(
      "events[0]: category or status code out of range",
    );
    expect(wrong(withHeader(good, (h) => (h.text = "utf-16")))).toThrow(
      /"text" is "utf-16", not "latin1" or "utf-8"/,
    );
    expect(wrong(withHeader(good, (h) => delete h.places))).toThrow(/"places" is not an array/);
    // A geometry kept as JSON that is not JSON.
    const route = shipped.features.findIndex((e) => e.geometry && e.geometry.type !== "Point");
    const broken = new Uint8Array(good);
    const h = headerOf(good) as { sections: Record<string, [number, number]> };
    const body = good.indexOf(10) + 1;
    const stops = new Uint32Array(
      broken.buffer,
      body + h.sections.stops![0],
      h.sections.stops![1] / 4,
    );
    let s = 0;
    for (let k = 0; k < route; k++)
      s +=
        1 +
        2 +
        (shipped.features[k]!.geometry && shipped.features[k]!.geometry!.type !== "Point" ? 1 : 0);
    broken[body + h.sections.text![0] + stops[s + 3]!] = "!".charCodeAt(0); // the first character of its geometry's JSON
    expect(wrong(broken)).toThrow(new RegExp(`^events\\[${route}\\]: its geometry is not JSON: !`));
  });

  it("decodes in slices to the same events, pausing between them", async () => {
    const collection = generated();
    const bytes = encodeBinary(collection);
    let pauses = 0;
    const sliced = await runStepsPaused(decodeBinarySteps(bytes, 300), async () => void pauses++);
    expect(sliced).toStrictEqual(collection);
    expect(pauses).toBe(1 + Math.floor((collection.features.length - 1) / 300));
  });

  it("gives the extent worker only the routes and areas, each with its position", () => {
    const collection = generated();
    const { count, rows } = decodeBinaryExtents(encodeBinary(collection));
    expect(count).toBe(collection.features.length);
    const expected = collection.features
      .map((e, k) => [k, e] as const)
      .filter(([, e]) => e.geometry && e.geometry.type !== "Point");
    expect(rows.length).toBeGreaterThan(100);
    expect(rows).toStrictEqual(expected);
  });

  it("encodes events one at a time as encodeBinary does at once", () => {
    const collection = generated();
    const enc = new BinaryEncoder();
    for (const e of collection.features) enc.add(e);
    const parts = enc.parts();
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    parts.reduce((at, p) => (joined.set(p, at), at + p.byteLength), 0);
    expect(Buffer.from(joined).equals(Buffer.from(encodeBinary(collection)))).toBe(true);
  });
});
