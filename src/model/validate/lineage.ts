/**
 * Checks the lineage in sources.json: the outside origins (reports that are not among the
 * documents) and each source's `retells`. Every retelling must name a known source or origin,
 * must not loop back to where it started, and every retold part must be found, once, in the
 * source's own text — otherwise passages would be counted as witnesses they are not, or the
 * other way round.
 */
import { anchorQuote } from "../text/anchor.ts";
import { SLUG_PATTERN } from "../types.ts";
import {
  type JsonObject,
  type Reporter,
  type Where,
  checkUnknownKeys,
  describe,
  hasKey,
  isObject,
  requireString,
  truncate,
} from "./context.ts";

const ORIGIN_KEYS = ["id", "label", "notes"];
const RETELLING_KEYS = ["of", "parts", "basis"];
const PART_KEYS = ["exact", "prefix", "suffix"];

/** Checks `origins` at the top of sources.json; returns their ids. */
export function checkOrigins(
  r: Reporter,
  origins: unknown,
  sourceIds: ReadonlySet<string>,
): Set<string> {
  const ids = new Set<string>();
  if (origins === undefined) return ids;
  if (!Array.isArray(origins)) {
    r.error(
      "schema",
      { path: "origins" },
      `"origins" must be an array, not ${describe(origins)}`,
      'write "origins": [{"id": …, "label": …, "notes": …}]',
    );
    return ids;
  }
  origins.forEach((origin, index) => {
    const at: Where = { path: `origins[${index}]` };
    if (!isObject(origin)) {
      r.error(
        "schema",
        at,
        `an origin must be an object, not ${describe(origin)}`,
        'write {"id": "…", "label": "…", "notes": "…"}',
      );
      return;
    }
    checkUnknownKeys(r, origin, ORIGIN_KEYS, at, "an origin");
    const id = requireString(r, origin, "id", at);
    requireString(r, origin, "label", at);
    requireString(r, origin, "notes", at, { allowEmpty: true });
    if (id === undefined) return;
    const idAt: Where = { path: `${at.path}.id`, featureId: id };
    if (!SLUG_PATTERN.test(id)) {
      r.error(
        "lineage-bad-id",
        idAt,
        `origin id "${id}" is not a slug`,
        "use lower-case letters, digits and single hyphens, e.g. unnamed-alert-report",
      );
    }
    if (ids.has(id) || sourceIds.has(id)) {
      r.error(
        "lineage-bad-id",
        idAt,
        `origin id "${id}" is already the id of a ${ids.has(id) ? "listed origin" : "source"}`,
        "give each origin an id of its own",
      );
    }
    ids.add(id);
  });
  return ids;
}

/**
 * Checks one source's `retells` against the known ids and its own text; returns the source ids
 * it retells (the edges for findCycles).
 */
export function checkRetells(
  r: Reporter,
  source: JsonObject,
  sourceId: string | undefined,
  at: Where,
  known: { sources: ReadonlySet<string>; origins: ReadonlySet<string> },
  text: string | undefined,
): string[] {
  if (!hasKey(source, "retells")) return [];
  const retells = source.retells;
  const where: Where = {
    ...at,
    path: `${at.path}.retells`,
    ...(sourceId === undefined ? {} : { featureId: sourceId }),
  };
  if (!Array.isArray(retells)) {
    r.error(
      "schema",
      where,
      `"retells" must be an array, not ${describe(retells)}`,
      'write "retells": [{"of": "…", "basis": "…"}]',
    );
    return [];
  }
  const edges: string[] = [];
  let wholes = 0;
  retells.forEach((retelling, index) => {
    const here: Where = { ...where, path: `${where.path}[${index}]` };
    if (!isObject(retelling)) {
      r.error(
        "schema",
        here,
        `a retelling must be an object, not ${describe(retelling)}`,
        'write {"of": "…", "parts": [{"exact": "…"}], "basis": "…"}',
      );
      return;
    }
    checkUnknownKeys(r, retelling, RETELLING_KEYS, here, "a retelling");
    requireString(r, retelling, "basis", here);
    const of = requireString(r, retelling, "of", here);
    if (of !== undefined) {
      const ofAt: Where = { ...here, path: `${here.path}.of` };
      if (of === sourceId) {
        r.error(
          "lineage-cycle",
          ofAt,
          `source "${of}" retells itself`,
          "name the source or origin it retells",
        );
      } else if (known.sources.has(of)) {
        edges.push(of);
      } else if (!known.origins.has(of)) {
        r.error(
          "lineage-unknown",
          ofAt,
          `"${of}" is neither a source nor an origin in sources.json`,
          'use a source id, or add the report to "origins" with an id, a label and notes',
        );
      }
    }
    if (!hasKey(retelling, "parts")) {
      if (++wholes === 2) {
        r.error(
          "lineage-whole",
          here,
          "the source already retells another origin as a whole",
          'a document retold as a whole has one origin: mark what comes from the other with "parts"',
        );
      }
      return;
    }
    checkParts(r, retelling.parts, { ...here, path: `${here.path}.parts` }, sourceId, text);
  });
  return edges;
}

