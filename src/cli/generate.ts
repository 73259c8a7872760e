/**
 * `tsx src/cli/generate.ts --count 10000 --out data/synthetic/events-10k.geojson [--seed 1]`:
 * a deterministic synthetic dataset for benchmarks and scale tests, as GeoJSON or, for an `--out`
 * ending in `.vsm.json`, in the compact encoding (src/model/encodings/compact.ts), or `.vsmb`, in the binary
 * one (src/model/encodings/binary.ts). Every event passes the
 * validator: its quotes are sentences that occur exactly once in their seeds/ document, and its
 * status agrees with its citations. JSON output is streamed, so 1M events never sit in one string
 * (the binary encoding's columns are written at the end, once they are known).
 * Next to it goes `<out>.gz`, which the preview server sends as it is (src/build/static-dirs.ts)
 * instead of compressing the file again for every request. Synthetic files are not committed
 * (data/synthetic/ is gitignored).
 */
import { createReadStream, createWriteStream, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Geometry, Position } from "geojson";
import { BinaryEncoder } from "../model/encodings/binary.ts";
import { asciiJson, CompactEncoder } from "../model/encodings/compact.ts";
import { makeLineage } from "../model/evidence/origins.ts";
import { anchorQuote } from "../model/text/anchor.ts";
import type {
  Category,
  Citation,
  DatePrecision,
  EventCollection,
  PlacePrecision,
  SituationEvent,
  SourceCollection,
  Status,
} from "../model/types.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 1, 1); // 2025-02-01
const LAST_DAY = Date.UTC(2026, 0, 31); // 2026-01-31
const CRISIS_START = Date.UTC(2025, 10, 1); // half the events fall in the last three months

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function weighted<T extends string>(r: Rand, table: Record<T, number>): T {
  const entries = Object.entries(table) as [T, number][];
  let x = r() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((x -= w) < 0) return key;
  return entries[entries.length - 1]![0];
}

/** Relative frequency of each category: every one occurs. */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  "security-alert": 4,
  checkpoint: 10,
  "military-strike": 6,
  raid: 8,
  detention: 12,
  prison: 4,
  protest: 14,
  "maritime-seizure": 6,
  "naval-deployment": 6,
  airspace: 5,
  diplomacy: 8,
  statement: 10,
  sanctions: 7,
  policy: 3,
  "military-preparation": 3,
};
const MARITIME = new Set<Category>(["maritime-seizure", "naval-deployment", "military-strike"]);

