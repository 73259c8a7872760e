/**
 * What the page itself checks of a dataset it loads: the types and values the UI relies on, so
 * that a broken or hostile file is refused with a named problem (which event, which field)
 * instead of failing somewhere in the UI, and text too long to lay out is shortened, with a mark
 * that says so. The full rules are the validator's (validate.ts, `npm run check:data`); this is
 * the part the page cannot run without, cheap enough for a million events.
 */
import type { Steps } from "../slices.ts";
import {
  CATEGORIES,
  DATE_PRECISIONS,
  PLACE_PRECISIONS,
  SOURCE_ID_PATTERN,
  STANCES,
  STATUSES,
  SUPPORTS,
  type EventCollection,
  type SourceCollection,
} from "../types.ts";

/** The longest title and summary shown whole; longer ones are cut there, with a mark. */
export const MAX_TITLE = 500;
export const MAX_SUMMARY = 20_000;
/** The most source documents a dataset may name: each is one request when the page opens. */
export const MAX_SOURCES = 1000;

export class ShapeError extends Error {}

const sets = {
  category: new Set<string>(CATEGORIES),
  status: new Set<string>(STATUSES),
  date: new Set<string>(DATE_PRECISIONS),
  place: new Set<string>(PLACE_PRECISIONS),
  stance: new Set<string>(STANCES),
  supports: new Set<string>(SUPPORTS),
};