function checkParts(
  r: Reporter,
  parts: unknown,
  at: Where,
  sourceId: string | undefined,
  text: string | undefined,
): void {
  if (!Array.isArray(parts) || parts.length === 0) {
    r.error(
      "schema",
      at,
      `"parts" must be a non-empty array of quote selectors, not ${Array.isArray(parts) ? "an empty array" : describe(parts)}`,
      'write "parts": [{"exact": "…"}], or leave "parts" out when the whole document retells it',
    );
    return;
  }
  parts.forEach((part, index) => {
    const here: Where = { ...at, path: `${at.path}[${index}]` };
    if (!isObject(part)) {
      r.error(
        "schema",
        here,
        `a retold part must be a quote selector object, not ${describe(part)}`,
        'write {"exact": "…"} with the words of the part',
      );
      return;
    }
    checkUnknownKeys(r, part, PART_KEYS, here, "a retold part");
    const exact = requireString(r, part, "exact", here);
    const prefix = requireString(r, part, "prefix", here, { optional: true });
    const suffix = requireString(r, part, "suffix", here, { optional: true });
    if (exact === undefined || text === undefined) return;
    const found = anchorQuote(text, {
      exact,
      ...(prefix === undefined ? {} : { prefix }),
      ...(suffix === undefined ? {} : { suffix }),
    });
    if (found.ok) return;
    const exactAt: Where = { ...here, path: `${here.path}.exact` };
    const why =
      found.reason === "not-found"
        ? `is not in the source's text; closest passage: "${truncate(found.closest.text)}"`
        : found.reason === "ambiguous"
          ? `occurs ${found.count} times in the source's text`
          : "occurs, but never with the given prefix/suffix";
    r.error(
      "lineage-part",
      exactAt,
      `retold part "${truncate(exact, 60)}" of ${sourceId ?? "this source"} ${why}`,
      `copy the part verbatim from seeds/${sourceId ?? "…"}.txt (add a prefix or suffix if it occurs more than once)`,
    );
  });
}

/**
 * Reports every loop in the retellings between sources (A retells B retells A): the origin of a
 * passage would be nowhere. `edges` maps a source to the sources it retells; `where` locates it.
 */
export function findCycles(
  r: Reporter,
  edges: ReadonlyMap<string, readonly string[]>,
  where: (id: string, of: string) => Where,
): void {
  const state = new Map<string, "open" | "done">();
  const reported = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    state.set(id, "open");
    for (const next of edges.get(id) ?? []) {
      if (state.get(next) === "open") {
        const loop = [...path.slice(path.indexOf(next)), id, next];
        const key = [...new Set(loop)].sort().join(" ");
        if (reported.has(key)) continue;
        reported.add(key);
        const at = where(id, next);
        r.error(
          "lineage-cycle",
          { ...at, featureId: id },
          `the retellings loop: ${loop.join(" → ")}`,
          "a report cannot retell itself through others: remove the retelling that is not true",
        );
      } else if (!state.has(next)) {
        visit(next, [...path, id]);
      }
    }
    state.set(id, "done");
  };
  for (const id of edges.keys()) if (!state.has(id)) visit(id, []);
}
