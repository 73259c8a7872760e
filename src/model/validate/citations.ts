/**
 * Citation checks: every quote must be found, once, in a known source, and an event's status
 * must agree with the stances of its citations — a map that shows "disputed" without showing
 * the denial, or "corroborated" on one outlet's word, misleads.
 */
import { anchorQuote } from "../text/anchor.ts";
import { STANCES, type Stance, type Status } from "../types.ts";
import {
  type Reporter,
  type Where,
  checkUnknownKeys,
  describe,
  isObject,
  requireEnum,
  requireString,
  truncate,
} from "./context.ts";

export interface CitationContext {
  /** Ids listed in sources.json, or null when it could not be read (then seeds stand in). */
  knownSources: ReadonlySet<string> | null;
  seeds: ReadonlyMap<string, string>;
}

export interface CitationFacts {
  count: number;
  sources: string[];
}

const CITATION_KEYS = ["source", "exact", "prefix", "suffix", "stance"];

export function checkCitations(
  r: Reporter,
  citations: unknown,
  status: Status | undefined,
  where: Where,
  context: CitationContext,
): CitationFacts {
  const facts: CitationFacts = { count: 0, sources: [] };
  if (!Array.isArray(citations)) {
    r.error("schema", where, `"citations" must be an array, not ${describe(citations)}`, 'add "citations": [{"source": …, "exact": …, "stance": "reports"}]');
    return facts;
  }
  if (citations.length === 0) {
    r.error("no-citations", where, "the event cites nothing", "add at least one citation quoting the passage the event rests on: the map shows nothing it cannot source");
  }
  const stances: Array<Stance | undefined> = citations.map(() => undefined);
  citations.forEach((citation, index) => {
    const at: Where = { ...where, path: `${where.path}[${index}]` };
    facts.count++;
    if (!isObject(citation)) {
      r.error("schema", at, `a citation must be an object, not ${describe(citation)}`, 'write {"source": "001_…", "exact": "…", "stance": "reports"}');
      return;
    }
    checkUnknownKeys(r, citation, CITATION_KEYS, at, "a citation");
    const source = requireString(r, citation, "source", at);
    const exact = requireString(r, citation, "exact", at);
    const prefix = requireString(r, citation, "prefix", at, { optional: true });
    const suffix = requireString(r, citation, "suffix", at, { optional: true });
    stances[index] = requireEnum(r, citation, "stance", STANCES, at);
    if (source === undefined) return;
    facts.sources.push(source);
    const known = context.knownSources === null ? context.seeds.has(source) : context.knownSources.has(source);
    if (!known) {
      r.error("unknown-source", { ...at, path: `${at.path}.source` }, `unknown source "${source}" (not in sources.json)`, "use the id of a sources.json entry: a seeds/ file name without .txt");
      return;
    }
    const text = context.seeds.get(source);
    // A listed source without its text is reported once, on sources.json, not per citation.
    if (text === undefined || exact === undefined) return;
    checkQuote(r, text, { exact, prefix, suffix }, source, { ...at, path: `${at.path}.exact` });
  });
  checkStatus(r, status, stances, new Set(facts.sources).size, where);
  return facts;
}

function checkQuote(
  r: Reporter,
  text: string,
  selector: { exact: string; prefix: string | undefined; suffix: string | undefined },
  source: string,
  at: Where,
): void {
  const result = anchorQuote(text, {
    exact: selector.exact,
    ...(selector.prefix === undefined ? {} : { prefix: selector.prefix }),
    ...(selector.suffix === undefined ? {} : { suffix: selector.suffix }),
  });
  if (result.ok) return;
  if (result.reason === "not-found") {
    const closest = result.closest.text === "" ? "none" : `"${truncate(result.closest.text)}"`;
    r.error("quote-not-found", at, `quote not found in ${source}; closest passage: ${closest}`, `copy the passage verbatim from seeds/${source}.txt (quotes, dashes and line breaks may differ; words may not)`);
  } else if (result.reason === "ambiguous") {
    r.error("quote-ambiguous", at, `quote "${truncate(selector.exact, 60)}" occurs ${result.count} times in ${source}`, "add a prefix or suffix (the words immediately before or after it) that picks out one occurrence");
  } else {
    r.error("quote-context", at, `quote occurs ${result.count} time(s) in ${source}, but never with the given prefix/suffix`, `make prefix/suffix the words immediately before/after the passage in seeds/${source}.txt`);
  }
}

function checkStatus(r: Reporter, status: Status | undefined, stances: Array<Stance | undefined>, distinctSources: number, where: Where): void {
  const statusAt = { ...where, path: where.path.replace(/\.citations$/, ".status") };
  if (status === "disputed" && !stances.includes("denies")) {
    r.error("status-disputed", statusAt, 'status is "disputed" but no citation has stance "denies"', "cite the passage that denies or contradicts the event, with stance \"denies\"; or change the status");
  }
  if (status !== undefined && status !== "disputed") {
    stances.forEach((stance, index) => {
      if (stance !== "denies") return;
      r.error("status-denial", { ...where, path: `${where.path}[${index}].stance` }, `a citation denies the event, but its status is "${status}"`, 'set the status to "disputed": the map must not hide a denial');
    });
  }
  if (status === "corroborated" && distinctSources < 2) {
    r.error("status-corroborated", statusAt, `status is "corroborated" but the event cites ${distinctSources} source${distinctSources === 1 ? "" : "s"}`, 'cite a second, independent source, or set the status to "reported"');
  }
}
