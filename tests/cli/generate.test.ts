import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { formatOf, parseCount, writeDataset } from "../../src/cli/generate.ts";
import {
  generateCollection,
  generateEvents,
  generatorContext,
} from "../../src/cli/synthetic/events.ts";
import { readSeeds } from "../../src/cli/synthetic/quotes.ts";
import { bytesLookBinary } from "../../src/model/encodings/binary.ts";
import { decodeBinary } from "../../src/model/encodings/binary-decode.ts";
import { compactCountOf, decodeCompact } from "../../src/model/encodings/compact.ts";
import { buildFilterIndex, filterEvents } from "../../src/model/query/filter.ts";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { CATEGORIES, type SituationEvent } from "../../src/model/types.ts";
import { validateDataset } from "../../src/model/validate/validate.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const SOURCES = readFileSync(join(ROOT, "data/sources.json"), "utf8");
const seeds = readSeeds(join(ROOT, "seeds"));
const ctx = generatorContext(seeds, join(ROOT, "data/sources.json"));
const tmp = mkdtempSync(join(tmpdir(), "vsm-generate-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function validate(text: string) {
  return validateDataset({
    eventsFile: "synthetic.geojson",
    eventsText: text,
    sourcesFile: "data/sources.json",
    sourcesText: SOURCES,
    seeds,
  });
}

/** A deliberately naive filter, written without src/model/query/filter.ts, to check it at scale. */
function naiveFilter(events: readonly SituationEvent[], f: Filters): number[] {
  const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
  const out: number[] = [];
  events.forEach((e, i) => {
    const p = e.properties;
    if (f.categories.length && !f.categories.includes(p.category)) return;
    if (f.statuses.length && !f.statuses.includes(p.status)) return;
    if (f.sources.length && !p.citations.some((c) => f.sources.includes(c.source))) return;
    const start = p.date.start,
      end = p.date.end ?? p.date.start;
    if (f.from && end < f.from) return;
    if (f.to && start > f.to) return;
    const hay = fold(
      [p.title, p.summary, p.place.name, ...p.actors, ...p.citations.map((c) => c.exact)].join(
        " | ",
      ),
    );
    if (
      !fold(f.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((t) => hay.includes(t))
    )
      return;
    out.push(i);
  });
  return out;
}

describe("synthetic dataset generator", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    const a = JSON.stringify(generateCollection(50, 7, ctx));
    expect(JSON.stringify(generateCollection(50, 7, ctx))).toBe(a);
    expect(JSON.stringify(generateCollection(50, 8, ctx))).not.toBe(a);
  });

  it("generates 1k events that pass the validator with zero errors and a realistic mix", () => {
    const { problems, summary } = validate(JSON.stringify(generateCollection(1000, 1, ctx)));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(summary?.events).toBe(1000);
    for (const c of CATEGORIES) expect(summary!.categories[c], c).toBeGreaterThan(10);
    expect(summary!.datePrecisions.day).toBeGreaterThan(600);
    for (const p of ["week", "month", "range"])
      expect(summary!.datePrecisions[p], p).toBeGreaterThan(20);
    expect(summary!.disputed).toBeGreaterThan(30);
    expect(summary!.corroborated).toBeGreaterThan(150);
    expect(summary!.nullGeometry).toBeGreaterThan(20);
    expect(summary!.nullGeometry).toBeLessThan(100);
  });

  it("uses slug ids like syn-000123, with radius_km only on points", () => {
    for (const e of generateEvents(300, 3, ctx)) {
      expect(e.id).toMatch(/^syn-\d{6}$/);
      if (e.properties.place.radius_km !== undefined) expect(e.geometry?.type).toBe("Point");
    }
  });

  it("generates 10k valid events on which filterEvents agrees with a naive filter", {
    timeout: 120_000,
  }, () => {
    const collection = generateCollection(10_000, 1, ctx);
    const { problems, summary } = validate(JSON.stringify(collection));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const share = (n: number) => n / 10_000;
    expect(share(summary!.categories.protest!)).toBeGreaterThan(
      share(summary!.categories["security-alert"]!),
    );
    for (const c of CATEGORIES) expect(share(summary!.categories[c]!), c).toBeGreaterThan(0.02);

    const events = collection.features;
    const text = buildSearchText(events);
    const index = buildFilterIndex(events);
    const filters: Filters[] = [
      {
        ...emptyFilters(),
        categories: ["protest", "detention"],
        statuses: ["corroborated", "disputed"],
        from: "2025-11-01",
        to: "2025-12-15",
      },
      { ...emptyFilters(), sources: ["001_63de899742715ce7"], from: "2026-01-01" },
      { ...emptyFilters(), q: "caracas" },
      { ...emptyFilters(), q: "bogota detentions", to: "2025-08-31" },
    ];
    for (const f of filters) {
      const expected = naiveFilter(events, f);
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(0);
      expect(filterEvents(events, text, f)).toEqual(expected);
      expect(filterEvents(events, index, f)).toEqual(expected);
    }
  });

  it("streams a file that parses back to the same events", async () => {
    const file = join(tmp, "events.geojson");
    const bytes = await writeDataset(file, 2500, 5, ctx);
    const text = readFileSync(file, "utf8");
    expect(Buffer.byteLength(text)).toBe(bytes);
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(generateCollection(2500, 5, ctx))));
    // And precompressed, newer than the file, for the preview server to send as it is.
    expect(gunzipSync(readFileSync(`${file}.gz`)).toString("utf8")).toBe(text);
    expect(statSync(`${file}.gz`).mtimeMs).toBeGreaterThanOrEqual(statSync(file).mtimeMs);
  });

  it("streams the compact encoding for a .vsm.json file, decoding to the same events", async () => {
    const file = join(tmp, "events.vsm.json");
    expect(formatOf(file)).toBe("compact");
    const bytes = await writeDataset(file, 2500, 5, ctx);
    const text = readFileSync(file, "utf8");
    expect(Buffer.byteLength(text)).toBe(bytes);
    expect(bytes).toBeLessThan(
      Buffer.byteLength(JSON.stringify(generateCollection(2500, 5, ctx))) / 2,
    );
    expect(compactCountOf(text.slice(0, 100))).toBe(2500);
    // Written as ASCII (places like Cúcuta, the seeds' curly quotes, escaped), so a browser holds
    // its text one byte per character; the events are the same.
    expect(JSON.stringify(generateCollection(2500, 5, ctx))).toMatch(/[^\x00-\x7f]/);
    expect(text).not.toMatch(/[^\x00-\x7f]/);
    expect(decodeCompact(JSON.parse(text))).toEqual(
      JSON.parse(JSON.stringify(generateCollection(2500, 5, ctx))),
    );
  });

  it("writes the binary encoding for a .vsmb file, decoding to the same events, and its .gz", async () => {
    const file = join(tmp, "events.vsmb");
    expect(formatOf(file)).toBe("binary");
    const bytes = await writeDataset(file, 2500, 5, ctx);
    const written = readFileSync(file);
    expect(written.byteLength).toBe(bytes);
    expect(bytesLookBinary(written)).toBe(true);
    expect(compactCountOf(written.subarray(0, 100).toString("latin1"))).toBe(2500);
    expect(decodeBinary(written)).toEqual(
      JSON.parse(JSON.stringify(generateCollection(2500, 5, ctx))),
    );
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(written)).toBe(true);
  });

  it("parses counts like 10k and 1m", () => {
    expect([
      parseCount("0"),
      parseCount("250"),
      parseCount("10k"),
      parseCount("1M"),
      parseCount("2.5k"),
    ]).toEqual([0, 250, 10_000, 1_000_000, 2500]);
    expect(() => parseCount("ten")).toThrow(/not a count/);
  });
});
