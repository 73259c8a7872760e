/**
 * The structure of both data files is stated once, in data/schema/*.json (the files editors
 * validate against while one types). Ajv checks it here, and each of its errors becomes a
 * problem located and worded like every other one; the other checks keep only what a schema
 * cannot say.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import eventsSchema from "../../../data/schema/events.schema.json" with { type: "json" };
import sourcesSchema from "../../../data/schema/sources.schema.json" with { type: "json" };
import storySchema from "../../../data/schema/story.schema.json" with { type: "json" };
import { type Reporter, isObject } from "./context.ts";
import { explainCoordinates } from "./schema-geometry.ts";
import { type Explained, explain } from "./schema-messages.ts";

export type SchemaName = "events" | "sources" | "story";

const SCHEMAS: Record<SchemaName, object> = {
  events: eventsSchema,
  sources: sourcesSchema,
  story: storySchema,
};

/** How the schemas are compiled, here and at build time for the page (build/schema-validators.ts). */
export const AJV_OPTIONS = {
  allErrors: true, // every problem at once, as the other checks report them
  verbose: true, // errors carry their schema: known keys, allowed types, descriptions
  discriminator: true, // a geometry's "type" picks the one branch to report on
  strictTuples: false, // a position is [lon, lat] with an optional altitude
  allowUnionTypes: true, // a source's outlet is a string or null
  // Every run of check:data is a new process: these two save most of the compile time. The
  // schemas are checked against the draft-07 meta-schema by a test instead, and optimizing
  // the generated code made no measurable difference to validating 78 000 events.
  validateSchema: false,
  code: { optimize: false },
} as const;

export { SCHEMAS };

let ajv: Ajv | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

/**
 * Validators compiled ahead of time. The page's Content-Security-Policy forbids the `new
 * Function` Ajv compiles with, so curate mode hands the validator the build's compiled ones.
 */
export function useCompiledValidators(compiled: Partial<Record<SchemaName, unknown>>): void {
  for (const [name, validate] of Object.entries(compiled))
    if (typeof validate === "function")
      validators.set(name as SchemaName, validate as ValidateFunction);
}

/** Compiled on first use and kept: compiling costs far more than validating. */
function validatorFor(name: SchemaName): ValidateFunction {
  let validate = validators.get(name);
  if (validate === undefined) {
    ajv ??= new Ajv(AJV_OPTIONS);
    validate = ajv.compile(SCHEMAS[name]);
    validators.set(name, validate);
  }
  return validate;
}

/** Ajv's errors for `value`, the noise of alternatives taken out (see `collapse`). */
export function schemaErrors(name: SchemaName, value: unknown): ErrorObject[] {
  const validate = validatorFor(name);
  return validate(value) ? [] : collapse(validate.errors ?? []);
}

// Keywords whose error only sums up errors already reported beneath it.
const SUMMARIES = new Set(["oneOf", "anyOf", "if", "propertyNames"]);

/**
 * `"geometry": null | {…}` fails both ways when it is wrong: "must be null" says nothing about a
 * geometry whose coordinates are wrong. Where alternatives were tried, a branch that the value's
 * type rules out is dropped when another branch said more; when none did, the types merge into
 * one "must be null or object". Errors that only sum up others are dropped.
 */
function collapse(errors: readonly ErrorObject[]): ErrorObject[] {
  const tried = new Set(
    errors.filter((e) => e.keyword === "oneOf" || e.keyword === "anyOf").map((e) => e.instancePath),
  );
  const isBranchType = (e: ErrorObject): boolean =>
    e.keyword === "type" && tried.has(e.instancePath);
  // Which of those places some other error, at or below them, already says more about.
  const saidMore = new Set<string>();
  for (const error of errors) {
    if (SUMMARIES.has(error.keyword) || isBranchType(error)) continue;
    for (let at = error.instancePath; ; at = at.slice(0, at.lastIndexOf("/"))) {
      if (tried.has(at)) saidMore.add(at);
      if (at === "") break;
    }
  }
  const out: ErrorObject[] = [];
  const merged = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (SUMMARIES.has(error.keyword)) continue;
    if (!isBranchType(error)) {
      out.push(error);
      continue;
    }
    if (saidMore.has(error.instancePath)) continue;
    const first = merged.get(error.instancePath);
    if (first === undefined) {
      const copy = { ...error, params: { type: String(error.params.type) } };
      merged.set(error.instancePath, copy);
      out.push(copy);
    } else {
      first.params.type = `${first.params.type},${error.params.type}`;
    }
  }
  return out;
}

/** The id of the event a path lies in, when it has a string id. */
function featureIdOf(path: string, root: unknown): string | undefined {
  const index = /^features\[(\d+)\]/.exec(path)?.[1];
  if (index === undefined || !isObject(root) || !Array.isArray(root.features)) return undefined;
  const feature: unknown = root.features[Number(index)];
  return isObject(feature) && typeof feature.id === "string" ? feature.id : undefined;
}

/**
 * Reports what the schema finds wrong with `value`, one problem per value: where two errors
 * land on one path (an empty string is both too short and blank), the first stands, unless it
 * is a warning and the second an error.
 */
export function reportSchema(r: Reporter, name: SchemaName, value: unknown): void {
  const found = new Map<string, Explained>();
  for (const error of schemaErrors(name, value)) {
    const problem = explainCoordinates(error, value) ?? explain(error, value);
    const key = problem.key ?? problem.path;
    const before = found.get(key);
    if (before === undefined || (before.severity === "warning" && problem.severity === "error"))
      found.set(key, problem);
  }
  for (const { severity, code, path, message, hint } of found.values()) {
    const featureId = name === "events" ? featureIdOf(path, value) : undefined;
    r[severity](code, featureId === undefined ? { path } : { path, featureId }, message, hint);
  }
}
