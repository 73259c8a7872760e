/**
 * The domain model of the situation map: events, the places and times they claim, and the
 * verbatim passages (citations) they rest on. Pure TypeScript: imported by the browser app, the
 * CLI and the tests alike, so it must never import solid-js or maplibre-gl.
 */
import type { Geometry } from "geojson";
import type { Translations } from "./i18n/localized.ts";

/** The closed set of event categories. Documented in docs/data-format.md. */
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
  "policy",
  "military-preparation",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** "before": the sources give no date, only a day by which it had happened (`start` holds that
 * day); nothing bounds it from below, so no start is made up. */
export const DATE_PRECISIONS = ["day", "week", "month", "range", "before"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PLACE_PRECISIONS = ["exact", "approximate", "city", "region", "country"] as const;
export type PlacePrecision = (typeof PLACE_PRECISIONS)[number];

export const STATUSES = ["reported", "corroborated", "disputed"] as const;
export type Status = (typeof STATUSES)[number];

/**
 * How a passage takes the event: it `reports` it as fact, `claims` it (relays someone's claim, or
 * hedges: "reportedly", "widely believed"), `denies` it, or `forecasts` it (says it is expected,
 * planned or announced, not that it happened).
 */
export const STANCES = ["reports", "denies", "claims", "forecasts"] as const;
export type Stance = (typeof STANCES)[number];

/**
 * What a passage is evidence of: the event itself (the default), or only its date or its place (a
 * dateline, a related headline, "on Saturday"). Only passages of the event itself count towards
 * its status.
 */
export const SUPPORTS = ["event", "date", "place"] as const;
export type Support = (typeof SUPPORTS)[number];

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
  /** Absent means "event". */
  supports?: Support;
  /** Whose words or claim the passage carries, when the text says so: a denial's must. */
  speaker?: Speaker;
  /** A translation of the passage, by language: shown beside it, labelled, never in its place. */
  i18n?: Translations<"quote">;
}

/** Who speaks in a passage: `words`, verbatim from the paragraph that holds the quote, and `name`,
 * the curator's label for them, so that passages naming one speaker differently are grouped. */
export interface Speaker {
  name: string;
  words: string;
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
  /**
   * True for an event the sources only expect or announce (a designation "expected on Monday", a
   * promised release): its date is the announced one, and the map draws it hollow.
   */
  expected?: boolean;
  citations: Citation[];
  /** The curator's translations of the title and summary, by language (docs/data-format.md). */
  i18n?: Translations<"title" | "summary">;
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

export const SOURCE_DATE_PRECISIONS = [
  "day",
  "week",
  "month",
  "unknown",
] as const satisfies readonly SourceDate["precision"][];

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
  /** Where this document, or parts of it, retell another source or an outside origin. */
  retells?: Retelling[];
}

/**
 * A source retelling another: all of it (no `parts`), or the parts its quote selectors mark. A
 * passage inside a retold part belongs to the origin it retells, not to this document.
 */
export interface Retelling {
  /** A sources.json id, or the id of an entry in `origins`. */
  of: string;
  /** Quote selectors into this source's own text; absent means the whole document. */
  parts?: Array<{ exact: string; prefix?: string; suffix?: string }>;
  /** Why the curator judges it a retelling. */
  basis: string;
}

/** A report that is not among the documents (unnamed, or named but not in seeds/), which some
 * of them retell. */
export interface OutsideOrigin {
  id: string;
  label: string;
  notes: string;
  /** A curator's translation of the label (docs/data-format.md, "Translations"). */
  i18n?: Translations<"label">;
}

export interface SourceCollection {
  sources: SourceDocument[];
  origins?: OutsideOrigin[];
}

/** URL-safe slug used for event ids. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Source ids are seeds/ file names without `.txt`: no path separators, no dots. */
export const SOURCE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
