import { existsSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytesLookBinary } from "../../src/model/encodings/binary.ts";
import { decodeBinary } from "../../src/model/encodings/binary-decode.ts";
import { encodeBinary } from "../../src/model/encodings/binary-encode.ts";
import { CompactEncoder, decodeCompact, encodeCompact } from "../../src/model/encodings/compact.ts";
import { buildFilterIndex } from "../../src/model/query/filter.ts";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { chronologicalOrderByDate } from "../../src/model/query/event-order.ts";
import { pointBuffers } from "../../src/model/markers/point-buffers.ts";
import { CLUSTER_LIMIT, makeMapFeatures } from "../../src/model/markers/map-features.ts";
import type { EventCollection } from "../../src/model/types.ts";
import { loadDataset, LoadError, MAX_EVENTS, MAX_TEXT_BYTES } from "../../src/state/load.ts";

const ROOT = resolve(import.meta.dirname, "../..");

/** A compact dataset above the clustering limit: CLUSTER_LIMIT + 1 copies of the first shipped event. */
const shippedEvents = JSON.parse(
  readFileSync(join(ROOT, "data/events.geojson"), "utf8"),
) as EventCollection;
const BIG = JSON.stringify(
  encodeCompact({
    type: "FeatureCollection",
    features: Array.from({ length: CLUSTER_LIMIT + 1 }, (_, k) => ({
      ...shippedEvents.features[0]!,
      id: `copy-${k}`,
    })),
  }),
);

const BIG_GEOJSON = JSON.stringify(decodeCompact(JSON.parse(BIG)));

/** The same events laid out as the generator streams them (one row per line), for the sliced reader. */
const STREAMED = (() => {
  const enc = new CompactEncoder();
  const features = (JSON.parse(BIG_GEOJSON) as EventCollection).features;
  return (
    CompactEncoder.head(features.length) +
    features.map((e) => JSON.stringify(enc.row(e))).join(",\n") +
    enc.tail()
  );
})();

/** The same big dataset in the binary encoding, and the shipped one. */
const BIG_BINARY = Buffer.from(encodeBinary(JSON.parse(BIG_GEOJSON) as EventCollection));
const SHIPPED_BINARY = Buffer.from(encodeBinary(shippedEvents));

const shippedSources = JSON.parse(readFileSync(join(ROOT, "data/sources.json"), "utf8"));
const ALT_SOURCES = {
  sources: [
    ...shippedSources.sources,
    { ...shippedSources.sources[0], id: "missing" },
    { ...shippedSources.sources[0], id: "fallback" },
  ],
};