const CITIES: readonly [string, number, number, number][] = [
  // name, lon, lat, weight (land bias around Venezuelan and Colombian cities)
  ["Caracas", -66.9, 10.48, 20],
  ["Maracaibo", -71.64, 10.65, 8],
  ["Valencia", -68.0, 10.16, 6],
  ["Barquisimeto", -69.32, 10.07, 4],
  ["Maracay", -67.6, 10.25, 4],
  ["Ciudad Guayana", -62.65, 8.35, 3],
  ["Barcelona", -64.69, 10.13, 2],
  ["Maturín", -63.18, 9.75, 2],
  ["Cumaná", -64.17, 10.45, 2],
  ["Mérida", -71.14, 8.59, 3],
  ["San Cristóbal", -72.22, 7.77, 4],
  ["Barinas", -70.21, 8.62, 2],
  ["Ciudad Bolívar", -63.55, 8.12, 2],
  ["Puerto Ayacucho", -67.62, 5.66, 1],
  ["Coro", -69.67, 11.4, 1],
  ["Punto Fijo", -70.21, 11.7, 2],
  ["La Guaira", -66.93, 10.6, 4],
  ["Porlamar", -63.85, 10.96, 2],
  ["Tucupita", -62.05, 9.06, 1],
  ["San Fernando de Apure", -67.47, 7.89, 1],
  ["Bogotá", -74.07, 4.71, 5],
  ["Cúcuta", -72.51, 7.89, 4],
  ["Barranquilla", -74.8, 10.96, 2],
  ["Cartagena", -75.51, 10.39, 2],
  ["Santa Marta", -74.2, 11.24, 1],
  ["Riohacha", -72.91, 11.54, 1],
  ["Medellín", -75.57, 6.25, 2],
  ["Arauca", -70.76, 7.08, 2],
  ["Port of Spain", -61.51, 10.66, 2],
  ["Willemstad", -68.93, 12.11, 1],
  ["Oranjestad", -70.03, 12.52, 1],
  ["Georgetown", -58.16, 6.8, 1],
  ["Boa Vista", -60.67, 2.82, 1],
  ["Santo Domingo", -69.93, 18.49, 1],
  ["San Juan", -66.11, 18.47, 2],
  ["Panama City", -79.52, 8.98, 1],
];
const SEAS: readonly [string, number, number][] = [
  ["Caribbean Sea north of La Guaira", -67, 12.6],
  ["Gulf of Venezuela", -71.2, 11.9],
  ["Caribbean Sea off Aruba", -70.5, 13.5],
  ["Eastern Caribbean", -63.5, 14],
  ["Caribbean Sea south of Puerto Rico", -66.5, 16.5],
  ["Gulf of Paria", -62, 10.3],
  ["Caribbean Sea off Cartagena", -76.5, 11.5],
  ["Atlantic off the Orinoco delta", -59.5, 9.5],
];
const CITY_TOTAL = CITIES.reduce((s, c) => s + c[3], 0);
const ACTORS = [
  "US State Department",
  "US Southern Command",
  "Venezuelan foreign ministry",
  "Bolivarian National Guard",
  "colectivos",
  "Venezuelan opposition",
  "Colombian government",
  "US Treasury",
  "SEBIN",
  "Venezuelan National Assembly",
  "US Coast Guard",
  "FANB",
  "Delcy Rodríguez",
  "human-rights groups",
  "local residents",
];
const TITLES: Record<Category, string> = {
  "security-alert": "Security alert issued for",
  checkpoint: "Checkpoints reported around",
  "military-strike": "Strike reported near",
  raid: "Raid reported in",
  detention: "Detentions reported in",
  prison: "Prisoner releases reported in",
  protest: "Protest held in",
  "maritime-seizure": "Vessel seized in",
  "naval-deployment": "Naval deployment reported in",
  airspace: "Airspace restrictions over",
  diplomacy: "Diplomatic meeting in",
  statement: "Official statement from",
  sanctions: "Sanctions announced affecting",
  policy: "Executive order affecting",
  "military-preparation": "Military preparations reported in",
};

/** One quotable passage: `exact` occurs once in `source` (after the validator's folding). Its
 * `origin` (origins.ts) is what corroboration counts: documents that retell one report share it. */
export interface Quote {
  source: string;
  exact: string;
  origin?: string;
}

export function readSeeds(dir = join(ROOT, "seeds")): Record<string, string> {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith(".txt"))
    .sort();
  return Object.fromEntries(names.map((n) => [n.slice(0, -4), readFileSync(join(dir, n), "utf8")]));
}

/** Sentences (and long sentences' clauses) that anchor uniquely in their source document. */
export function quotePool(
  seeds: Record<string, string>,
  sourceIds: readonly string[] = Object.keys(seeds),
): Quote[] {
  const pool: Quote[] = [];
  for (const source of sourceIds) {
    const text = seeds[source];
    if (text === undefined) continue;
    const seen = new Set<string>();
    const sentences = text.split(/\n+|(?<=[.!?])\s+/).map((s) => s.replace(/\s+/g, " ").trim());
    const pieces = sentences.flatMap((s) =>
      s.length > 160 ? [s, ...s.split(/(?<=[,;:])\s+/)] : [s],
    );
    for (const raw of pieces) {
      const exact = raw.replace(/[,;:]$/, "").trim();
      if (exact.length < 20 || exact.length > 320 || seen.has(exact)) continue;
      seen.add(exact);
      if (anchorQuote(text, { exact }).ok) pool.push({ source, exact });
    }
  }
  return pool;
}