/** Nesting depth of each geometry's coordinates: 1 = one position. */
const DEPTH: Readonly<Record<string, number>> = {
  Point: 1,
  MultiPoint: 2,
  LineString: 2,
  MultiLineString: 3,
  Polygon: 3,
  MultiPolygon: 4,
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => typeof v === "string";
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Days seen to be good: a big dataset has a few thousand distinct ones. */
const goodDays = new Set<string>();
/** A YYYY-MM-DD day that Date reads (the UI formats and counts days with it). */
function isDay(v: unknown): boolean {
  if (typeof v !== "string") return false;
  if (goodDays.has(v)) return true;
  if (!DAY.test(v) || Number.isNaN(Date.parse(v))) return false;
  if (goodDays.size < 100_000) goodDays.add(v);
  return true;
}
/** Shown as a value in a message: short, and quoted. */
const shown = (v: unknown) => {
  const s = typeof v === "string" ? JSON.stringify(v.slice(0, 80)) : String(v);
  return s.length > 100 ? `${s.slice(0, 100)}…` : s;
};

/** A string too long to lay out, cut with a mark that says how long it was. */
export function shorten(s: string, max: number, what: string): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max)}… [${what} shortened: ${s.length.toLocaleString("en")} characters]`;
}

/** Why these coordinates are not `depth` levels of finite, in-range positions, or null. */
function coordinatesProblem(c: unknown, depth: number): string | null {
  if (!Array.isArray(c)) return `is ${shown(c)}, not an array`;
  if (depth === 1) {
    for (const n of c)
      if (typeof n !== "number" || !Number.isFinite(n))
        return `holds ${Array.isArray(n) ? "an array" : shown(n)} where a number should be`;
    if (c.length < 2 || c.length > 3) return `has ${c.length} numbers, not a [lon, lat] position`;
    if (Math.abs(c[0]) > 180 || Math.abs(c[1]) > 90)
      return `holds [${c[0]}, ${c[1]}], off the globe`;
    return null;
  }
  for (const item of c) {
    const p = coordinatesProblem(item, depth - 1);
    if (p) return p;
  }
  return null;
}

function geometryProblem(g: unknown): string | null {
  if (g === null) return null;
  if (!isObj(g)) return "geometry is not an object or null";
  const depth = typeof g.type === "string" && Object.hasOwn(DEPTH, g.type) ? DEPTH[g.type] : 0;
  if (!depth) return `geometry.type ${shown(g.type)} is not a Point, LineString, Polygon or Multi*`;
  const p = coordinatesProblem(g.coordinates, depth!);
  return p && `geometry.coordinates ${p}`;
}

function enumProblem(o: Obj, key: string, set: Set<string>, where: string, optional = false) {
  const v = o[key];
  if (optional && v === undefined) return null;
  return str(v) && set.has(v as string)
    ? null
    : `${where}${key} ${shown(v)} is not one of its values`;
}

function citationProblem(c: unknown, k: number): string | null {
  const problem = citationShapeProblem(c);
  return problem && `citations[${k}]${problem}`;
}

function citationShapeProblem(c: unknown): string | null {
  if (!isObj(c)) return " is not an object";
  if (!str(c.source)) return ".source is not a string";
  if (!str(c.exact) || !(c.exact as string).length) return ".exact is not a non-empty string";
  if (c.prefix !== undefined && !str(c.prefix)) return ".prefix is not a string";
  if (c.suffix !== undefined && !str(c.suffix)) return ".suffix is not a string";
  const speaker = c.speaker;
  if (speaker !== undefined && !(isObj(speaker) && str(speaker.name) && str(speaker.words)))
    return ".speaker is not { name, words }";
  return (
    enumProblem(c, "stance", sets.stance, ".") ??
    enumProblem(c, "supports", sets.supports, ".", true)
  );
}

function propertiesProblem(p: unknown): string | null {
  if (!isObj(p)) return "properties is not an object";
  if (!str(p.title)) return "properties.title is not a string";
  if (p.summary !== undefined && !str(p.summary)) return "properties.summary is not a string";
  if (p.expected !== undefined && typeof p.expected !== "boolean")
    return "properties.expected is not true or false";
  if (p.actors !== undefined && !(Array.isArray(p.actors) && p.actors.every(str)))
    return "properties.actors is not a list of strings";
  const d = p.date;
  if (!isObj(d) || !isDay(d.start)) return "properties.date.start is not a YYYY-MM-DD date";
  if (d.end !== undefined && !isDay(d.end)) return "properties.date.end is not a YYYY-MM-DD date";
  const place = p.place;
  if (place !== undefined) {
    if (!isObj(place) || !str(place.name)) return "properties.place has no name string";
    if (place.radius_km !== undefined && !Number.isFinite(place.radius_km))
      return "properties.place.radius_km is not a finite number";
    const e = enumProblem(place, "precision", sets.place, "properties.place.", true);
    if (e) return e;
  }
  if (!Array.isArray(p.citations)) return "properties.citations is not a list";
  for (let k = 0; k < p.citations.length; k++) {
    const e = citationProblem(p.citations[k], k);
    if (e) return `properties.${e}`;
  }
  return (
    enumProblem(p, "category", sets.category, "properties.") ??
    enumProblem(p, "status", sets.status, "properties.") ??
    enumProblem(d, "precision", sets.date, "properties.date.")
  );
}

/** Why this feature cannot be shown, or null. */
export function featureProblem(f: unknown): string | null {
  if (!isObj(f)) return "is not an object";
  if (typeof f.id !== "string" || !f.id || f.id.length > 200)
    return "has no id string (of at most 200 characters)";
  return geometryProblem(f.geometry) ?? propertiesProblem(f.properties);
}

/**
 * Checks every event (throwing a ShapeError that names the first bad one and its field), and
 * shortens titles and summaries too long to show. Yields every `slice` events (see slices.ts).
 */
export function* checkEventsSteps(events: EventCollection, slice = Infinity): Steps<void> {
  const aliases: unknown = events.aliases;
  if (aliases !== undefined && !(isObj(aliases) && Object.values(aliases).every(str)))
    throw new ShapeError('"aliases" is not an object of id → id');
  const features = events.features as unknown[];
  for (let i = 0; i < features.length; i++) {
    if (i % slice === slice - 1) yield;
    const f = features[i];
    const problem = featureProblem(f);
    if (problem) {
      const id = isObj(f) && str(f.id) ? ` (${shown(f.id)})` : "";
      throw new ShapeError(`event ${i + 1}${id} ${problem}`);
    }
    const p = (f as { properties: { title: string; summary?: string } }).properties;
    if (p.title.length > MAX_TITLE) p.title = shorten(p.title, MAX_TITLE, "title");
    if (p.summary !== undefined && p.summary.length > MAX_SUMMARY)
      p.summary = shorten(p.summary, MAX_SUMMARY, "summary");
  }
}

/** Checks the sources file: a list of at most MAX_SOURCES records with a safe id and a title. */
export function checkSources(sources: SourceCollection): void {
  const list: unknown = sources.sources;
  if (!Array.isArray(list)) throw new ShapeError('has no "sources" array');
  if (list.length > MAX_SOURCES)
    throw new ShapeError(
      `names ${list.length.toLocaleString("en")} source documents, more than this map reads (${MAX_SOURCES.toLocaleString("en")})`,
    );
  list.forEach((s: unknown, i) => {
    // The id names the text's file: a path or a dot in it would read another file.
    if (!isObj(s) || !str(s.id) || !SOURCE_ID_PATTERN.test(s.id as string))
      throw new ShapeError(`source ${i + 1} has no id of letters, digits, _ and -`);
    if (!str(s.title)) throw new ShapeError(`source ${i + 1} (${shown(s.id)}) has no title string`);
    if (s.title.length > MAX_TITLE) s.title = shorten(s.title as string, MAX_TITLE, "title");
    const named = `source ${i + 1} (${shown(s.id)})`;
    if (s.outlet !== undefined && s.outlet !== null && !str(s.outlet))
      throw new ShapeError(`${named} outlet is not a string`);
    for (const key of ["notes", "language"])
      if (s[key] !== undefined && !str(s[key]))
        throw new ShapeError(`${named} ${key} is not a string`);
    const p = s.published;
    if (p !== undefined && !(isObj(p) && isDay(p.date) && str(p.precision)))
      throw new ShapeError(`${named} published is not { date: YYYY-MM-DD, precision }`);
  });
}
