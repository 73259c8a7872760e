import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findEvent, resolveDataset } from "../../src/model/dataset.ts";
import type { EventCollection, SourceCollection } from "../../src/model/types.ts";

function readRepo(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
}

function makeSeeds(): Record<string, string> {
  const names = readdirSync(new URL("../../seeds/", import.meta.url)).filter((name) =>
    name.endsWith(".txt"),
  );
  return Object.fromEntries(names.map((name) => [name.slice(0, -4), readRepo(`seeds/${name}`)]));
}

function makeValid(): { events: EventCollection; sources: SourceCollection } {
  return {
    events: JSON.parse(readRepo("tests/fixtures/data/valid.geojson")) as EventCollection,
    sources: JSON.parse(readRepo("tests/fixtures/data/sources.json")) as SourceCollection,
  };
}

describe("resolveDataset", () => {
  it("gives every citation its original offsets in its source", () => {
    const { events, sources } = makeValid();
    const seeds = makeSeeds();
    const index = resolveDataset(events, sources, seeds);
    expect(index.unresolved).toEqual([]);
    const [first] = index.citationsByEvent.get("colectivo-checkpoints-caracas") ?? [];
    const [, denial] = index.citationsByEvent.get("venezuela-denies-alert") ?? [];
    const source = seeds["001_63de899742715ce7"] ?? "";
    // typed with straight quotes, found with the source's curly ones
    expect(denial?.range && source.slice(denial.range.start, denial.range.end)).toBe(
      "“based on fabricated accounts aimed at creating a perception of risk that does not exist”",
    );
    expect(first).toMatchObject({ eventId: "colectivo-checkpoints-caracas", index: 0 });
  });

  it("makes an event's citations when first asked for, once, and lists every event and source", () => {
    const { events, sources } = makeValid();
    const index = resolveDataset(events, sources, makeSeeds());
    const id = events.features[1]!.id;
    const cited = index.citationsByEvent.get(id);
    expect(cited).toHaveLength(events.features[1]!.properties.citations.length);
    expect(index.citationsByEvent.get(id)).toBe(cited);
    expect(index.citationsByEvent.get("no-such-event")).toBeUndefined();
    expect(index.citationsByEvent.has("no-such-event")).toBe(false);
    expect([...index.citationsByEvent.keys()]).toEqual(events.features.map((e) => e.id));
    expect(index.citationsByEvent.size).toBe(events.features.length);
    expect([...index.passagesBySource.keys()]).toEqual(sources.sources.map((x) => x.id));
    const all = [...index.passagesBySource.values()].flat().flatMap((p) => p.citations);
    expect(all).toHaveLength(
      events.features.reduce((n, e) => n + e.properties.citations.length, 0),
    );
  });

  it("lists each source's passages sorted, with every citing event", () => {
    const { events, sources } = makeValid();
    const [alert] = events.features;
    if (alert === undefined) throw new Error("fixture changed");
    // A second event quoting the same passage merges into one passage.
    events.features.push({ ...alert, id: "same-passage", properties: { ...alert.properties } });
    const index = resolveDataset(events, sources, makeSeeds());
    const passages = index.passagesBySource.get("000_a4a6dae6575a9c10") ?? [];
    expect(passages.map((p) => p.start)).toEqual(
      [...passages.map((p) => p.start)].sort((a, b) => a - b),
    );
    expect(passages).toHaveLength(3);
    const shared = passages.find((p) => p.citations.length === 2);
    expect(shared?.citations).toEqual([
      { eventId: "us-security-alert-colectivos", index: 0 },
      { eventId: "same-passage", index: 0 },
    ]);
    expect(index.passagesBySource.get("003_4bd8e0f197e7c778")).toEqual([]);
  });

  it("puts what cannot be anchored in unresolved instead of throwing", () => {
    const { events, sources } = makeValid();
    const seeds = makeSeeds();
    delete seeds["004_de622e2cc4caa2d4"];
    const index = resolveDataset(events, sources, seeds);
    expect(index.unresolved.map((c) => c.eventId).sort()).toEqual([
      "cartel-de-los-soles-designation",
      "uss-ford-caribbean",
    ]);
  });

  it("finds an event by an old id through its alias", () => {
    const { events, sources } = makeValid();
    const index = resolveDataset(events, sources, makeSeeds());
    expect(findEvent(index, "carrier-arrives")?.id).toBe("uss-ford-caribbean");
    expect(findEvent(index, "no-such-event")).toBeUndefined();
  });

  it("does not modify its inputs", () => {
    const { events, sources } = makeValid();
    const copy = structuredClone({ events, sources });
    resolveDataset(events, sources, makeSeeds());
    expect({ events, sources }).toEqual(copy);
  });
});

