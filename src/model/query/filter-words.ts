/**
 * The active filters in words: one removable chip per chosen value (the counter's chips), and one
 * line for the whole scope (the embed's subtitle), so a reader always sees what narrows the map.
 */
import { chips } from "../i18n/en/app.ts";
import type { Filters } from "../view-state.ts";

/** How to name a chosen value (the UI knows the labels and the sources' titles). */
export interface FilterNames {
  category: (c: string) => string;
  status: (s: string) => string;
  source: (id: string) => string;
}

export interface FilterChip {
  /** Unique among the chips, e.g. "cat:raid", "from". */
  key: string;
  /** What the chip shows: "Raid", "From 1 Nov 2025", "“colectivos”". */
  label: string;
  /** Its whole meaning, for its accessible name and tooltip: "Remove filter: category Raid". */
  description: string;
  /** The filters without it. */
  without: Partial<Filters>;
}

const day = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "2025-11-01" → "1 Nov 2025" (an unparsable value is shown as given). */
export function dayWords(iso: string): string {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return Number.isNaN(ms) ? iso : day.format(ms);
}

/** The words of the chips, in the language shown (the catalogue's `app.chips`). */
export type ChipWords = typeof chips;

/** A chip per active filter value, in the order of the filter bar; dates and search included. */
export function filterChips(
  f: Filters,
  names: FilterNames,
  words: ChipWords = chips,
  day: (iso: string) => string = dayWords,
): FilterChip[] {
  const out: FilterChip[] = [];
  const each = (
    kind: string,
    key: string,
    values: readonly string[],
    name: (v: string) => string,
  ) => {
    for (const v of values)
      out.push({
        key: `${key}:${v}`,
        label: name(v),
        description: words.remove(kind, name(v)),
        without: { [filterKey(key)]: values.filter((x) => x !== v) } as Partial<Filters>,
      });
  };
  each(words.category, "cat", f.categories, names.category);
  each(words.status, "status", f.statuses, names.status);
  each(words.source, "src", f.sources, names.source);
  if (f.from) out.push(dateChip("from", words.from(day(f.from)), { from: null }, words));
  if (f.to) out.push(dateChip("to", words.to(day(f.to)), { to: null }, words));
  const q = f.q.trim();
  if (q)
    out.push({
      key: "q",
      label: `“${q}”`,
      description: words.remove(words.search, `“${q}”`),
      without: { q: "" },
    });
  return out;
}

const filterKey = (key: string) =>
  ({ cat: "categories", status: "statuses", src: "sources" })[key] ?? key;

const dateChip = (
  key: string,
  label: string,
  without: Partial<Filters>,
  words: ChipWords,
): FilterChip => ({
  key,
  label,
  description: words.remove(words.dates, `${label[0]!.toLowerCase()}${label.slice(1)}`),
  without,
});

/** The words of the scope line, in the language shown (a lazy catalogue pair, model/i18n/<lang>/scope.ts). */
export interface ScopeWords {
  allDates: string;
  allEvents: string;
  or: string;
  range: (from: string, to: string) => string;
  from: (day: string) => string;
  until: (day: string) => string;
  citing: (sources: string) => string;
  matching: (q: string) => string;
}

/** The dates in words: "1 Nov 2025 – 31 Dec 2025", "from 1 Nov 2025", "until 31 Dec 2025", "". */
export function datesWords(
  f: Pick<Filters, "from" | "to">,
  words: ScopeWords,
  day: (iso: string) => string = dayWords,
): string {
  if (f.from && f.to) return words.range(day(f.from), day(f.to));
  if (f.from) return words.from(day(f.from));
  if (f.to) return words.until(day(f.to));
  return "";
}

/** The scope in one line: "All dates · all events", or "1 Nov 2025 – 31 Dec 2025 · Raid or
 * Maritime seizure · Disputed · citing 002 · matching “colectivos”". */
export function scopeWords(
  f: Filters,
  names: FilterNames,
  words: ScopeWords,
  day: (iso: string) => string = dayWords,
): string {
  const or = (xs: readonly string[], name: (v: string) => string) => xs.map(name).join(words.or);
  const parts = [datesWords(f, words, day) || words.allDates];
  if (f.categories.length) parts.push(or(f.categories, names.category));
  if (f.statuses.length) parts.push(or(f.statuses, names.status));
  if (f.sources.length) parts.push(words.citing(or(f.sources, names.source)));
  if (f.q.trim()) parts.push(words.matching(f.q.trim()));
  if (parts.length === 1) parts.push(words.allEvents);
  return parts.join(" · ");
}
