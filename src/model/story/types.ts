/**
 * A story: an ordered walk through the events, each step a short text that rests on verbatim
 * passages, like an event (docs/data-format.md, "Stories"). Mirrors data/schema/story.schema.json.
 */
import type { QuoteSelector } from "../text/anchor.ts";
import type { Translations } from "../i18n/localized.ts";
import type { Category, Status } from "../types.ts";

/** Where a step puts the camera: GeoJSON order, [lng, lat]. */
export interface StoryCamera {
  center: [number, number];
  zoom: number;
}

/** The filters a step sets; each left out means "all", as in the view's Filters. */
export interface StoryFilters {
  categories?: Category[];
  sources?: string[];
  statuses?: Status[];
  q?: string;
}

export interface StoryStep {
  /** A URL-safe slug, unique in the story. */
  id: string;
  /** The curator's words; every claim in them rests on `citations`. */
  text: string;
  /** Ids of events in data/events.geojson that the step shows. */
  events: string[];
  camera: StoryCamera;
  /** The timeline range the step sets (inclusive days); left out, the range is open. */
  dates?: { from: string; to: string };
  filters?: StoryFilters;
  citations: StoryCitation[];
  /** The text, translated, by language: the same claims on the same citations. */
  i18n?: Translations<"text">;
}

/** A passage that a step's text rests on: a TextQuoteSelector into a seeds/ document. */
export interface StoryCitation extends QuoteSelector {
  source: string;
}

export interface Story {
  id: string;
  title: string;
  steps: StoryStep[];
  /** The title, translated, by language. */
  i18n?: Translations<"title">;
}
