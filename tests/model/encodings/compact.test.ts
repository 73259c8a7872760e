import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCollection, generatorContext } from "../../../src/cli/synthetic/events.ts";
import {
  asciiJson,
  COMPACT_FORMAT,
  CompactError,
  compactCountOf,
  decodeCompact,
  encodeCompact,
  isCompact,
} from "../../../src/model/encodings/compact.ts";
import type { EventCollection } from "../../../src/model/types.ts";

const shipped = JSON.parse(
  readFileSync(new URL("../../../data/events.geojson", import.meta.url), "utf8"),
) as EventCollection;
/** Through JSON and back, as a file on disk would be. */
const viaJson = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe("compact encoding", () => {
  it("decodes the shipped dataset to the same events, aliases included", () => {
    const withAliases: EventCollection = {
      ...shipped,
      aliases: { "old-id": shipped.features[0]!.id },
    };
    const encoded = viaJson(encodeCompact(withAliases));
    expect(encoded.format).toBe(COMPACT_FORMAT);
    expect(isCompact(encoded)).toBe(true);
    expect(decodeCompact(encoded)).toEqual(viaJson(withAliases));
  });

  it("writes each repeated citation, date and place once, and shares it after decoding", () => {
    const collection = generateCollection(2000, 3, generatorContext());
    const encoded = viaJson(encodeCompact(collection));
    const cited = collection.features.reduce((n, e) => n + e.properties.citations.length, 0);
    expect(encoded.citations.length).toBeLessThan(cited / 4);
    expect(encoded.dates.length).toBeLessThan(collection.features.length / 2);
    expect(JSON.stringify(encoded).length).toBeLessThan(JSON.stringify(collection).length / 2);
    const decoded = decodeCompact(encoded);
    expect(decoded).toEqual(viaJson(collection));
    // Two events citing the same passage get the same citation object.
    const byText = new Map<string, object>();
    let shared = 0;
    for (const c of decoded.features.flatMap((e) => e.properties.citations)) {
      const key = `${c.source}|${c.exact}|${c.stance}`;
      if (byText.get(key) === c) shared++;
      byText.set(key, c);
    }
    expect(shared).toBeGreaterThan(0);
  });

  it("keeps an event without date, place or actors as it is, for the validator to report", () => {
    const [first] = viaJson(shipped.features);
    const { date: _d, place: _p, actors: _a, ...rest } = first!.properties;
    const bare = { ...first!, properties: rest } as unknown as EventCollection["features"][number];
    const encoded = viaJson(encodeCompact({ type: "FeatureCollection", features: [bare] }));
    expect(encoded.events[0]!.slice(3, 6)).toEqual([-1, -1, -1]);
    expect(decodeCompact(encoded).features[0]).toEqual(bare);
  });

  it("names what is wrong with a broken encoding", () => {
    const good = viaJson(encodeCompact(shipped));
    expect(() => decodeCompact({ format: "vsm-events-compact/9", events: [] })).toThrow(
      /unknown format "vsm-events-compact\/9"/,
    );
    expect(() => decodeCompact({ ...good, citations: undefined })).toThrow(
      /"citations" is not an array/,
    );
    const outOfRange = viaJson(good);
    outOfRange.events[4]![6] = [0, outOfRange.citations.length];
    expect(() => decodeCompact(outOfRange)).toThrow(
      new CompactError(
        `events[4]: citation reference ${good.citations.length} is out of range (${good.citations.length} entries)`,
      ),
    );
    const badRow = viaJson(good) as unknown as { events: unknown[] };
    badRow.events[2] = ["id-only"];
    expect(() => decodeCompact(badRow)).toThrow(
      /events\[2\] is not \[id, geometry, properties, date, place, actors, citations\]/,
    );
    expect(() => decodeCompact({ type: "FeatureCollection", features: [] })).toThrow(
      /unknown format null/,
    );
    expect(() => decodeCompact({ ...good, count: good.count + 1 })).toThrow(
      `"count" is ${good.count + 1} but there are ${good.count} events`,
    );
  });

  it("writes JSON as ASCII that parses back to the same value", () => {
    const value = {
      title: "Cúcuta — “quoted” ’s",
      emoji: "🛢️",
      plain: 'a\\b"c\n',
      n: [1, null, true],
    };
    const text = asciiJson(value);
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(text).toContain("C\\u00facuta");
    expect(JSON.parse(text)).toEqual(value);
  });

  it("announces its count in its first bytes", () => {
    const text = JSON.stringify(encodeCompact(shipped));
    expect(compactCountOf(text.slice(0, 80))).toBe(shipped.features.length);
    expect(
      compactCountOf('{ "format": "vsm-events-compact/1", "count": 1000000, "events": ['),
    ).toBe(1_000_000);
    expect(compactCountOf('{"type":"FeatureCollection","features":[')).toBeNull();
    expect(compactCountOf('{"format":"vsm-events-compact/1","events":[')).toBeNull();
  });
});

