/**
 * One thing wrong with the data, as the validator reports it and the CLI and UI show it.
 * Offsets never appear here: a curator edits files by line and column.
 */
export type Severity = "error" | "warning";

/** A stable name for the kind of problem, so tests and tools need not match on prose. */
export type ProblemCode =
  | "invalid-json"
  | "schema"
  | "unknown-property"
  | "crs-member"
  | "missing-id"
  | "duplicate-id"
  | "id-not-slug"
  | "coords-out-of-range"
  | "coords-nesting"
  | "coords-swapped"
  | "outside-region"
  | "ring-too-short"
  | "ring-unclosed"
  | "ring-winding"
  | "radius"
  | "unknown-category"
  | "unknown-source"
  | "source-without-seed"
  | "seed-without-source"
  | "source-bad-id"
  | "duplicate-source"
  | "quote-not-found"
  | "quote-ambiguous"
  | "quote-context"
  | "quote-invisible"
  | "date-invalid"
  | "date-order"
  | "date-precision"
  | "no-citations"
  | "status-disputed"
  | "status-denial"
  | "status-corroborated"
  | "support-denial"
  | "speaker-not-found"
  | "denial-without-speaker"
  | "no-evidence"
  | "expected-unmarked"
  | "expected-without-forecast"
  | "lineage-unknown"
  | "lineage-cycle"
  | "lineage-part"
  | "lineage-whole"
  | "lineage-bad-id"
  | "alias-unknown-target"
  | "alias-shadows-id"
  | "alias-bad"
  | "unknown-event"
  | "story-id"
  | "story-empty"
  | "internal";

export interface Problem {
  severity: Severity;
  code: ProblemCode;
  file: string;
  featureId?: string;
  /** JSON-pointer-ish, e.g. `features[3].properties.citations[1].exact`. */
  path?: string;
  /** 1-based, of the offending value in `file`. */
  line?: number;
  /** 1-based, counted in UTF-16 code units like editors' "column". */
  column?: number;
  message: string;
  hint: string;
}

/**
 * One line per problem, `file:line:column:` first so editors and terminals can jump to it:
 * `data/events.geojson:41:17: error [caracas-raid] features[2].properties.citations[0].exact: … — hint: …`
 */
export function formatProblem(problem: Problem): string {
  const at = problem.line === undefined ? "" : `:${problem.line}:${problem.column ?? 1}`;
  const id = problem.featureId === undefined ? "" : ` [${problem.featureId}]`;
  const path = problem.path === undefined ? "" : ` ${problem.path}`;
  return `${problem.file}${at}: ${problem.severity}${id}${path}: ${problem.message} — hint: ${problem.hint}`;
}
