/** Human-readable dates and precisions (pure string functions, no DOM): the UI and the event pages. */
import type { EventDate, EventPlace } from "./types.ts";

const fmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const fmtMonth = new Intl.DateTimeFormat("en-GB", {
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDay(iso: string): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : fmt.format(ms);
}

export function formatEventDate(d: EventDate): string {
  if (d.precision === "before") return `by ${formatDay(d.start)}`;
  if (d.precision === "month") return `${fmtMonth.format(Date.parse(`${d.start}T00:00:00Z`))}`;
  if (!d.end || d.end === d.start) return formatDay(d.start);
  const prefix = d.precision === "week" ? "week of " : "";
  return `${prefix}${formatDay(d.start)} – ${formatDay(d.end)}`;
}

export const DATE_PRECISION_LABEL = {
  day: "to the day",
  week: "to the week",
  month: "to the month",
  range: "within a range",
  before: "no date given: on or before",
} as const;

export function formatPlacePrecision(p: EventPlace): string {
  const base = {
    exact: "exact",
    approximate: "approximate",
    city: "city-level",
    region: "region-level",
    country: "country-level",
  }[p.precision];
  return p.radius_km ? `${base}, ±${p.radius_km} km` : base;
}

/** A citation card's label: the passage's stance, or, for a passage of only the date or place, that. */
export const STANCE_HEAD: Record<string, string> = {
  reports: "Reports",
  claims: "Relays a claim",
  denies: "Disputes",
  forecasts: "Forecasts",
  date: "Fixes the date",
  place: "Fixes the place",
};
