/**
 * Validates the data files as texts: every problem at once, each located by file, event, path,
 * line and column, with a hint for fixing it. Pure (no filesystem), so the CLI, the tests and a
 * browser can all run it; never throws and never modifies its input.
 */
import { parseJson } from "../encodings/parse-json.ts";
import { joinPath } from "../encodings/json-scan.ts";
import { makeLineage, type Lineage } from "../evidence/origins.ts";
import type { Problem } from "./problem.ts";
import {
  CATEGORIES,
  DATE_PRECISIONS,
  PLACE_PRECISIONS,
  type Category,
  type SourceCollection,
} from "../types.ts";
import { Reporter, isObject } from "./context.ts";
import { type EventFacts, checkFeature } from "./event.ts";
import { reportSchema } from "./schema.ts";
import { checkSources } from "./sources.ts";

export type { Problem, ProblemCode, Severity } from "./problem.ts";
export { formatProblem } from "./problem.ts";
export { REGION_BBOX } from "./geometry.ts";

/** Categories no shipped event uses yet but which stay in CATEGORIES on purpose. */
export const RESERVED_CATEGORIES: readonly Category[] = [];

export interface ValidationInput {
  eventsFile: string;
  eventsText: string;
  sourcesFile: string;
  sourcesText: string;
  /** Source id (seeds/ file name without .txt) → the document's text. */
  seeds: Record<string, string>;
}

export interface Summary {
  events: number;
  citations: number;
  sources: number;
  /** Every category in CATEGORIES, with 0 where unused. */
  categories: Record<string, number>;
  datePrecisions: Record<string, number>;
  placePrecisions: Record<string, number>;
  disputed: number;
  corroborated: number;
  nullGeometry: number;
  /** Every listed source, with 0 where nothing cites it. */
  citationsPerSource: Record<string, number>;
}

export interface ValidationResult {
  problems: Problem[];
  /** Null when events.geojson is not a readable FeatureCollection. */
  summary: Summary | null;
}

export function validateDataset(input: ValidationInput): ValidationResult {
  const eventsFile = stringOr(() => input.eventsFile, "events.geojson");
  try {
    return validate({
      eventsFile,
      eventsText: stringOr(() => input.eventsText, ""),
      sourcesFile: stringOr(() => input.sourcesFile, "sources.json"),
      sourcesText: stringOr(() => input.sourcesText, ""),
      seeds: readSeeds(input),
    });
  } catch (error) {
    // A bug in the validator must not look like a crash of the build: report it like any problem.
    const message = error instanceof Error ? error.message : String(error);
    return {
      problems: [
        {
          severity: "error",
          code: "internal",
          file: eventsFile,
          message: `the validator failed: ${message}`,
          hint: "please report this with the data that caused it",
        },
      ],
      summary: null,
    };
  }
}

function stringOr(read: () => unknown, fallback: string): string {
  try {
    const value = read();
    return typeof value === "string" ? value : fallback;
  } catch {
    return fallback;
  }
}

function readSeeds(input: ValidationInput): Map<string, string> {
  const seeds = new Map<string, string>();
  const raw: unknown = isObject(input) ? input.seeds : undefined;
  if (!isObject(raw)) return seeds;
  for (const [id, text] of Object.entries(raw)) if (typeof text === "string") seeds.set(id, text);
  return seeds;
}

function validate(
  input: Omit<ValidationInput, "seeds"> & { seeds: Map<string, string> },
): ValidationResult {
  const problems: Problem[] = [];

  const sourcesJson = parseJson(input.sourcesText, input.sourcesFile);
  let knownSources: Set<string> | null = null;
  let lineage: Lineage | null = null;
  if (sourcesJson.ok) {
    const r = new Reporter(input.sourcesFile, input.sourcesText, sourcesJson.offsets);
    reportSchema(r, "sources", sourcesJson.value);
    knownSources = checkSources(r, sourcesJson.value, input.seeds);
    problems.push(...inFileOrder(r.problems));
    lineage = makeLineage(sourcesJson.value as SourceCollection, Object.fromEntries(input.seeds));
  } else {
    problems.push(sourcesJson.problem);
  }

  const eventsJson = parseJson(input.eventsText, input.eventsFile);
  if (!eventsJson.ok) return { problems: [...problems, eventsJson.problem], summary: null };
  const r = new Reporter(input.eventsFile, input.eventsText, eventsJson.offsets);
  reportSchema(r, "events", eventsJson.value);
  const facts = checkCollection(r, eventsJson.value, { knownSources, seeds: input.seeds, lineage });
  problems.push(...inFileOrder(r.problems));
  const sourceIds = knownSources ?? new Set(input.seeds.keys());
  return { problems, summary: facts === null ? null : summarize(facts, sourceIds) };
}

