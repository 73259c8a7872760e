/**
 * The hostile-dataset corpus the browser tests open through `data=` (tests/fixtures/hostile/,
 * README there): the small hand-written cases are copied as they are, and the big ones are
 * written here at setup time rather than kept in the repository.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

export const CORPUS = "tests/fixtures/hostile";
const ROOT = resolve(import.meta.dirname, "../..");
/** The length of the big title: 10 MB of text. */
export const BIG_TITLE_LENGTH = 10 * 2 ** 20;
/** How deep the nested arrays go. */
export const DEPTH = 100_000;
export const MANY_SOURCES = 10_000;

const SHIPPED = "000_a4a6dae6575a9c10";

/** One valid event, to carry a hostile field. */
function event(id: string, title: string, extra: Record<string, unknown> = {}) {
  return {
    type: "Feature",
    id,
    geometry: { type: "Point", coordinates: [-66.93, 10.6] },
    properties: {
      title,
      summary: "Test fixture: a hostile dataset, not a curated claim.",
      category: "statement",
      actors: ["Test fixture"],
      date: { start: "2026-01-10", precision: "day", basis: "Test fixture." },
      place: { name: "Caracas", precision: "city", radius_km: 10, basis: "Test fixture." },
      status: "reported",
      citations: [
        {
          source: SHIPPED,
          exact: "US citizens in Venezuela should remain vigilant",
          stance: "reports",
        },
      ],
      ...extra,
    },
  };
}

const collection = (...features: unknown[]) =>
  JSON.stringify({ type: "FeatureCollection", features });

/** `depth` nested arrays around `inner`, as JSON text (no recursion, no deep object). */
const nested = (depth: number, inner: string) => "[".repeat(depth) + inner + "]".repeat(depth);

/** Copies the corpus into `dir` (the served snapshot) and writes the big cases beside it. */
export function writeHostileCorpus(dir: string): void {
  const target = join(dir, CORPUS);
  cpSync(join(ROOT, CORPUS), target, { recursive: true });
  const data = join(target, "generated");
  mkdirSync(data, { recursive: true });
  writeFileSync(
    join(data, "big-title.geojson"),
    collection(event("big-title", "A".repeat(BIG_TITLE_LENGTH))),
  );
  const deep = collection(event("deep-geometry", "Deeply nested coordinates"));
  writeFileSync(
    join(data, "deep-geometry.geojson"),
    deep.replace("[-66.93,10.6]", nested(DEPTH, "-66.93,10.6")),
  );
  const deepProperty = collection(event("deep-property", "Deeply nested, unknown property"));
  writeFileSync(
    join(data, "deep-property.geojson"),
    deepProperty.replace('"status":', `"extra":${nested(DEPTH, "1")},"status":`),
  );
  const shipped = JSON.parse(readFileSync(join(ROOT, "data/sources.json"), "utf8"));
  const many = Array.from({ length: MANY_SOURCES }, (_, k) => ({
    ...shipped.sources[0],
    id: `many-${k}`,
  }));
  writeFileSync(join(data, "sources-10000.json"), JSON.stringify({ sources: many }));
}
