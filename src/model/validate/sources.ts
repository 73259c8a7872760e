/**
 * Checks sources.json: one entry per document in seeds/, each with a usable id (the seed's file
 * name without .txt) and the provenance the UI shows beside a quote.
 */
import { SOURCE_DATE_PRECISIONS, SOURCE_ID_PATTERN } from "../types.ts";
import {
  type Reporter,
  type Where,
  checkUnknownKeys,
  describe,
  hasKey,
  isCalendarDate,
  isObject,
  requireEnum,
  requireString,
} from "./context.ts";
import { checkOrigins, checkRetells, findCycles } from "./lineage.ts";

const ROOT_KEYS = ["$schema", "sources", "origins"];
const SOURCE_KEYS = ["id", "title", "outlet", "published", "language", "notes", "retells"];
const PUBLISHED_KEYS = ["date", "precision", "basis"];
// BCP 47 in the shape curators write it (en, es, en-US, es-419); not a full grammar.
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/** Returns the ids sources.json lists (valid or not: a bad id still names a source). */
export function checkSources(
  r: Reporter,
  value: unknown,
  seeds: ReadonlyMap<string, string>,
): Set<string> {
  const ids = new Set<string>();
  if (!isObject(value)) {
    r.error(
      "schema",
      { path: "" },
      `sources.json must be an object with a "sources" array, not ${describe(value)}`,
      'write {"sources": [ … ]}',
    );
    return ids;
  }
  checkUnknownKeys(r, value, ROOT_KEYS, { path: "" }, "sources.json");
  if (hasKey(value, "$schema") && typeof value.$schema !== "string") {
    r.error(
      "schema",
      { path: "$schema" },
      '"$schema" must be a string',
      'write "$schema": "./schema/sources.schema.json"',
    );
  }
  const sources = value.sources;
  if (!Array.isArray(sources)) {
    r.error(
      "schema",
      { path: "sources" },
      `"sources" must be an array, not ${describe(sources)}`,
      'write "sources": [ … ]',
    );
    return ids;
  }
  // Lineage names sources by id, so every id is known before any retelling is checked.
  const listed = new Set(
    sources.flatMap((s) => (isObject(s) && typeof s.id === "string" ? [s.id] : [])),
  );
  const known = { sources: listed, origins: checkOrigins(r, value.origins, listed) };
  const edges = new Map<string, string[]>();
  sources.forEach((source, index) => {
    const at: Where = { path: `sources[${index}]` };
    if (!isObject(source)) {
      r.error(
        "schema",
        at,
        `a source must be an object, not ${describe(source)}`,
        "write one object per document in seeds/",
      );
      return;
    }
    const id = requireString(r, source, "id", at);
    const retold = checkRetells(
      r,
      source,
      id,
      at,
      known,
      id === undefined ? undefined : seeds.get(id),
    );
    if (id !== undefined && retold.length && !edges.has(id)) edges.set(id, retold);
    if (id !== undefined) checkSourceId(r, id, ids, seeds, { ...at, path: `${at.path}.id` });
    checkUnknownKeys(r, source, SOURCE_KEYS, at, "a source");
    requireString(r, source, "title", at);
    if (source.outlet !== null) requireString(r, source, "outlet", at);
    requireString(r, source, "language", at);
    if (
      typeof source.language === "string" &&
      source.language !== "" &&
      !LANGUAGE_TAG.test(source.language)
    ) {
      r.error(
        "schema",
        { ...at, path: `${at.path}.language` },
        `language "${source.language}" is not a BCP 47 tag`,
        'write e.g. "en" or "es"',
      );
    }
    requireString(r, source, "notes", at, { allowEmpty: true });
    checkPublished(r, source.published, { ...at, path: `${at.path}.published` });
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
  if (ids.has(id)) {
    r.error(
      "duplicate-source",
      at,
      `source id "${id}" is listed twice`,
      "merge the two entries; each document in seeds/ has one",
    );
  }
  ids.add(id);
  if (!SOURCE_ID_PATTERN.test(id)) {
    r.error(
      "source-bad-id",
      at,
      `source id "${id}" is not a seeds/ file name without .txt`,
      'use the file name without directory or extension, e.g. "001_63de899742715ce7"',
    );
  } else if (!seeds.has(id)) {
    r.error(
      "source-without-seed",
      at,
      `source "${id}" has no text: seeds/${id}.txt does not exist`,
      "add the document to seeds/, or fix the id to match an existing file",
    );
  }
}

function checkPublished(r: Reporter, published: unknown, at: Where): void {
  if (!isObject(published)) {
    r.error(
      "schema",
      at,
      `"published" must be an object, not ${describe(published)}`,
      'write {"date": "2026-01-10", "precision": "day", "basis": "…"}',
    );
    return;
  }
  checkUnknownKeys(r, published, PUBLISHED_KEYS, at, "a source's published date");
  const precision = requireEnum(r, published, "precision", SOURCE_DATE_PRECISIONS, at);
  const date = requireString(r, published, "date", at, { allowEmpty: precision === "unknown" });
  if (date !== undefined && !(precision === "unknown" && date === "") && !isCalendarDate(date)) {
    r.error(
      "date-invalid",
      { ...at, path: `${at.path}.date` },
      `published date "${date}" is not a real calendar date in YYYY-MM-DD form`,
      'write an ISO date; for a week or month, its first day; "" if precision is "unknown"',
    );
  }
  requireString(r, published, "basis", at);
}
