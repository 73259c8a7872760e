/**
 * Checks one Feature of events.geojson beyond its structure (which the schema states): that its
 * dates exist and agree with their precision, that an uncertainty radius has a point to be
 * around, and what its geometry and citations say. Reads values defensively: a malformed one is
 * the schema's to report, and is skipped here.
 */
import { STATUSES } from "../types.ts";
import { type CitationContext, checkCitations } from "./citations.ts";
import {
  type JsonObject,
  type Reporter,
  type Where,
  isCalendarDate,
  isObject,
  oneOf,
  stringAt,
} from "./context.ts";
import { checkGeometry } from "./geometry.ts";

/** What the summary counts about one event; the summary ignores values it does not know. */
export interface EventFacts {
  id?: string;
  category?: string;
  datePrecision?: string;
  placePrecision?: string;
  status?: string;
  nullGeometry: boolean;
  citationSources: string[];
  citationCount: number;
}

export function checkFeature(
  r: Reporter,
  feature: unknown,
  index: number,
  context: CitationContext,
): EventFacts {
  const facts: EventFacts = { nullGeometry: false, citationSources: [], citationCount: 0 };
  if (!isObject(feature)) return facts;
  const path = `features[${index}]`;
  const id = stringAt(feature, "id");
  if (id !== undefined) facts.id = id;
  const where: Where = id === undefined ? { path } : { path, featureId: id };
  facts.nullGeometry = feature.geometry === null;
  checkGeometry(r, feature.geometry, { ...where, path: `${path}.geometry` });

  const properties = isObject(feature.properties) ? feature.properties : {};
  const at: Where = { ...where, path: `${path}.properties` };
  const date = isObject(properties.date) ? properties.date : {};
  const place = isObject(properties.place) ? properties.place : {};
  if (!r.flagged(`${path}.geometry`))
    checkRadius(r, feature.geometry, place, { ...at, path: `${at.path}.place.radius_km` });
  checkDate(r, date, { ...at, path: `${at.path}.date` });
  Object.assign(facts, {
    category: stringAt(properties, "category"),
    datePrecision: stringAt(date, "precision"),
    placePrecision: stringAt(place, "precision"),
  });
  const status = oneOf(STATUSES, properties.status);
  if (status !== undefined) facts.status = status;
  const citations = checkCitations(
    r,
    properties.citations,
    { status, expected: properties.expected === true },
    { ...at, path: `${at.path}.citations` },
    context,
  );
  facts.citationSources = citations.sources;
  facts.citationCount = citations.count;
  return facts;
}

function checkRadius(r: Reporter, geometry: unknown, place: JsonObject, at: Where): void {
  const type = geometry === null ? "null" : isObject(geometry) ? geometry.type : undefined;
  if (!Object.hasOwn(place, "radius_km") || r.flagged(at.path)) return;
  if (typeof type !== "string" || type === "Point") return;
  r.warning(
    "radius",
    at,
    `radius_km is set but the geometry is ${type}, not a Point`,
    "radius_km is an uncertainty circle around a Point: remove it or make the geometry a Point",
  );
}

function checkDate(r: Reporter, date: JsonObject, at: Where): void {
  const readDay = (key: "start" | "end"): string | undefined => {
    const value = stringAt(date, key);
    const path = `${at.path}.${key}`;
    if (value === undefined || r.flagged(path)) return undefined;
    if (isCalendarDate(value)) return value;
    r.error(
      "date-invalid",
      { ...at, path },
      `date ${key} "${value}" is not a real calendar date in YYYY-MM-DD form`,
      "write an ISO date such as 2026-01-03 (check the day exists in that month)",
    );
    return undefined;
  };
  const start = readDay("start");
  const end = readDay("end");
  const precision = stringAt(date, "precision");
  if (start !== undefined && end !== undefined && end < start) {
    r.error(
      "date-order",
      { ...at, path: `${at.path}.end` },
      `date ends (${end}) before it starts (${start})`,
      "swap start and end, or fix the typo",
    );
  }
  const hasEnd = Object.hasOwn(date, "end");
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
}