// A real HTTP server on 127.0.0.1: the loader's fetch, headers and errors are the real ones.
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/huge.geojson") {
      // Announce more than a browser can hold, send a little, and leave the rest: the loader must
      // refuse on the header alone, without waiting for (or buffering) the body.
      res.writeHead(200, {
        "content-type": "application/geo+json",
        "content-length": String(MAX_TEXT_BYTES + 1),
      });
      res.write('{"type":"FeatureCollection","features":[');
      return;
    }
    const shipped = join(ROOT, req.url ?? "");
    if (
      /^\/(data\/[\w.]+\.(json|geojson)|seeds\/[\w.]+\.txt)$/.test(req.url ?? "") &&
      existsSync(shipped)
    )
      return void res.writeHead(200).end(readFileSync(shipped));
    if (req.url === "/fallback.geojson")
      return void res
        .writeHead(200, { "content-type": "text/html" })
        .end("<!doctype html><html><body>app</body></html>");
    if (req.url === "/data/events.vsm.json")
      return void res
        .writeHead(200)
        .end(
          JSON.stringify(
            encodeCompact(
              JSON.parse(
                readFileSync(join(ROOT, "data/events.geojson"), "utf8"),
              ) as EventCollection,
            ),
          ),
        );
    if (req.url === "/data/bad.vsm.json")
      return void res.writeHead(200).end(
        JSON.stringify({
          format: "vsm-events-compact/1",
          count: 1,
          events: [["x", null, {}, 5, -1, -1, []]],
          dates: [],
          places: [],
          actors: [],
          citations: [],
        }),
      );
    if (req.url === "/million.vsm.json") {
      // A compact file says its count first: refused from that, without waiting for the rest.
      res.writeHead(200, { "content-type": "application/json" });
      res.write(
        `{"format":"vsm-events-compact/1","count":1000001,"events":[\n${'["x",null,{},0,0,0,[0]],\n'.repeat(20)}`,
      );
      return;
    }
    if (req.url === "/many.geojson")
      return void res.writeHead(200).end(
        `{"type":"FeatureCollection","features":[${Array(MAX_EVENTS + 1)
          .fill("{}")
          .join(",")}]}`,
      );
    if (req.url === "/data/big.vsm.json") return void res.writeHead(200).end(BIG);
    if (req.url === "/data/big.geojson") return void res.writeHead(200).end(BIG_GEOJSON);
    if (req.url === "/data/streamed.vsm.json") {
      // In pieces, as a network delivers a big file: rows are parsed as they come.
      res.writeHead(200, { "content-type": "application/json" });
      const bytes = Buffer.from(STREAMED);
      for (let at = 0; at < bytes.length; at += 40_000) res.write(bytes.subarray(at, at + 40_000));
      return void res.end();
    }
    if (req.url === "/data/streamed-bad.vsm.json")
      return void res
        .writeHead(200)
        .end(STREAMED.replace('\n["copy-2000",', '\n["copy-2000" oops,'));
    if (req.url === "/data/big.vsmb") {
      // In pieces and without a length, so that the loader's buffer grows as they come.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      for (let at = 0; at < BIG_BINARY.length; at += 300_000)
        res.write(BIG_BINARY.subarray(at, at + 300_000));
      return void res.end();
    }
    if (req.url === "/data/events.vsmb") return void res.writeHead(200).end(SHIPPED_BINARY);
    if (req.url === "/data/bad.vsmb")
      return void res.writeHead(200).end(SHIPPED_BINARY.subarray(0, SHIPPED_BINARY.length - 100));
    if (req.url === "/million.vsmb") {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.write(
        `{"format":"vsm-events-binary/1","count":1000001,"sections":{"kind":[0,1000001]${" ".repeat(300)}`,
      );
      return;
    }
    // Another sources file, whose texts are ../seeds/ from it: one is missing (404), one is
    // answered with the app's page (an SPA fallback).
    if (req.url === "/alt/data/sources.json")
      return void res.writeHead(200).end(JSON.stringify(ALT_SOURCES));
    const alt = /^\/alt\/seeds\/([\w-]+)\.txt$/.exec(req.url ?? "");
    if (alt?.[1] === "fallback")
      return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html>app");
    if (alt && existsSync(join(ROOT, `seeds/${alt[1]}.txt`)))
      return void res.writeHead(200, { "content-type": "text/plain" }).end(`alt ${alt[1]}`);
    if (req.url === "/alt/data/many-sources.json")
      return void res.writeHead(200).end(
        JSON.stringify({
          sources: Array.from({ length: 10_000 }, (_, k) => ({ id: `s${k}`, title: "t" })),
        }),
      );
    if (req.url === "/alt/data/nan.geojson")
      return void res.writeHead(200).end(
        JSON.stringify({
          ...shippedEvents,
          features: [
            shippedEvents.features[0],
            { ...shippedEvents.features[1], geometry: { type: "Point", coordinates: [0, 0] } },
          ],
        }).replace("[0,0]", "[1e999,0]"),
      );
    if (req.url === "/broken.geojson")
      return void res.writeHead(200).end('{"type": "FeatureCollection", "features": [');
    res.writeHead(404, "Not Found").end();
  });
  // Node closes an idle kept-alive socket after 5 s, and fetch reuses one for 4 s: on a loaded
  // machine the two timers race, and a request sent as the server closes fails ("fetch failed").
  // Idle sockets outlive the tests instead; afterAll closes them.
  server.keepAliveTimeout = 600_000;
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