export interface GeneratorContext {
  pool: Quote[];
  bySource: Map<string, Quote[]>;
  sources: string[];
  byOrigin: Map<string, Quote[]>;
  origins: string[];
}

export function generatorContext(
  seeds = readSeeds(),
  sourcesFile = join(ROOT, "data/sources.json"),
): GeneratorContext {
  const collection = JSON.parse(readFileSync(sourcesFile, "utf8")) as SourceCollection;
  const listed = collection.sources.map((s) => s.id);
  const lineage = makeLineage(collection, seeds);
  const pool = quotePool(
    seeds,
    listed.filter((id) => id in seeds),
  ).map((q) => {
    const at = anchorQuote(seeds[q.source]!, q);
    return { ...q, origin: lineage.originOf(q.source, at.ok ? at : null) };
  });
  const bySource = new Map<string, Quote[]>(),
    byOrigin = new Map<string, Quote[]>();
  for (const q of pool) bySource.set(q.source, [...(bySource.get(q.source) ?? []), q]);
  for (const q of pool) byOrigin.set(q.origin, [...(byOrigin.get(q.origin) ?? []), q]);
  const sources = [...bySource.keys()],
    origins = [...byOrigin.keys()];
  if (origins.length < 2)
    throw new Error(
      "need quotable passages from at least two independent origins to corroborate events",
    );
  return { pool, bySource, sources, byOrigin, origins };
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (x: number) => Math.round(x * 1e5) / 1e5;

function makeDate(r: Rand): {
  start: string;
  end?: string;
  precision: DatePrecision;
  basis: string;
} {
  const span = (from: number) => Math.floor(r() * ((LAST_DAY - from) / DAY + 1)) * DAY + from;
  const day = r() < 0.5 ? span(FIRST_DAY) : span(CRISIS_START);
  const precision = weighted<Exclude<DatePrecision, "before">>(r, {
    day: 78,
    week: 9,
    month: 6,
    range: 7,
  });
  const basis = "Synthetic: generated for benchmarking.";
  if (precision === "day") return { start: iso(day), precision, basis };
  if (precision === "month") {
    const d = new Date(day);
    return {
      start: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
      end: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)),
      precision,
      basis,
    };
  }
  const length = precision === "week" ? 6 : 1 + Math.floor(r() * 30);
  const start = Math.min(day, LAST_DAY - length * DAY);
  return { start: iso(start), end: iso(start + length * DAY), precision, basis };
}

/** A point near a (weighted) city, or at sea for maritime categories. */
function anchor(r: Rand, category: Category): { name: string; at: [number, number]; sea: boolean } {
  if (MARITIME.has(category) && r() < 0.7) {
    const [name, lon, lat] = pick(r, SEAS);
    return { name, at: [lon + (r() - 0.5) * 2, lat + (r() - 0.5) * 1.2], sea: true };
  }
  let x = r() * CITY_TOTAL;
  let city = CITIES[0]!;
  for (const c of CITIES)
    if ((x -= c[3]) < 0) {
      city = c;
      break;
    }
  // Roughly normal jitter of a few kilometres to ~30 km around the centre.
  const j = () => (r() + r() + r() - 1.5) * 0.2;
  return { name: city[0], at: [city[1] + j(), city[2] + j()], sea: false };
}

