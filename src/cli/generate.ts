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
import { createReadStream, createWriteStream, mkdirSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { BinaryEncoder } from "../model/encodings/binary-encode.ts";
import { asciiJson, CompactEncoder } from "../model/encodings/compact.ts";
import { generateEvents } from "./synthetic/events.ts";
import { generatorContext } from "./synthetic/quotes.ts";

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