describe("resolveDataset given the distinct citations (a compact file's table)", () => {
  /** The shipped-like fixture through the compact encoding, with a duplicate id and one citation
   * shared by two events. */
  const compactFixture = async () => {
    const { citationTableOf, decodeCompact, encodeCompact } = await import(
      "../../src/model/encodings/compact.ts"
    );
    const { events, sources } = makeValid();
    const [first] = events.features;
    if (!first) throw new Error("fixture changed");
    events.features.push({
      ...first,
      properties: { ...first.properties, title: "A second event with the first one's id" },
    });
    const decoded = decodeCompact(JSON.parse(JSON.stringify(encodeCompact(events))));
    return { decoded, sources, table: citationTableOf(decoded) };
  };
  const same = (a: ReturnType<typeof resolveDataset>, b: ReturnType<typeof resolveDataset>) => {
    expect(a.unresolved).toEqual(b.unresolved);
    expect([...a.eventById]).toEqual([...b.eventById]);
    expect([...a.citationsByEvent]).toEqual([...b.citationsByEvent]);
    expect([...a.passagesBySource]).toEqual([...b.passagesBySource]);
  };

  it("is told every citation object the decoded events hold", async () => {
    const { decoded, table } = await compactFixture();
    const held = new Set(decoded.features.flatMap((e) => e.properties.citations));
    expect(new Set(table)).toEqual(held);
    expect(table).toHaveLength(held.size);
  });

  it("builds the same index without reading the events' citations, the first event of an id winning", async () => {
    const { decoded, sources, table } = await compactFixture();
    const seeds = makeSeeds();
    // Counts every read of an event's citations.
    let reads = 0;
    const counted = {
      ...decoded,
      features: decoded.features.map((e) => {
        const { citations, ...rest } = e.properties;
        const properties = Object.defineProperty({ ...rest }, "citations", {
          get: () => (reads++, citations),
          enumerable: true,
        });
        return { ...e, properties: properties as typeof e.properties };
      }),
    };
    const hinted = resolveDataset(counted, sources, seeds, { citations: table });
    expect(reads).toBe(0);
    same(hinted, resolveDataset(decoded, sources, seeds));
    expect(hinted.eventById.get(decoded.features[0]!.id)).toBe(counted.features[0]);
    expect(hinted.eventById.size).toBe(decoded.features.length - 1);
  });

  it("reads the events after all when a citation does not anchor, to say whose it is", async () => {
    const { decoded, sources, table } = await compactFixture();
    const seeds = makeSeeds();
    delete seeds["004_de622e2cc4caa2d4"];
    const hinted = resolveDataset(decoded, sources, seeds, { citations: table });
    expect(hinted.unresolved.map((c) => c.eventId).sort()).toEqual([
      "cartel-de-los-soles-designation",
      "uss-ford-caribbean",
    ]);
    same(hinted, resolveDataset(decoded, sources, seeds));
  });

  it("gives the same index read in slices", async () => {
    const { resolveDatasetSteps } = await import("../../src/model/dataset.ts");
    const { runStepsPaused } = await import("../../src/model/slices.ts");
    const { decoded, sources, table } = await compactFixture();
    const seeds = makeSeeds();
    same(
      await runStepsPaused(
        resolveDatasetSteps(decoded, sources, seeds, 3, { citations: table }),
        async () => {},
      ),
      resolveDataset(decoded, sources, seeds),
    );
  });
});

describe("resolveDatasetSteps", () => {
  it("builds the same index as resolveDataset, pausing between slices", async () => {
    const { resolveDatasetSteps } = await import("../../src/model/dataset.ts");
    const { runStepsPaused } = await import("../../src/model/slices.ts");
    const { events, sources } = makeValid();
    const seeds = makeSeeds();
    let pauses = 0;
    const sliced = await runStepsPaused(
      resolveDatasetSteps(events, sources, seeds, 2),
      async () => void pauses++,
    );
    const whole = resolveDataset(events, sources, seeds);
    expect(pauses).toBe(Math.floor(events.features.length / 2));
    expect(sliced.unresolved).toEqual(whole.unresolved);
    expect([...sliced.citationsByEvent]).toEqual([...whole.citationsByEvent]);
    expect([...sliced.passagesBySource]).toEqual([...whole.passagesBySource]);
  });
});
