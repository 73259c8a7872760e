import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatProblem } from "../../src/model/validate/problem.ts";
import { CATEGORIES } from "../../src/model/types.ts";
import {
  RESERVED_CATEGORIES,
  type ValidationResult,
  validateDataset,
} from "../../src/model/validate/validate.ts";

function readRepo(path: string): string {
  return readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
}

function seedNames(): string[] {
  return readdirSync(new URL("../../seeds/", import.meta.url))
    .filter((name) => name.endsWith(".txt"))
    .sort();
}

function validateShipped(): ValidationResult {
  return validateDataset({
    eventsFile: "data/events.geojson",
    eventsText: readRepo("data/events.geojson"),
    sourcesFile: "data/sources.json",
    sourcesText: readRepo("data/sources.json"),
    seeds: Object.fromEntries(
      seedNames().map((name) => [name.slice(0, -4), readRepo(`seeds/${name}`)]),
    ),
  });
}

// Every citation's offsets depend on these exact bytes: a re-encoded or "cleaned up" seed would
// silently move or break every quote, so a changed seed must be a deliberate, visible change.
const SEED_SHA256: Record<string, string> = {
  "000_a4a6dae6575a9c10.txt": "71bf00b7f3d4a873d2d02bd42abb8a8b9282535a95358cb457f3d2031524fe9d",
  "001_63de899742715ce7.txt": "10ab489bd3a35d56f1da05bfb186f9416c9833b7568db3e7d45aced4d84c2307",
  "002_bf7bde4e343e88ef.txt": "3ca7b64883224f4d5a180d2207489a436240e52a217f21491af9007b0f9f5014",
  "003_4bd8e0f197e7c778.txt": "87cf146dc51e915200f72a4fbd0b5ecc17e359dfd3a3c2decfac67d7daf8434a",
  "004_de622e2cc4caa2d4.txt": "be2ce2acb2f2ac1ab1a3b176df86ebca8fc5e71ff2ca16b88182deb10764a235",
};

describe("shipped data", () => {
  it("validates with no errors", () => {
    const errors = validateShipped().problems.filter((problem) => problem.severity === "error");
    expect(errors.map(formatProblem)).toEqual([]);
  });

  it("cites every source document at least once", () => {
    const summary = validateShipped().summary;
    const uncited = seedNames()
      .map((name) => name.slice(0, -4))
      .filter((id) => (summary?.citationsPerSource[id] ?? 0) === 0);
    expect(uncited).toEqual([]);
  });

  it("uses every category, or lists it in RESERVED_CATEGORIES", () => {
    const summary = validateShipped().summary;
    const unused = CATEGORIES.filter((category) => (summary?.categories[category] ?? 0) === 0);
    expect(unused.filter((category) => !RESERVED_CATEGORIES.includes(category))).toEqual([]);
  });

  it("points editors at the JSON schemas", () => {
    expect(JSON.parse(readRepo("data/events.geojson"))).toMatchObject({
      $schema: "./schema/events.schema.json",
    });
    expect(JSON.parse(readRepo("data/sources.json"))).toMatchObject({
      $schema: "./schema/sources.schema.json",
    });
  });

  it("has the pinned seed documents, byte for byte", () => {
    const hashes = Object.fromEntries(
      seedNames().map((name) => {
        const bytes = readFileSync(new URL(`../../seeds/${name}`, import.meta.url));
        return [name, createHash("sha256").update(bytes).digest("hex")];
      }),
    );
    expect(hashes).toEqual(SEED_SHA256);
  });
});