/** Problems in the order of the file, so a reader can work down it; ties keep their order. */
function inFileOrder(problems: Problem[]): Problem[] {
  return problems.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** What the schema cannot say of the collection: ids used twice, aliases that mislead. */
function checkCollection(
  r: Reporter,
  value: unknown,
  context: Parameters<typeof checkFeature>[3],
): EventFacts[] | null {
  if (!isObject(value) || !Array.isArray(value.features)) return null;
  const facts = value.features.map((feature, index) => checkFeature(r, feature, index, context));
  const firstIndex = new Map<string, number>();
  facts.forEach(({ id }, index) => {
    if (id === undefined) return;
    const first = firstIndex.get(id);
    if (first === undefined) {
      firstIndex.set(id, index);
      return;
    }
    r.error(
      "duplicate-id",
      { path: `features[${index}].id`, featureId: id },
      `id "${id}" is already used by features[${first}]`,
      "give each event its own id; if one replaces the other, delete the old one and add an alias",
    );
  });
  if (isObject(value.aliases)) checkAliases(r, value.aliases, new Set(firstIndex.keys()));
  return facts;
}

function checkAliases(
  r: Reporter,
  aliases: Record<string, unknown>,
  liveIds: ReadonlySet<string>,
): void {
  for (const [oldId, target] of Object.entries(aliases)) {
    const path = joinPath("aliases", oldId);
    if (typeof target !== "string" || r.flagged(path)) continue;
    if (liveIds.has(oldId)) {
      r.error(
        "alias-shadows-id",
        { path, featureId: oldId },
        `alias "${oldId}" is also the id of a live event, so links to it are ambiguous`,
        "remove the alias, or rename the event",
      );
    }
    if (!liveIds.has(target)) {
      r.error(
        "alias-unknown-target",
        { path, featureId: oldId },
        `alias "${oldId}" points to "${target}", which is no event's id`,
        "point it at the event's current id (aliases are not followed in chains)",
      );
    }
  }
}

function countAll(keys: readonly string[]): Record<string, number> {
  return Object.fromEntries(keys.map((key) => [key, 0]));
}

function summarize(facts: EventFacts[], sourceIds: ReadonlySet<string>): Summary {
  const summary: Summary = {
    events: facts.length,
    citations: 0,
    sources: sourceIds.size,
    categories: countAll(CATEGORIES),
    datePrecisions: countAll(DATE_PRECISIONS),
    placePrecisions: countAll(PLACE_PRECISIONS),
    disputed: 0,
    corroborated: 0,
    nullGeometry: 0,
    citationsPerSource: countAll([...sourceIds].sort()),
  };
  // Only keys set up above are counted: an unknown source is already an error, and a key like
  // "__proto__" from the data must never reach a plain object.
  const bump = (counts: Record<string, number>, key: string | undefined): void => {
    if (key !== undefined && Object.hasOwn(counts, key)) counts[key] = (counts[key] ?? 0) + 1;
  };
  for (const event of facts) {
    summary.citations += event.citationCount;
    bump(summary.categories, event.category);
    bump(summary.datePrecisions, event.datePrecision);
    bump(summary.placePrecisions, event.placePrecision);
    if (event.status === "disputed") summary.disputed++;
    if (event.status === "corroborated") summary.corroborated++;
    if (event.nullGeometry) summary.nullGeometry++;
    for (const source of event.citationSources) bump(summary.citationsPerSource, source);
  }
  return summary;
}