function makePlace(
  r: Rand,
  category: Category,
): { geometry: Geometry | null; place: SituationEvent["properties"]["place"] } {
  const { name, at, sea } = anchor(r, category);
  const kind = r();
  const basis = "Synthetic: jittered around a gazetteer point.";
  const pos = (dx: number, dy: number): Position => [round(at[0] + dx), round(at[1] + dy)];
  if (kind < 0.05)
    return {
      geometry: null,
      place: {
        name: r() < 0.5 ? "Venezuela" : name,
        precision: r() < 0.5 ? "country" : "region",
        basis,
      },
    };
  if (kind < 0.13) {
    const n = 2 + Math.floor(r() * 4);
    const coords = Array.from({ length: n }, (_, k) =>
      pos(k * 0.15 + r() * 0.1, (r() - 0.5) * 0.3),
    );
    return {
      geometry: { type: "LineString", coordinates: coords },
      place: { name: `${name} (route)`, precision: sea ? "approximate" : "region", basis },
    };
  }
  if (kind < 0.19) {
    // A small counter-clockwise (RFC 7946) polygon around the anchor.
    const n = 5 + Math.floor(r() * 4),
      size = 0.05 + r() * 0.4;
    const ring = Array.from({ length: n }, (_, k) => {
      const a = (2 * Math.PI * k) / n,
        rad = size * (0.7 + 0.3 * r());
      return pos(Math.cos(a) * rad, Math.sin(a) * rad);
    });
    return {
      geometry: { type: "Polygon", coordinates: [[...ring, ring[0]!]] },
      place: { name: `${name} area`, precision: "region", basis },
    };
  }
  const precision = weighted<PlacePrecision>(r, {
    exact: 30,
    approximate: 25,
    city: 45,
    region: 0,
    country: 0,
  });
  const place: SituationEvent["properties"]["place"] = { name, precision, basis };
  if (precision === "city") place.radius_km = 5 + Math.round(r() * 10);
  if (precision === "approximate") place.radius_km = 1 + Math.round(r() * 25);
  return { geometry: { type: "Point", coordinates: pos(0, 0) }, place };
}

function makeCitations(r: Rand, ctx: GeneratorContext, status: Status): Citation[] {
  const quote = (source?: string): Quote => pick(r, source ? ctx.bySource.get(source)! : ctx.pool);
  const cite = (q: Quote, stance: Citation["stance"]): Citation => ({
    source: q.source,
    exact: q.exact,
    stance,
  });
  const first = quote();
  const stance = r() < 0.85 ? "reports" : "claims";
  // Corroboration is two origins that report the event: a claim relayed does not vouch for it.
  const out = [cite(first, status === "corroborated" ? "reports" : stance)];
  if (status === "corroborated") {
    const other = pick(
      r,
      ctx.origins.filter((o) => o !== first.origin),
    );
    out.push(cite(pick(r, ctx.byOrigin.get(other)!), "reports"));
    if (r() < 0.3) out.push(cite(quote(), "reports"));
  } else if (status === "disputed") {
    let denial = quote();
    while (denial === first) denial = quote();
    out.push(cite(denial, "denies"));
  } else if (r() < 0.25) {
    out.push(cite(quote(first.source), "reports"));
  }
  // The same passage cited twice by one event is pointless: drop repeats (never the denial).
  return out.filter(
    (c, k) => out.findIndex((d) => d.source === c.source && d.exact === c.exact) === k,
  );
}

export function syntheticEvent(r: Rand, ctx: GeneratorContext, index: number): SituationEvent {
  const category = weighted(r, CATEGORY_WEIGHTS);
  const status = weighted<Status>(r, { reported: 62, corroborated: 28, disputed: 10 });
  const { geometry, place } = makePlace(r, category);
  const date = makeDate(r);
  const actors = [...new Set([pick(r, ACTORS), ...(r() < 0.4 ? [pick(r, ACTORS)] : [])])];
  const citations = makeCitations(r, ctx, status);
  return {
    type: "Feature",
    id: `syn-${String(index).padStart(6, "0")}`,
    geometry,
    properties: {
      title: `${TITLES[category]} ${place.name} (#${index})`,
      summary: `Synthetic ${category} event ${index}, ${status}, for scale testing; ${actors.join(" and ")} involved.`,
      category,
      actors,
      date,
      place,
      status,
      citations,
    },
  };
}

/** The events, one at a time: same (count, seed) → same events. */
export function* generateEvents(
  count: number,
  seed = 1,
  ctx = generatorContext(),
): Generator<SituationEvent> {
  const r = prng(seed);
  for (let i = 0; i < count; i++) yield syntheticEvent(r, ctx, i);
}

