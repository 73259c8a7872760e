/**
 * Checks one Feature of events.geojson against the shape in types.ts: its id, its properties,
 * when and where it happened. Geometry and citations have modules of their own.
 */
import { CATEGORIES, DATE_PRECISIONS, PLACE_PRECISIONS, SLUG_PATTERN, STATUSES } from "../types.ts";
import type { Category, DatePrecision, PlacePrecision, Status } from "../types.ts";
import { type CitationContext, checkCitations } from "./citations.ts";
import {
  type JsonObject,
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
import { checkGeometry } from "./geometry.ts";

/** What the summary counts about one event; fields are undefined where the data was invalid. */
export interface EventFacts {
  id?: string;
  category?: Category;
  datePrecision?: DatePrecision;
  placePrecision?: PlacePrecision;
  status?: Status;
  nullGeometry: boolean;
  citationSources: string[];
  citationCount: number;
}

const FEATURE_KEYS = ["type", "id", "geometry", "properties", "bbox"];
const PROPERTY_KEYS = [
  "title",
  "summary",
  "category",
  "actors",
  "date",
  "place",
  "status",
  "expected",
  "citations",
];
const DATE_KEYS = ["start", "end", "precision", "basis"];
const PLACE_KEYS = ["name", "precision", "radius_km", "basis"];

export function checkFeature(
  r: Reporter,
  feature: unknown,
  index: number,
  context: CitationContext,
): EventFacts {
  const facts: EventFacts = { nullGeometry: false, citationSources: [], citationCount: 0 };
  const path = `features[${index}]`;
  if (!isObject(feature)) {
    r.error(
      "schema",
      { path },
      `a feature must be an object, not ${describe(feature)}`,
      'write {"type": "Feature", "id": …, "geometry": …, "properties": {…}}',
    );
    return facts;
  }
  const id = checkId(r, feature, path);
  if (id !== undefined) facts.id = id;
  const where: Where = id === undefined ? { path } : { path, featureId: id };

  if (feature.type !== "Feature") {
    r.error(
      "schema",
      { ...where, path: `${path}.type` },
      `"type" must be "Feature", not ${JSON.stringify(feature.type) ?? "missing"}`,
      'set "type": "Feature"',
    );
  }
  checkUnknownKeys(r, feature, FEATURE_KEYS, where, "a feature");
  if (!hasKey(feature, "geometry")) {
    r.error(
      "schema",
      { ...where, path: `${path}.geometry` },
      '"geometry" is required (RFC 7946), though it may be null',
      'add "geometry": null for an event with no place on the map',
    );
  } else {
    const geometry = checkGeometry(r, feature.geometry, { ...where, path: `${path}.geometry` });
    facts.nullGeometry = geometry.isNull;
    const radius =
      isObject(feature.properties) && isObject(feature.properties.place)
        ? feature.properties.place.radius_km
        : undefined;
    if (radius !== undefined && geometry.type !== "Point") {
      r.warning(
        "radius",
        { ...where, path: `${path}.properties.place.radius_km` },
        `radius_km is set but the geometry is ${geometry.type ?? "null"}, not a Point`,
        "radius_km is an uncertainty circle around a Point: remove it or make the geometry a Point",
      );
    }
  }

  const properties = feature.properties;
  const at: Where = { ...where, path: `${path}.properties` };
  if (!isObject(properties)) {
    r.error(
      "schema",
      at,
      `"properties" must be an object, not ${describe(properties)}`,
      "add the event's title, summary, category, actors, date, place, status and citations",
    );
    return facts;
  }
  checkUnknownKeys(r, properties, PROPERTY_KEYS, at, "an event's properties");
  requireString(r, properties, "title", at);
  requireString(r, properties, "summary", at);
  const category = checkCategory(r, properties, at);
  if (category !== undefined) facts.category = category;
  checkActors(r, properties.actors, { ...at, path: `${at.path}.actors` });
  const datePrecision = checkDate(r, properties.date, { ...at, path: `${at.path}.date` });
  if (datePrecision !== undefined) facts.datePrecision = datePrecision;
  const placePrecision = checkPlace(r, properties.place, { ...at, path: `${at.path}.place` });
  if (placePrecision !== undefined) facts.placePrecision = placePrecision;
  const status = requireEnum(r, properties, "status", STATUSES, at);
  if (status !== undefined) facts.status = status;
  const expected = properties.expected;
  if (expected !== undefined && typeof expected !== "boolean") {
    r.error(
      "schema",
      { ...at, path: `${at.path}.expected` },
      `"expected" must be true or false, not ${describe(expected)}`,
      'write "expected": true for an event the sources only announce or expect; leave it out otherwise',
    );
  }
  const citations = checkCitations(
    r,
    properties.citations,
    { status, expected: expected === true },
    { ...at, path: `${at.path}.citations` },
    context,
  );
  facts.citationSources = citations.sources;
  facts.citationCount = citations.count;
  return facts;
}

function checkId(r: Reporter, feature: JsonObject, path: string): string | undefined {
  const id = feature.id;
  if (id === undefined || id === null) {
    r.error(
      "missing-id",
      { path: `${path}.id` },
      "the feature has no id",
      'add a stable, URL-safe slug, e.g. "id": "caracas-raid-2026-01-03"; links to the event use it',
    );
    return undefined;
  }
  if (typeof id !== "string") {
    r.error(
      "id-not-slug",
      { path: `${path}.id` },
      `the id must be a string slug, not ${describe(id)} ${JSON.stringify(id)}`,
      'use a slug like "caracas-raid-2026-01-03", not an array index or number (renumbering would break links)',
    );
    return undefined;
  }
  if (!SLUG_PATTERN.test(id)) {
    r.error(
      "id-not-slug",
      { path: `${path}.id`, featureId: id },
      `id "${id}" is not a URL-safe slug`,
      "use lower-case letters, digits and single hyphens, e.g. caracas-raid-2026-01-03",
    );
  }
  return id;
}

function checkCategory(r: Reporter, properties: JsonObject, at: Where): Category | undefined {
  const category = requireString(r, properties, "category", at);
  if (category === undefined) return undefined;
  if ((CATEGORIES as readonly string[]).includes(category)) return category as Category;
  r.error(
    "unknown-category",
    { ...at, path: `${at.path}.category` },
    `unknown category "${category}"`,
    `use one of: ${CATEGORIES.join(", ")}`,
  );
  return undefined;
}

function checkActors(r: Reporter, actors: unknown, at: Where): void {
  if (!Array.isArray(actors)) {
    r.error(
      "schema",
      at,
      `"actors" must be an array of names, not ${describe(actors)}`,
      'write e.g. "actors": ["US State Department"], or [] if none is named',
    );
    return;
  }
  actors.forEach((actor, k) => {
    if (typeof actor !== "string" || actor.trim() === "") {
      r.error(
        "schema",
        { ...at, path: `${at.path}[${k}]` },
        `an actor must be a non-empty string, not ${describe(actor)}`,
        "write the actor's name as the source gives it",
      );
    }
  });
}

function checkDate(r: Reporter, date: unknown, at: Where): DatePrecision | undefined {
  if (!isObject(date)) {
    r.error(
      "schema",
      at,
      `"date" must be an object, not ${describe(date)}`,
      'write {"start": "2026-01-03", "precision": "day", "basis": "…"}',
    );
    return undefined;
  }
  checkUnknownKeys(r, date, DATE_KEYS, at, "a date");
  const readDay = (key: "start" | "end"): string | undefined => {
    const value = requireString(r, date, key, at, { optional: key === "end" });
    if (value === undefined) return undefined;
    if (isCalendarDate(value)) return value;
    r.error(
      "date-invalid",
      { ...at, path: `${at.path}.${key}` },
      `date ${key} "${value}" is not a real calendar date in YYYY-MM-DD form`,
      "write an ISO date such as 2026-01-03 (check the day exists in that month)",
    );
    return undefined;
  };
  const start = readDay("start");
  const end = readDay("end");
  const precision = requireEnum(r, date, "precision", DATE_PRECISIONS, at);
  requireString(r, date, "basis", at);
  if (start !== undefined && end !== undefined && end < start) {
    r.error(
      "date-order",
      { ...at, path: `${at.path}.end` },
      `date ends (${end}) before it starts (${start})`,
      "swap start and end, or fix the typo",
    );
  }
  const hasEnd = hasKey(date, "end");
  if (precision === "range" && !hasEnd) {
    r.error(
      "date-precision",
      { ...at, path: `${at.path}.precision` },
      'precision is "range" but there is no end date',
      'add "end" (inclusive), or use precision "day"',
    );
  } else if ((precision === "week" || precision === "month") && !hasEnd) {
    r.warning(
      "date-precision",
      { ...at, path: `${at.path}.precision` },
      `precision is "${precision}" but there is no end date`,
      `add "end" (the last day of that ${precision}) so the timeline can draw the span`,
    );
  } else if (precision === "before" && hasEnd) {
    r.error(
      "date-precision",
      { ...at, path: `${at.path}.end` },
      'precision is "before" but there is an end date',
      '"before" means no date is known, only the day by which it had happened: put that day in "start" and remove "end", or use precision "range"',
    );
  } else if (precision === "day" && end !== undefined && start !== undefined && end !== start) {
    r.warning(
      "date-precision",
      { ...at, path: `${at.path}.end` },
      `precision is "day" but the date spans ${start} to ${end}`,
      'use precision "range" for a span, or drop "end"',
    );
  }
  return precision;
}

function checkPlace(r: Reporter, place: unknown, at: Where): PlacePrecision | undefined {
  if (!isObject(place)) {
    r.error(
      "schema",
      at,
      `"place" must be an object, not ${describe(place)}`,
      'write {"name": "Caracas", "precision": "city", "basis": "…"}',
    );
    return undefined;
  }
  checkUnknownKeys(r, place, PLACE_KEYS, at, "a place");
  requireString(r, place, "name", at);
  const precision = requireEnum(r, place, "precision", PLACE_PRECISIONS, at);
  requireString(r, place, "basis", at);
  if (hasKey(place, "radius_km")) {
    const radius = place.radius_km;
    const path = `${at.path}.radius_km`;
    if (typeof radius !== "number" || !Number.isFinite(radius)) {
      r.error(
        "schema",
        { ...at, path },
        `radius_km must be a number, not ${describe(radius)}`,
        "write the uncertainty radius in kilometres, e.g. 5",
      );
    } else if (radius <= 0) {
      r.error(
        "radius",
        { ...at, path },
        `radius_km is ${radius}; it must be positive`,
        "give the uncertainty radius in kilometres (e.g. 5), or remove radius_km",
      );
    }
  }
  return precision;
}
