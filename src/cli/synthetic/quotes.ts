/**
 * The passages a synthetic event may quote: sentences of the seeds/ documents that anchor exactly
 * once, each with its origin (origins.ts), so that generated events pass the validator and their
 * status agrees with how many independent origins they cite.
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { makeLineage } from "../../model/evidence/origins.ts";
import { anchorQuote } from "../../model/text/anchor.ts";
import type { SourceCollection } from "../../model/types.ts";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

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
