/**
 * JSON.parse with a failure located by line and column, for the validator. Apart from the
 * dataset index, so that the first view, which never validates, does not carry the scanner.
 */
import { makeLineLocator, scanJson } from "./json-scan.ts";
import type { Problem } from "../validate/problem.ts";

export type ParsedJson =
  | {
      ok: true;
      value: unknown /** Offset of every value by path, e.g. `features[0].id`. */;
      offsets: Map<string, number>;
    }
  | { ok: false; problem: Problem };

/**
 * JSON.parse, with a failure located by line and column. Node 20 often gives no position at all,
 * and browsers word theirs differently, so the position comes from our own scanner.
 */
export function parseJson(text: string, file: string): ParsedJson {
  // Editors on Windows may save a BOM, which JSON.parse rejects although the file looks right.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let value: unknown;
  let engineMessage: string | undefined;
  try {
    value = JSON.parse(body);
  } catch (error) {
    engineMessage = error instanceof Error ? error.message : String(error);
  }
  const scan = scanJson(body);
  if (engineMessage === undefined)
    return { ok: true, value, offsets: scan.ok ? scan.offsets : new Map() };

  const position = /at position (\d+)/.exec(engineMessage ?? "");
  const offset = !scan.ok ? scan.offset : position ? Number(position[1]) : body.length;
  const reason = !scan.ok ? scan.message : (engineMessage ?? "not valid JSON").slice(0, 200);
  const { line, column } = makeLineLocator(body)(offset);
  return {
    ok: false,
    problem: {
      severity: "error",
      code: "invalid-json",
      file,
      line,
      column,
      message: `invalid JSON at line ${line}, column ${column}: ${reason}`,
      hint: "fix the syntax there (a missing or extra comma, bracket or quote is the usual cause); nothing else in this file can be checked until it parses",
    },
  };
}
