/**
 * What every validation step shares: a reporter that turns a path into a line and column of the
 * file being checked, and the narrowing helpers for values straight out of JSON.
 */
import { makeLineLocator } from "../encodings/json-scan.ts";
import type { Problem, ProblemCode, Severity } from "./problem.ts";

/** Where in a file a problem is: a value path, and the event it belongs to if any. */
export interface Where {
  path: string;
  featureId?: string;
}

// `features[2].properties` → `features[2]`: the closest value that exists for a missing one.
const LAST_SEGMENT = /(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/;

export class Reporter {
  readonly problems: Problem[] = [];
  private readonly locate: (offset: number) => { line: number; column: number };

  constructor(
    readonly file: string,
    text: string,
    private readonly offsets: ReadonlyMap<string, number>,
  ) {
    this.locate = makeLineLocator(text.startsWith("\uFEFF") ? text.slice(1) : text);
  }

  error(code: ProblemCode, where: Where, message: string, hint: string): void {
    this.add("error", code, where, message, hint);
  }

  warning(code: ProblemCode, where: Where, message: string, hint: string): void {
    this.add("warning", code, where, message, hint);
  }

  private add(
    severity: Severity,
    code: ProblemCode,
    where: Where,
    message: string,
    hint: string,
  ): void {
    let lookup = where.path;
    let offset = this.offsets.get(lookup);
    while (offset === undefined && lookup !== "") {
      const shorter = lookup.replace(LAST_SEGMENT, "");
      lookup = shorter === lookup ? "" : shorter;
      offset = this.offsets.get(lookup);
    }
    const problem: Problem = { severity, code, file: this.file, message, hint };
    if (where.featureId !== undefined) problem.featureId = where.featureId;
    if (where.path !== "") problem.path = where.path;
    if (offset !== undefined) Object.assign(problem, this.locate(offset));
    this.problems.push(problem);
  }
}

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function hasKey(object: JsonObject, key: string): boolean {
  return Object.hasOwn(object, key);
}

/** "a string", "null", "an array", … for messages like `title must be a string, not a number`. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

/** Shortens `text` for a one-line message, keeping the start. */
export function truncate(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Warns about every member not in `known`: a typo'd optional field otherwise silently vanishes. */
export function checkUnknownKeys(
  r: Reporter,
  object: JsonObject,
  known: readonly string[],
  where: Where,
  what: string,
): void {
  for (const key of Object.keys(object)) {
    if (known.includes(key)) continue;
    r.warning(
      "unknown-property",
      { ...where, path: where.path === "" ? key : `${where.path}.${key}` },
      `unknown property "${key}" in ${what}`,
      `remove it, or check the spelling against: ${known.join(", ")}`,
    );
  }
}

/**
 * Reads a required string member; reports it and returns undefined when missing or mistyped.
 * `allowEmpty` is for fields where "" is meaningful.
 */
export function requireString(
  r: Reporter,
  object: JsonObject,
  key: string,
  where: Where,
  options: { allowEmpty?: boolean; optional?: boolean } = {},
): string | undefined {
  const path = where.path === "" ? key : `${where.path}.${key}`;
  const value = object[key];
  if (!hasKey(object, key) || value === undefined) {
    if (!options.optional)
      r.error("schema", { ...where, path }, `"${key}" is required`, `add "${key}": "…"`);
    return undefined;
  }
  if (typeof value !== "string") {
    r.error(
      "schema",
      { ...where, path },
      `"${key}" must be a string, not ${describe(value)}`,
      `write it as "…" in double quotes`,
    );
    return undefined;
  }
  if (value.trim() === "" && !options.allowEmpty) {
    r.error(
      "schema",
      { ...where, path },
      `"${key}" is empty`,
      `fill it in, or remove it if it is optional`,
    );
    return undefined;
  }
  return value;
}

/** Reads a required enum member, reporting a value outside `allowed` with the allowed values. */
export function requireEnum<T extends string>(
  r: Reporter,
  object: JsonObject,
  key: string,
  allowed: readonly T[],
  where: Where,
): T | undefined {
  const value = requireString(r, object, key, where);
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  r.error(
    "schema",
    { ...where, path: `${where.path}.${key}` },
    `"${key}" is "${value}", which is not one of: ${allowed.join(", ")}`,
    `use one of: ${allowed.join(", ")}`,
  );
  return undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}