describe("reading a streamed compact file in slices", () => {
  it("gives the same events as parsing it whole, pausing between slices", async () => {
    const { mkdtempSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const { writeDataset } = await import("../../../src/cli/generate.ts");
    const { CompactStream, decodeCompactText } = await import(
      "../../../src/model/encodings/compact-stream.ts"
    );
    const dir = mkdtempSync(join(tmpdir(), "vsm-slices-"));
    try {
      const file = join(dir, "events.vsm.json");
      await writeDataset(file, 2500, 5, generatorContext());
      const text = readFileSync(file, "utf8");
      let pauses = 0;
      const sliced = await decodeCompactText(text, async () => void pauses++, 700);
      expect(sliced).toEqual(decodeCompact(JSON.parse(text)));
      expect(sliced!.features).toHaveLength(2500);
      expect(pauses).toBe(Math.ceil(2500 / 700) - 1);
      // As it downloads: pieces of any size, cut anywhere (inside a row, inside the "\n],\n" that
      // ends the rows), rows parsed in small batches on the way.
      for (const sizes of [[1], [3, 7, 1, 50], [4096], [65_536, 13]]) {
        const stream = new CompactStream(2000);
        let at = 0,
          refused = 0;
        for (let k = 0; at < text.length; k++) {
          const n = sizes[k % sizes.length]!;
          if (!stream.push(text.slice(at, at + n))) refused++;
          at += n;
        }
        expect(refused).toBe(0);
        expect(await stream.end(async () => {})).toEqual(decodeCompact(JSON.parse(text)));
      }
      const rowsEnd = text.indexOf("\n],\n");
      for (const cut of [rowsEnd, rowsEnd + 1, rowsEnd + 2, rowsEnd + 3, rowsEnd + 4]) {
        const stream = new CompactStream(2000);
        stream.push(text.slice(0, cut));
        stream.push(text.slice(cut));
        expect((await stream.end(async () => {}))!.features).toHaveLength(2500);
      }
      // Not laid out one row per line (a compact file written in one go): the caller parses it whole.
      expect(await decodeCompactText(JSON.stringify(JSON.parse(text)), async () => {})).toBeNull();
      // A count that doesn't match the rows is an encoding error, as when parsed whole.
      await expect(
        decodeCompactText(text.replace('"count":2500', '"count":2501'), async () => {}),
      ).rejects.toThrow(CompactError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("reading some rows of a streamed compact file", () => {
  it("decodes only the rows asked for, each with its position, as parsing it whole would", async () => {
    const { CompactEncoder } = await import("../../../src/model/encodings/compact.ts");
    const { decodeSomeRows } = await import("../../../src/model/encodings/compact-stream.ts");
    const events = generateCollection(300, 9, generatorContext()).features;
    const enc = new CompactEncoder();
    const text =
      CompactEncoder.head(events.length) +
      events.map((e) => asciiJson(enc.row(e))).join(",\n") +
      enc.tail();
    const whole = decodeCompact(JSON.parse(text)).features;
    const lines: string[] = [];
    const some = decodeSomeRows(text, (line) => (lines.push(line), lines.length % 3 === 0));
    expect(some!.count).toBe(300);
    expect(lines).toHaveLength(300);
    expect(some!.rows.map(([k]) => k)).toEqual(Array.from({ length: 100 }, (_, j) => 3 * j + 2));
    for (const [k, e] of some!.rows) expect(e).toEqual(whole[k]);
    // No rows at all; a count that doesn't match; a file written in one go (not one row per line).
    expect(
      decodeSomeRows(CompactEncoder.head(0) + new CompactEncoder().tail(), () => true),
    ).toEqual({ count: 0, rows: [] });
    expect(() => decodeSomeRows(text.replace('"count":300', '"count":299'), () => true)).toThrow(
      CompactError,
    );
    expect(decodeSomeRows(JSON.stringify(JSON.parse(text)), () => true)).toBeNull();
  });
});
