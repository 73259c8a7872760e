/**
 * Numbers, plurals and dates through `Intl`, per language. One formatter per language and kind,
 * made on first use: a formatter is costly to make and cheap to call.
 */
import type { Lang } from "./lang.ts";

/** The BCP 47 locale each language formats with: day-month-year in both. */
const LOCALE: Record<Lang, string> = { en: "en-GB", es: "es" };

const cache = new Map<string, { format(x: number): string }>();
function cached(key: string, make: () => { format(x: number): string }) {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** 12,345 in English, 12.345 in Spanish. */
export const formatNumber = (lang: Lang, n: number): string =>
  cached(`n:${lang}`, () => new Intl.NumberFormat(LOCALE[lang])).format(n);

/** The form of a word that goes with `n`, by the language's plural rules. */
export function plural(lang: Lang, n: number, forms: { one: string; other: string }): string {
  const rules = cached(`p:${lang}`, () => {
    const r = new Intl.PluralRules(LOCALE[lang]);
    return { format: (x: number) => r.select(x) };
  });
  return rules.format(n) === "one" ? forms.one : forms.other;
}

const DAY: Intl.DateTimeFormatOptions = {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
};
const MONTH: Intl.DateTimeFormatOptions = { month: "long", year: "numeric", timeZone: "UTC" };
/** The timeline's ticks: "Sept 2025" for a month, "1 Sept" for a day. */
const TICK = {
  tickMonth: { month: "short", year: "numeric", timeZone: "UTC" },
  tickDay: { day: "numeric", month: "short", timeZone: "UTC" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;
const FORMATS = { day: DAY, month: MONTH, ...TICK };

const dateFormat = (lang: Lang, kind: keyof typeof FORMATS) =>
  cached(`d:${kind}:${lang}`, () => new Intl.DateTimeFormat(LOCALE[lang], FORMATS[kind]));

/** A timeline tick at `ms` (UTC): a month's or a day's short name. */
export const formatTick = (lang: Lang, kind: "month" | "day", ms: number): string =>
  dateFormat(lang, kind === "month" ? "tickMonth" : "tickDay")
    .format(ms)
    .replace(/\./g, "");

const utcMs = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);

/**
 * A calendar day, "1 Sept 2025" / "1 sept 2025". Some ICU versions abbreviate Spanish months
 * with a period ("sept."): dropped, for one form whatever the browser. An invalid day is shown
 * as given.
 */
export function formatDayIn(lang: Lang, iso: string): string {
  const ms = utcMs(iso);
  if (Number.isNaN(ms)) return iso;
  const s = dateFormat(lang, "day").format(ms);
  return lang === "es" ? s.replace(/\./g, "") : s;
}

/** A month, "September 2025" / "septiembre de 2025". */
export function formatMonthIn(lang: Lang, iso: string): string {
  const ms = utcMs(iso);
  return Number.isNaN(ms) ? iso : dateFormat(lang, "month").format(ms);
}