// The big-file cases build and read ~5 000-event files: seconds on a busy two-core machine.
describe("loadDataset", { timeout: 20_000 }, () => {
  it("loads the shipped dataset over HTTP and resolves every citation", async () => {
    const d = await loadDataset(base);
    expect(d.eventsFile).toBe("data/events.geojson");
    expect(d.index.events.length).toBeGreaterThan(25);
    expect(Object.keys(d.seeds)).toHaveLength(5);
    expect(d.index.unresolved).toEqual([]);
  });

  it("hands a big file's bytes over: a compact one once downloaded, before the load completes", async () => {
    const seen: { bytes: number; parsed: boolean }[] = [];
    let parsed = false;
    const announced: { count: number; handed: number }[] = [];
    const loading = loadDataset(base, "data/big.vsm.json", {
      announced: (count) => announced.push({ count, handed: seen.length }),
      bigFileDownloaded: (b) => seen.push({ bytes: b.byteLength, parsed }),
    }).then((d) => ((parsed = true), d));
    const d = await loading;
    expect(seen).toEqual([{ bytes: Buffer.byteLength(BIG), parsed: false }]);
    // Its count is told from the first bytes, before the download is done.
    expect(announced).toEqual([{ count: CLUSTER_LIMIT + 1, handed: 0 }]);
    expect(d.index.events).toHaveLength(CLUSTER_LIMIT + 1);
    // A big GeoJSON file says no count up front: its bytes are handed over once parsed. Small
    // datasets hand nothing over.
    const big: number[] = [];
    await loadDataset(base, "data/big.geojson", {
      bigFileDownloaded: (b) => big.push(b.byteLength),
    });
    expect(big).toEqual([Buffer.byteLength(BIG_GEOJSON)]);
    const small: string[] = [];
    await loadDataset(base, "data/events.vsm.json", {
      bigFileDownloaded: () => small.push("called"),
    });
    await loadDataset(base, "data/events.geojson", {
      bigFileDownloaded: () => small.push("called"),
    });
    expect(small).toEqual([]);
  });

  it("reads a very big compact file in slices, makes its map features, and hands no bytes to a worker", async () => {
    const handed: number[] = [];
    const [sliced, whole] = await Promise.all([
      loadDataset(base, "data/streamed.vsm.json", {
        slicedAbove: 1000,
        bigFileDownloaded: (b) => handed.push(b.byteLength),
      }),
      loadDataset(base, "data/big.vsm.json"),
    ]);
    expect(sliced.reading).toBe("streamed");
    expect(whole.reading).toBe("whole");
    // The size is decided once, here: the same events, sliced only under the lowered threshold.
    expect(sliced.profile).toMatchObject({
      count: whole.profile.count,
      clustered: false,
      sliced: true,
    });
    expect(whole.profile).toMatchObject({ clustered: false, sliced: false });
    expect(sliced.index.events).toEqual(whole.index.events);
    const { points, ...features } = sliced.mapFeatures!;
    expect(features).toEqual(makeMapFeatures(whole.index.events));
    // What the map, the filters and the list need, made ahead in slices: the same as made at once.
    expect(points).toEqual(pointBuffers(features.markers.features));
    const ix = buildFilterIndex(whole.index.events);
    expect(sliced.spans).toEqual({ starts: ix.starts, ends: ix.ends });
    expect(sliced.order).toEqual(chronologicalOrderByDate(ix.starts, ix.ends));
    expect(whole.spans ?? whole.order).toBeUndefined();
    expect(sliced.searchText).toEqual(buildSearchText(whole.index.events));
    expect(whole.mapFeatures).toBeUndefined();
    expect(handed).toEqual([]);
  });

  it("names a streamed file's broken row as invalid JSON", async () => {
    const err = await loadDataset(base, "data/streamed-bad.vsm.json", { slicedAbove: 1000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(/^data\/streamed-bad\.vsm\.json: invalid JSON \(/);
  });

  it("loads a dataset in the compact encoding to the same index", async () => {
    const [geojson, compact] = await Promise.all([
      loadDataset(base),
      loadDataset(base, "data/events.vsm.json"),
    ]);
    expect(compact.eventsFile).toBe("data/events.vsm.json");
    expect(compact.index.events).toEqual(geojson.index.events);
    expect([...compact.index.passagesBySource]).toEqual([...geojson.index.passagesBySource]);
    expect(compact.index.unresolved).toEqual([]);
  });
});

describe("loadDataset, a binary file", { timeout: 20_000 }, () => {
  it("loads the shipped dataset in the binary encoding to the same index", async () => {
    const [geojson, binary] = await Promise.all([
      loadDataset(base),
      loadDataset(base, "data/events.vsmb"),
    ]);
    expect(binary.reading).toBe("binary");
    expect(binary.index.events).toStrictEqual(geojson.index.events);
    expect([...binary.index.passagesBySource]).toEqual([...geojson.index.passagesBySource]);
    expect(binary.index.unresolved).toEqual([]);
  });

  it("hands a big file's bytes over once decoded, as they came", async () => {
    const announced: number[] = [];
    const handed: Uint8Array[] = [];
    const d = await loadDataset(base, "data/big.vsmb", {
      announced: (n) => announced.push(n),
      bigFileDownloaded: (b) => handed.push(b),
    });
    expect(announced).toEqual([CLUSTER_LIMIT + 1]);
    expect(d.reading).toBe("binary");
    expect(d.index.events).toStrictEqual((JSON.parse(BIG_GEOJSON) as EventCollection).features);
    expect(handed).toHaveLength(1);
    expect(Buffer.from(handed[0]!).equals(BIG_BINARY)).toBe(true);
    expect(bytesLookBinary(handed[0]!)).toBe(true);
    expect(decodeBinary(handed[0]!).features).toHaveLength(CLUSTER_LIMIT + 1);
  });

  it("decodes a very big binary file in slices, makes its map features, and hands no bytes to a worker", async () => {
    const handed: number[] = [];
    const [sliced, whole] = await Promise.all([
      loadDataset(base, "data/big.vsmb", {
        slicedAbove: 1000,
        bigFileDownloaded: (b) => handed.push(b.byteLength),
      }),
      loadDataset(base, "data/big.vsm.json"),
    ]);
    expect(sliced.index.events).toStrictEqual(whole.index.events);
    const { points, ...features } = sliced.mapFeatures!;
    expect(features).toEqual(makeMapFeatures(whole.index.events));
    expect(points).toEqual(pointBuffers(features.markers.features));
    expect(sliced.searchText).toEqual(buildSearchText(whole.index.events));
    expect(handed).toEqual([]);
  });

  it("refuses a binary dataset with too many events from its first bytes", async () => {
    const err = await loadDataset(base, "million.vsmb").catch((e: unknown) => e);
    expect((err as LoadError).message).toMatch(
      /^million\.vsmb: has 1,000,001 events, more than this map can hold at once/,
    );
  });

  it("reports a broken binary file with what is wrong", async () => {
    const err = await loadDataset(base, "data/bad.vsmb").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(
      /^data\/bad\.vsmb: is not a valid compact dataset: section "text" is missing or out of the file's \d+ bytes$/,
    );
  });
});

describe("loadDataset, another sources file", () => {
  it("reads the texts beside it, and names the ones it could not read", async () => {
    const d = await loadDataset(base, undefined, { sourcesFile: "alt/data/sources.json" });
    const first = shippedSources.sources[0].id;
    expect(d.seeds[first]).toBe(`alt ${first}`);
    expect(Object.keys(d.seeds)).toHaveLength(shippedSources.sources.length);
    expect(d.seeds.constructor, "no text is read from a prototype").toBeUndefined();
    expect(d.missingTexts).toEqual([
      "alt/seeds/missing.txt: HTTP 404 Not Found",
      "alt/seeds/fallback.txt: was not found (the server answered with an HTML page, not text)",
    ]);
    // The shipped quotes are not in these texts: every citation is unresolved, none throws.
    expect(d.index.unresolved.length).toBeGreaterThan(0);
  });

  it("refuses one that names more texts than the page reads", async () => {
    const err = await loadDataset(base, undefined, {
      sourcesFile: "alt/data/many-sources.json",
    }).catch((e: unknown) => e);
    expect((err as LoadError).message).toMatch(
      /^alt\/data\/many-sources\.json: names 10,000 source documents, more than this map reads/,
    );
  });
});

describe("loadDataset errors name the file and the problem", () => {
  it("names the event and field a page cannot show", async () => {
    const err = await loadDataset(base, "alt/data/nan.geojson").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toBe(
      `alt/data/nan.geojson: event 2 ("${shippedEvents.features[1]!.id}") geometry.coordinates holds Infinity where a number should be`,
    );
  });

  it("refuses a dataset too big to read as one text, before downloading it", async () => {
    const err = await loadDataset(base, "huge.geojson").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadError);
    expect((err as LoadError).message).toMatch(
      /^huge\.geojson: is 512 MB, more than a browser can read as one text \(512 MB\); open a smaller extract$/,
    );
  });

  it("refuses a compact dataset with too many events from its first bytes", async () => {
    const err = await loadDataset(base, "million.vsm.json").catch((e: unknown) => e);
    expect((err as LoadError).message).toBe(
      `million.vsm.json: has 1,000,001 events, more than this map can hold at once (${MAX_EVENTS.toLocaleString("en")}); open a smaller extract (a region or a period)`,
    );
  });

  it("refuses a GeoJSON dataset with too many events once parsed", async () => {
    const err = await loadDataset(base, "many.geojson").catch((e: unknown) => e);
    expect((err as LoadError).message).toMatch(
      /^many\.geojson: has 1,000,001 events, more than this map can hold at once/,
    );
  });

  it("reports invalid JSON with the file name", async () => {
    const err = await loadDataset(base, "broken.geojson").catch((e: unknown) => e);
    expect((err as LoadError).message).toMatch(/^broken\.geojson: invalid JSON \(/);
  });

  it("reports a missing file answered by an SPA fallback page as not found", async () => {
    const err = await loadDataset(base, "fallback.geojson").catch((e: unknown) => e);
    expect((err as LoadError).message).toBe(
      "fallback.geojson: was not found (the server answered with an HTML page, not JSON)",
    );
  });

  it("reports a broken compact encoding with what is wrong", async () => {
    const err = await loadDataset(base, "data/bad.vsm.json").catch((e: unknown) => e);
    expect((err as LoadError).message).toBe(
      "data/bad.vsm.json: is not a valid compact dataset: events[0]: date reference 5 is out of range (0 entries)",
    );
  });

  it("reports an HTTP error with its status", async () => {
    const err = await loadDataset(base, "missing.geojson").catch((e: unknown) => e);
    expect((err as LoadError).message).toBe("missing.geojson: HTTP 404 Not Found");
  });
});