export function generateCollection(
  count: number,
  seed = 1,
  ctx = generatorContext(),
): EventCollection {
  return { type: "FeatureCollection", features: [...generateEvents(count, seed, ctx)] };
}

export type DatasetFormat = "geojson" | "compact" | "binary";

/** `.vsm.json` files are written in the compact encoding (src/model/encodings/compact.ts), `.vsmb` files in the
 * binary one (src/model/encodings/binary.ts), others as GeoJSON. */
export const formatOf = (file: string): DatasetFormat =>
  file.endsWith(".vsm.json") ? "compact" : file.endsWith(".vsmb") ? "binary" : "geojson";

/** The file name ending of each format. */
export const EXTENSIONS: Record<DatasetFormat, string> = {
  geojson: ".geojson",
  compact: ".vsm.json",
  binary: ".vsmb",
};

/** Streams the collection to `file` in chunks, respecting back-pressure. Returns bytes written. */
export async function writeDataset(
  file: string,
  count: number,
  seed = 1,
  ctx = generatorContext(),
  format = formatOf(file),
): Promise<number> {
  mkdirSync(dirname(file), { recursive: true });
  const out = createWriteStream(file);
  const write = (s: string | Uint8Array) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((ok) => out.once("drain", ok));
  let bytes = 0;
  if (format === "binary") {
    // Columns are only known whole: the events are encoded one at a time, written at the end.
    const enc = new BinaryEncoder();
    for (const event of generateEvents(count, seed, ctx)) enc.add(event);
    for (const part of enc.parts()) {
      bytes += part.byteLength;
      await write(part);
    }
  } else bytes = await writeJson(write, count, seed, ctx, format);
  await new Promise<void>((ok, fail) => out.end((e?: Error | null) => (e ? fail(e) : ok())));
  await gzipFile(file);
  return bytes;
}

async function writeJson(
  write: (s: string) => Promise<void>,
  count: number,
  seed: number,
  ctx: ReturnType<typeof generatorContext>,
  format: DatasetFormat,
): Promise<number> {
  const compact = format === "compact" ? new CompactEncoder() : null;
  let bytes = 0,
    k = 0;
  let chunk = compact ? CompactEncoder.head(count) : '{"type":"FeatureCollection","features":[\n';
  for (const event of generateEvents(count, seed, ctx)) {
    chunk +=
      (k++ === 0 ? "" : ",\n") + (compact ? asciiJson(compact.row(event)) : JSON.stringify(event));
    if (chunk.length > 1 << 20) {
      bytes += Buffer.byteLength(chunk);
      await write(chunk);
      chunk = "";
    }
  }
  chunk += compact ? compact.tail() : "\n]}\n";
  bytes += Buffer.byteLength(chunk);
  await write(chunk);
  return bytes;
}

/** Writes `<file>.gz` (gzip's default level, as servers compress on the fly), newer than `file`. */
export async function gzipFile(file: string): Promise<void> {
  await pipeline(createReadStream(file), createGzip(), createWriteStream(`${file}.gz`));
}

/** "10k" → 10000, "1m" → 1000000, "250" → 250. */
export function parseCount(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([km]?)$/i.exec(s.trim());
  if (!m) throw new Error(`not a count: "${s}" (use e.g. 1000, 10k, 1m)`);
  return Math.round(
    Number(m[1]) * (m[2]?.toLowerCase() === "k" ? 1e3 : m[2]?.toLowerCase() === "m" ? 1e6 : 1),
  );
}

async function main(argv: string[]): Promise<void> {
  const arg = (name: string) => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const count = parseCount(arg("count") ?? "1000");
  const seed = Number(arg("seed") ?? 1);
  const out = arg("out") ?? `data/synthetic/events-${count}.geojson`;
  const t0 = performance.now();
  const bytes = await writeDataset(out, count, seed);
  console.log(
    `wrote ${count} events (${(bytes / 1e6).toFixed(1)} MB) to ${out} in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((e: Error) => {
    console.error(`generate: ${e.message}`);
    process.exitCode = 1;
  });
}
