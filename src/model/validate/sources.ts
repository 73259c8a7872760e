/**
 * Checks sources.json beyond its structure (which the schema states): one entry per document in
 * seeds/, each id listed once and naming a seed, and a lineage that holds together.
 */
import { type Reporter, type Where, isCalendarDate, isObject, stringAt } from "./context.ts";
import { checkOrigins, checkRetells, findCycles } from "./lineage.ts";

/** Returns the ids sources.json lists (valid or not: a bad id still names a source). */
export function checkSources(
  r: Reporter,
  value: unknown,
  seeds: ReadonlyMap<string, string>,
): Set<string> {
  const ids = new Set<string>();
  if (!isObject(value) || !Array.isArray(value.sources)) return ids;
  const sources = value.sources;
  // Lineage names sources by id, so every id is known before any retelling is checked.
  const listed = new Set(sources.flatMap((s) => (isObject(s) ? (stringAt(s, "id") ?? []) : [])));
  const known = { sources: listed, origins: checkOrigins(r, value.origins, listed) };
  const edges = new Map<string, string[]>();
  sources.forEach((source, index) => {
    if (!isObject(source)) return;
    const at: Where = { path: `sources[${index}]` };
    const id = stringAt(source, "id");
    const retold = checkRetells(
      r,
      source,
      id,
      at,
      known,
      id === undefined ? undefined : seeds.get(id),
    );
    if (id !== undefined && retold.length && !edges.has(id)) edges.set(id, retold);
    if (id !== undefined) checkSourceId(r, id, ids, seeds, { path: `${at.path}.id` });
    if (isObject(source.published))
      checkPublished(r, source.published, `${at.path}.published.date`);
  });
  findCycles(r, edges, (id, of) => {
    const index = sources.findIndex((s) => isObject(s) && s.id === id);
    const retells = isObject(sources[index])
      ? (sources[index] as { retells?: unknown }).retells
      : undefined;
    const k = Array.isArray(retells) ? retells.findIndex((x) => isObject(x) && x.of === of) : -1;
    return { path: `sources[${index}].retells[${k}].of` };
  });
  for (const seed of seeds.keys()) {
    if (ids.has(seed)) continue;
    r.warning(
      "seed-without-source",
      { path: "sources" },
      `seeds/${seed}.txt has no entry in sources.json`,
      `add {"id": "${seed}", …} so it can be cited and its provenance shown`,
    );
  }
  return ids;
}

function checkSourceId(
  r: Reporter,
  id: string,
  ids: Set<string>,
  seeds: ReadonlyMap<string, string>,
  at: Where,
): void {
  // An id the schema refused (a path, say) names no seed file: saying so again adds nothing.
  const malformed = r.flagged(at.path);
  if (ids.has(id)) {
    r.error(
      "duplicate-source",
      at,
      `source id "${id}" is listed twice`,
      "merge the two entries; each document in seeds/ has one",
    );
  }
  ids.add(id);
  if (!malformed && !seeds.has(id)) {
    r.error(
      "source-without-seed",
      at,
      `source "${id}" has no text: seeds/${id}.txt does not exist`,
      "add the document to seeds/, or fix the id to match an existing file",
    );
  }
}

/** The schema checks the date's form; whether that day exists is for a calendar to say. */
function checkPublished(r: Reporter, published: Record<string, unknown>, path: string): void {
  const date = stringAt(published, "date");
  if (date === undefined || date === "" || r.flagged(path) || isCalendarDate(date)) return;
  r.error(
    "date-invalid",
    { path },
    `published date "${date}" is not a real calendar date in YYYY-MM-DD form`,
    'write an ISO date; for a week or month, its first day; "" if precision is "unknown"',
  );
}
