/**
 * Checks the lineage in sources.json: the outside origins (reports that are not among the
 * documents) and each source's `retells`. Every retelling must name a known source or origin,
 * must not loop back to where it started, and every retold part must be found, once, in the
 * source's own text — otherwise passages would be counted as witnesses they are not, or the
 * other way round.
 */
import { anchorQuote } from "../text/anchor.ts";
import {
  type JsonObject,
  type Reporter,
  type Where,
  isObject,
  selectorOf,
  stringAt,
  truncate,
} from "./context.ts";

/** Checks `origins` at the top of sources.json; returns their ids. */
export function checkOrigins(
  r: Reporter,
  origins: unknown,
  sourceIds: ReadonlySet<string>,
): Set<string> {
  const ids = new Set<string>();
  if (!Array.isArray(origins)) return ids;
  origins.forEach((origin, index) => {
    const id = isObject(origin) ? stringAt(origin, "id") : undefined;
    if (id === undefined) return;
    if (ids.has(id) || sourceIds.has(id)) {
      r.error(
        "lineage-bad-id",
        { path: `origins[${index}].id`, featureId: id },
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
  const retells = source.retells;
  if (!Array.isArray(retells)) return [];
  const where: Where = {
    ...at,
    path: `${at.path}.retells`,
    ...(sourceId === undefined ? {} : { featureId: sourceId }),
  };
  const edges: string[] = [];
  let wholes = 0;
  retells.forEach((retelling, index) => {
    if (!isObject(retelling)) return;
    const here: Where = { ...where, path: `${where.path}[${index}]` };
    const of = r.flagged(`${here.path}.of`) ? undefined : stringAt(retelling, "of");
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
    if (!Object.hasOwn(retelling, "parts")) {
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
  if (!Array.isArray(parts) || text === undefined) return;
  parts.forEach((part, index) => {
    const here: Where = { ...at, path: `${at.path}[${index}]` };
    const selector = isObject(part) ? selectorOf(r, part, here.path) : undefined;
    if (selector === undefined) return;
    const found = anchorQuote(text, selector);
    if (found.ok) return;
    const why =
      found.reason === "not-found"
        ? `is not in the source's text; closest passage: "${truncate(found.closest.text)}"`
        : found.reason === "ambiguous"
          ? `occurs ${found.count} times in the source's text`
          : "occurs, but never with the given prefix/suffix";
    r.error(
      "lineage-part",
      { ...here, path: `${here.path}.exact` },
      `retold part "${truncate(selector.exact, 60)}" of ${sourceId ?? "this source"} ${why}`,
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
