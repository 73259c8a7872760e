/**
 * What every validation step shares: a reporter that turns a path into a line and column of the
 * file being checked, and the narrowing helpers for values straight out of JSON.
 */
import { makeLineLocator } from "../encodings/json-scan.ts";
import type { QuoteSelector } from "../text/anchor.ts";
import type { Problem, ProblemCode, Severity } from "./problem.ts";

/** Where in a file a problem is: a value path, and the event it belongs to if any. */
export interface Where {
  path: string;
  featureId?: string;
}

// `features[2].properties` → `features[2]`: the closest value that exists for a missing one.
const LAST_SEGMENT = /(?:\.[A-Za-z_$][\w$]*|\[(?:\d+|"(?:[^"\\]|\\.)*")\])$/;

function parentOf(path: string): string {
  const shorter = path.replace(LAST_SEGMENT, "");
  return shorter === path ? "" : shorter;
}

export class Reporter {
  readonly problems: Problem[] = [];
  private readonly locate: (offset: number) => { line: number; column: number };
  /** Every path that has a problem at or below it. */
  private readonly troubled = new Set<string>();

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

  /**
   * Whether a problem was already reported at or below `path`. The schema's problems come
   * first, so a later check can leave alone a value whose shape is already known to be wrong
   * instead of saying so again in other words.
   */
  flagged(path: string): boolean {
    return this.troubled.has(path);
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
      lookup = parentOf(lookup);
      offset = this.offsets.get(lookup);
    }
    for (let path = where.path; path !== ""; path = parentOf(path)) this.troubled.add(path);
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

/** `object[key]` when it is a string; the schema reports it otherwise. */
export function stringAt(object: JsonObject, key: string): string | undefined {
  const value = Object.hasOwn(object, key) ? object[key] : undefined;
  return typeof value === "string" ? value : undefined;
}

/** `value` when it is one of `allowed`; the schema reports it otherwise. */
export function oneOf<T extends string>(allowed: readonly T[], value: unknown): T | undefined {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : undefined;
}

/** The quote of a citation or a retold part, unless the schema found something wrong with it. */
export function selectorOf(r: Reporter, quote: JsonObject, at: string): QuoteSelector | undefined {
  const exact = stringAt(quote, "exact");
  const prefix = stringAt(quote, "prefix");
  const suffix = stringAt(quote, "suffix");
  if (exact === undefined || ["exact", "prefix", "suffix"].some((k) => r.flagged(`${at}.${k}`)))
    return undefined;
  return {
    exact,
    ...(prefix === undefined ? {} : { prefix }),
    ...(suffix === undefined ? {} : { suffix }),
  };
}

/** Shortens `text` for a one-line message, keeping the start. */
export function truncate(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
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
