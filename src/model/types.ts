/**
 * The domain model of the situation map: events, the places and times they claim, and the
 * verbatim passages (citations) they rest on. Pure TypeScript: imported by the browser app, the
 * CLI and the tests alike, so it must never import solid-js or maplibre-gl.
 */
import type { Geometry } from "geojson";

/** The closed set of event categories. Documented in README.md ("Data format"). */
export const CATEGORIES = [
  "security-alert",
  "checkpoint",
  "military-strike",
  "raid",
  "detention",
  "prison",
  "protest",
  "maritime-seizure",
  "naval-deployment",
  "airspace",
  "diplomacy",
  "statement",
  "sanctions",
] as const;
export type Category = (typeof CATEGORIES)[number];

export const DATE_PRECISIONS = ["day", "week", "month", "range"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PLACE_PRECISIONS = ["exact", "approximate", "city", "region", "country"] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

export const STATUSES = ["reported", "corroborated", "disputed"] as const;
export type Status = (typeof STATUSES)[number];

export const STANCES = ["reports", "denies", "claims"] as const;
export type Stance = (typeof STANCES)[number];

/**
 * A W3C Web Annotation TextQuoteSelector into one source document, plus the stance the passage
 * takes towards the event. `exact` must occur verbatim in the source (whitespace, typographic
 * quotes and dashes are folded when matching); where it occurs more than once, `prefix` and/or
 * `suffix` (text immediately before / after) must pick out exactly one occurrence.
 */
export interface Citation {
  source: string;
  exact: string;
  prefix?: string;
  suffix?: string;
  stance: Stance;
}

/** When an event happened. ISO dates (YYYY-MM-DD); `end` is inclusive and only for spans. */
export interface EventDate {
  start: string;
  end?: string;
  precision: DatePrecision;
  /** Curator's reasoning: which cited words fix the date, and how. */
  basis: string;
}

/** Where an event happened, and how sure that is. */
export interface EventPlace {
  name: string;
  precision: PlacePrecision;
  /** Uncertainty radius around a Point, in kilometres. */
  radius_km?: number;
  /** Curator's reasoning: which cited words name the place, and how it was geocoded. */
  basis: string;
}

export interface EventProperties {
  title: string;
  /** A short summary in the curator's own words (never presented as a quote). */
  summary: string;
  category: Category;
  actors: string[];
  date: EventDate;
  place: EventPlace;
  status: Status;
  citations: Citation[];
}

/** One event: an RFC 7946 Feature whose `id` is a stable, URL-safe slug. */
export interface SituationEvent {
  type: "Feature";
  id: string;
  geometry: Geometry | null;
  properties: EventProperties;
}

export interface EventCollection {
  type: "FeatureCollection";
  /** Old event id → current id, so links published with a renamed id keep working. */
  aliases?: Record<string, string>;
  features: SituationEvent[];
}

export const SOURCE_DATE_PRECISIONS = ["day", "week", "month", "unknown"] as const satisfies readonly SourceDate["precision"][];

export interface SourceDate {
  /** ISO date (YYYY-MM-DD), or the first day of the week/month when less precise. */
  date: string;
  precision: "day" | "week" | "month" | "unknown";
  basis: string;
}

/** One source document in seeds/. */
export interface SourceDocument {
  /** The file name without `.txt`, e.g. `001_63de899742715ce7`. */
  id: string;
  title: string;
  /** The outlet as the text names it, or null where it names none. */
  outlet: string | null;
  published: SourceDate;
  /** BCP 47 language tag. */
  language: string;
  notes: string;
}

export interface SourceCollection {
  sources: SourceDocument[];
}

/** URL-safe slug used for event ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Source ids are seeds/ file names without `.txt`: no path separators, no dots. */
export const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
