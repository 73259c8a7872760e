/**
 * Filtering and search: pure functions over the loaded events, shared by the list, the map, the
 * timeline and the exports so they always agree on what "shown" means.
 */
import { inSlices } from "./slices.ts";
import type { Filters } from "./view-state.ts";
import type { Citation, SituationEvent } from "./types.ts";

const DAY = 86_400_000;

/** Milliseconds since the epoch for an ISO day (UTC); NaN when it doesn't parse. */
export function dayMs(iso: string): number {
  let ms = dayCache.get(iso);
  if (ms === undefined) {
    ms = /^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) : NaN;
    // A dataset has a few hundred distinct days, read over and over (every span, every sort).
    if (dayCache.size > 50_000) dayCache.clear();
    dayCache.set(iso, ms);
  }
  return ms;
}
const dayCache = new Map<string, number>();

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** The inclusive span [start, end] an event's date covers, in epoch ms (end = start for a day). */
export function eventSpan(e: SituationEvent): [number, number] {
  const start = dayMs(e.properties.date.start);
  const end = e.properties.date.end ? dayMs(e.properties.date.end) : start;
  return [start, Math.max(start, end)];
}

/** Earliest start and latest end over the events, padded to whole days. */
export function dataSpan(events: readonly SituationEvent[]): [number, number] {
  let lo = Infinity, hi = -Infinity;
  for (const e of events) {
    const [s, t] = eventSpan(e);
    if (s < lo) lo = s;
    if (t > hi) hi = t;
  }
  return Number.isFinite(lo) ? [lo, hi + DAY - 1] : [0, 0];
}

/** Printable ASCII (and searchText's separator, \u0001) with single spaces: folding it only
 * lowercases it. */
const NOT_PLAIN = /[^\x01\x20-\x7e]| {2}/;

/** Folds case, accents, curly quotes and dashes so "Rodríguez" matches "rodriguez". */
export function foldForSearch(s: string): string {
  // Most text is plain ASCII: lowercasing it alone is ~4× cheaper (1M events' texts: seconds).
  if (!NOT_PLAIN.test(s)) return s.toLowerCase();
  // Latin-1 alone (most accented text: Bogotá, Cúcuta): each accented letter from a table made by
  // the same normalisation, which is per character there. The same result, without decomposing
  // the whole text; and one byte per character, where the decomposed text was two (at 1M events,
  // ~50 MB more heap for the quarter of haystacks with an accent).
  if (!NOT_LATIN1.test(s)) return foldLatin1(s).replace(/\s+/g, " ").toLowerCase();
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[‐-―−]/g, "-")
    .replace(/\s+/g, " ")
    .toLowerCase();
}

/** The folded haystack of one event's own words: title, summary, place and actors. Its quoted
 * passages are folded once per citation (see quoteText): big datasets share citations, and copying
 * every quote into every event's haystack cost ~450 bytes per event (450 MB at 1M). */
function searchText(e: SituationEvent): string {
  const p = e.properties;
  return foldForSearch([p.title, p.summary, p.place.name, ...p.actors].join(" \u0001 "));
}

const quotes = new WeakMap<object, string>();
/** A citation's quoted passage, folded (cached per citation object). */
function quoteText(c: { exact: string }): string {
  let t = quotes.get(c);
  if (t === undefined) quotes.set(c, (t = foldForSearch(c.exact)));
  return t;
}

/** One folded haystack per event. */
export function buildSearchText(events: readonly SituationEvent[]): string[] {
  return events.map(searchText);
}

/** buildSearchText in slices of `slice` events, awaiting `pause()` between them (1M events). */
export async function buildSearchTextInSlices(events: readonly SituationEvent[], pause: () => Promise<void>, slice = 20_000): Promise<string[]> {
  const out: string[] = [];
  await inSlices(events.length, slice, pause, (from, to) => {
    for (let i = from; i < to; i++) out.push(searchText(events[i]!));
  });
  return out;
}

export interface CompiledFilters {
  categories: Set<string> | null;
  sources: Set<string> | null;
  statuses: Set<string> | null;
  from: number;
  to: number;
  terms: string[];
  /** Per term, which quotes hold it (filled during one pass). */
  quoteHits?: Map<string, WeakMap<object, boolean>>;
}

export function compileFilters(f: Filters): CompiledFilters {
  const set = (xs: readonly string[]) => (xs.length ? new Set<string>(xs) : null);
  const from = f.from ? dayMs(f.from) : -Infinity;
  const to = f.to ? dayMs(f.to) + DAY - 1 : Infinity;
  return {
    categories: set(f.categories),
    sources: set(f.sources),
    statuses: set(f.statuses),
    from: Number.isNaN(from) ? -Infinity : from,
    to: Number.isNaN(to) ? Infinity : to,
    terms: foldForSearch(f.q).split(" ").filter(Boolean),
  };
}

export function matches(e: SituationEvent, text: string, c: CompiledFilters, span: readonly [number, number] = eventSpan(e)): boolean {
  return matchesSpan(e, () => text, 0, c, span[0], span[1]);
}

function matchesSpan(e: SituationEvent, textAt: (i: number) => string, i: number, c: CompiledFilters, start: number, end: number): boolean {
  const p = e.properties;
  if (c.categories && !c.categories.has(p.category)) return false;
  if (c.statuses && !c.statuses.has(p.status)) return false;
  // A span overlapping the range counts: a month-precise event may have happened inside it.
  if (end < c.from || start > c.to) return false;
  if (c.sources && !p.citations.some((x) => c.sources!.has(x.source))) return false;
  if (c.terms.length === 0) return true;
  const t = textAt(i);
  // Every term somewhere: in the event's own words or in one of its quotes (the " \u0001 "
  // separators never let a term span two fields, so this is the same as one joined haystack).
  return c.terms.every((term) => t.includes(term) || p.citations.some((x) => quoteHas(x, term, c)));
}

/** Whether a citation's quote holds a term, remembered per filter pass (shared citations). */
function quoteHas(x: { exact: string }, term: string, c: CompiledFilters): boolean {
  const hits = (c.quoteHits ??= new Map());
  let memo = hits.get(term);
  if (!memo) hits.set(term, (memo = new WeakMap()));
  let hit = memo.get(x);
  if (hit === undefined) memo.set(x, (hit = quoteText(x).includes(term)));
  return hit;
}

/** Per-dataset work done once, so that each filter change is one cheap pass (100k events). */
export interface FilterIndex {
  text: readonly string[];
  starts: Float64Array;
  ends: Float64Array;
  /** What the other filters read, as typed arrays (made on first use). */
  columns(): FilterColumns;
  /** The events by start day and by end day (made on first use), for refilterDates. */
  dateOrder(): DateOrder;
  /** Makes more of the columns, then the date order, then folds more of the search text, while
   * `timeLeft()` (ms) stays above 1, resuming where it stopped, and at least `atLeast` events per
   * call; true once it is all done. */
  warmText(timeLeft: () => number, atLeast?: number): boolean;
}

/**
 * Each event's category and status as a code (an index into `categories` and `statuses`), and its
 * citations as indexes into `citations`, the distinct citation objects (big datasets share them):
 * the citations of event i are `cite[citeStart[i]]` to `cite[citeStart[i + 1] - 1]`. A filter pass
 * then reads typed arrays, and asks each distinct citation about a source or a term once, instead
 * of reading every event's properties (100k events: a category chip ~10 → ~2 ms).
 */
export interface FilterColumns {
  category: Uint32Array;
  categories: string[];
  status: Uint32Array;
  statuses: string[];
  citeStart: Uint32Array;
  cite: Uint32Array;
  citations: Citation[];
}

/** Makes the FilterColumns a slice at a time (reading every event's properties: ~0.3 µs each
 * here, so 1M events would hold the page for ~0.3 s at once): `to(k)` reads the events up to k,
 * `all()` the rest, and gives the columns. */
function columnsBuilder(events: readonly SituationEvent[]) {
  const n = events.length;
  const codes = <K>(names: K[], at: Map<K, number>, name: K) => {
    let k = at.get(name);
    if (k === undefined) at.set(name, (k = names.push(name) - 1));
    return k;
  };
  const categories: string[] = [], statuses: string[] = [], citations: Citation[] = [];
  const categoryAt = new Map<string, number>(), statusAt = new Map<string, number>(), citationAt = new Map<Citation, number>();
  const category = new Uint32Array(n), status = new Uint32Array(n), citeStart = new Uint32Array(n + 1);
  let cite = new Uint32Array(Math.max(64, 2 * n)), used = 0, made = 0;
  let columns: FilterColumns | null = null;
  const to = (upTo: number) => {
    for (let i = made; i < upTo; i++) {
      const p = events[i]!.properties, cs = p.citations;
      category[i] = codes(categories, categoryAt, p.category);
      status[i] = codes(statuses, statusAt, p.status);
      if (used + cs.length > cite.length) {
        const grown = new Uint32Array(Math.max(2 * cite.length, used + cs.length));
        grown.set(cite);
        cite = grown;
      }
      for (let k = 0; k < cs.length; k++) cite[used++] = codes(citations, citationAt, cs[k]!);
      citeStart[i + 1] = used;
    }
    made = Math.max(made, upTo);
  };
  return {
    get made() {
      return made;
    },
    to,
    all(): FilterColumns {
      to(n);
      return (columns ??= { category, categories, status, statuses, citeStart, cite: cite.subarray(0, used), citations });
    },
  };
}

/** Whether one of citations [from, to) of `cols.cite` passes `test` (each distinct citation is
 * tested once per filter pass: `memo` holds 0 = not yet, 1 = no, 2 = yes). */
function anyCitation(cols: FilterColumns, memo: Uint8Array, test: (c: Citation) => boolean, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    const x = cols.cite[k]!;
    let m = memo[x]!;
    if (m === 0) memo[x] = m = test(cols.citations[x]!) ? 2 : 1;
    if (m === 2) return true;
  }
  return false;
}

/** Spans up front; the folded search text on the first search, or ahead of it in idle slices
 * (warmText). At 100k events folding takes ~0.6 s, the costliest part of loading, and most visits
 * never search; done in one go after loading, it froze the page just when it became usable. */
export function buildFilterIndex(events: readonly SituationEvent[], text?: readonly string[], spans?: Spans): FilterIndex {
  const { starts, ends } = spans && spans.starts.length === events.length ? spans : eventSpans(events, 0, events.length);
  // Folded ahead (the loader does it in slices for very big datasets), or folded here on demand.
  const folded: string[] = text && text.length === events.length ? [...text] : [];
  const fold = (upTo: number) => {
    for (let i = folded.length; i < upTo; i++) folded.push(searchText(events[i]!));
  };
  const built = columnsBuilder(events);
  const n = events.length;
  let byDay: DateOrder | null = null;
  const dateOrder = () => (byDay ??= { byStart: dayKeys(starts), byEnd: dayKeys(ends) });
  return {
    get text() {
      fold(events.length);
      return folded;
    },
    starts,
    ends,
    columns: built.all,
    dateOrder,
    warmText(timeLeft, atLeast = 256) {
      // The columns first, then the date keys (one pass and a counting sort), then the text.
      if (built.made < n) {
        built.to(Math.min(n, built.made + atLeast));
        while (built.made < n && timeLeft() > 1) built.to(Math.min(n, built.made + 2048));
        if (built.made < n) return false;
      }
      built.all();
      dateOrder();
      fold(Math.min(events.length, folded.length + atLeast));
      while (folded.length < events.length && timeLeft() > 1) fold(Math.min(events.length, folded.length + 256));
      return folded.length === events.length;
    },
  };
}

/** Every event's span (eventSpan), as two typed arrays. */
export interface Spans {
  starts: Float64Array;
  ends: Float64Array;
}

function eventSpans(events: readonly SituationEvent[], from: number, to: number, into?: Spans): Spans {
  const out = into ?? { starts: new Float64Array(events.length), ends: new Float64Array(events.length) };
  for (let i = from; i < to; i++) [out.starts[i], out.ends[i]] = eventSpan(events[i]!);
  return out;
}

/** The spans in slices of `slice` events, awaiting `pause()` between them (1M events). */
export async function eventSpansInSlices(events: readonly SituationEvent[], pause: () => Promise<void>, slice = 200_000): Promise<Spans> {
  const out: Spans = { starts: new Float64Array(events.length), ends: new Float64Array(events.length) };
  await inSlices(events.length, slice, pause, (from, to) => eventSpans(events, from, to, out));
  return out;
}

/** Indexes of the events that pass every filter, in dataset order. */
export function filterEvents(events: readonly SituationEvent[], index: readonly string[] | FilterIndex, f: Filters): number[] {
  return setIndexes(filterSet(events, index, f), events.length);
}

/**
 * The events that pass every filter, as a set: its bitmask is written in the one pass over the
 * events, with no list of indexes (a timeline step at 100k: one loop instead of three — filter,
 * list, mask). `index`: the filter index, or the search text alone (then the spans are read from
 * the events).
 */
export function filterSet(events: readonly SituationEvent[], index: readonly string[] | FilterIndex, f: Filters): IndexSet {
  const c = compileFilters(f);
  const ix = Array.isArray(index) ? null : (index as FilterIndex);
  const n = events.length, mask = new Uint8Array(n);
  let size = 0;
  if (ix && datesOnly(c)) {
    // Dates alone (a timeline drag with nothing else chosen): the spans' typed arrays are enough.
    // Without branches: which events pass a range looks random in dataset order, and a
    // mispredicted branch per event cost more than the pass itself (100k: ~1.2 → ~0.5 ms in Node).
    // Written as "not outside" so that a NaN date passes, as in matchesSpan.
    const { starts, ends } = ix, from = c.from, to = c.to;
    for (let i = 0; i < n; i++) {
      const pass = passesDates(starts[i]!, ends[i]!, from, to);
      mask[i] = pass;
      size += pass;
    }
  } else if (ix) {
    size = filterColumns(ix, c, mask);
  } else {
    const text = index as readonly string[], textAt = (k: number) => text[k] ?? "";
    for (let i = 0; i < n; i++) {
      const e = events[i]!;
      const [start, end] = eventSpan(e);
      if (matchesSpan(e, textAt, i, c, start, end)) (mask[i] = 1), size++;
    }
  }
  return { size, has: (i) => mask[i] === 1, mask };
}

/** Whether nothing but dates is chosen: then the spans alone decide. */
const datesOnly = (c: CompiledFilters) => !c.categories && !c.statuses && !c.sources && c.terms.length === 0;

/** 1 if a span overlaps [from, to], else 0, without a branch; a NaN date passes (as in matchesSpan). */
const passesDates = (start: number, end: number, from: number, to: number) => (+(end < from) | +(start > to)) ^ 1;

/** matchesSpan for every event, from the filter index's typed arrays: writes `mask`, returns how
 * many pass. */
function filterColumns(ix: FilterIndex, c: CompiledFilters, mask: Uint8Array): number {
  const cols = ix.columns(), { starts, ends } = ix, from = c.from, to = c.to, terms = c.terms;
  const allowed = (names: string[], chosen: Set<string> | null) => (chosen ? Uint8Array.from(names, (name) => +chosen.has(name)) : null);
  const categoryOk = allowed(cols.categories, c.categories), statusOk = allowed(cols.statuses, c.statuses);
  const sources = c.sources, fromSource = (x: Citation) => sources!.has(x.source);
  const sourceMemo = sources ? new Uint8Array(cols.citations.length) : null;
  const termMemos = terms.map(() => new Uint8Array(cols.citations.length));
  const quoteHolds = terms.map((term) => (x: Citation) => quoteText(x).includes(term));
  const text = terms.length ? ix.text : null;
  let size = 0;
  for (let i = 0; i < mask.length; i++) {
    if (categoryOk && categoryOk[cols.category[i]!] === 0) continue;
    if (statusOk && statusOk[cols.status[i]!] === 0) continue;
    // A span overlapping the range counts; a NaN date passes (as in matchesSpan).
    if (ends[i]! < from || starts[i]! > to) continue;
    const a = cols.citeStart[i]!, b = cols.citeStart[i + 1]!;
    if (sourceMemo && !anyCitation(cols, sourceMemo, fromSource, a, b)) continue;
    if (text) {
      const t = text[i] ?? "";
      let every = true;
      for (let k = 0; k < terms.length && every; k++) every = t.includes(terms[k]!) || anyCitation(cols, termMemos[k]!, quoteHolds[k]!, a, b);
      if (!every) continue;
    }
    mask[i] = 1;
    size++;
  }
  return size;
}

/**
 * Each event's day and index packed into one exact number (day · 2^21 + index), sorted (dayKeys):
 * the events by day of `byStart` and of `byEnd`. A date that is not a finite number has day 0.
 */
export interface DateOrder {
  byStart: Float64Array;
  byEnd: Float64Array;
}

const INDEX_BITS = 2 ** 21;
const LAST_DAY = 2 ** 31 - 1;
/** Days from ~1000 BCE on, each a whole number ≥ 1 (0: not a date). */
const dayKey = (ms: number) => (ms === Infinity ? LAST_DAY : Number.isFinite(ms) ? Math.min(LAST_DAY, Math.max(1, Math.floor(ms / DAY) + 1_000_000)) : 0);

/** The sorted keys, by a counting sort over the days (within a day by index, which is the keys'
 * own order): one pass instead of a sort (1M: ~30 instead of ~300 ms). A native sort when the days
 * are too far apart for counting (a stray date centuries off). */
function dayKeys(values: Float64Array): Float64Array {
  const n = values.length, days = new Uint32Array(n), keys = new Float64Array(n);
  let lo = LAST_DAY, hi = 0;
  for (let i = 0; i < n; i++) {
    const d = (days[i] = dayKey(values[i]!));
    if (d > 0 && d < lo) lo = d;
    if (d > hi) hi = d;
  }
  if (hi === 0) lo = 1; // no dates at all
  const slots = hi - lo + 2; // slot 0: not a date (day 0); slot d − lo + 1: day d
  if (slots > 4 * n + 1024) {
    for (let i = 0; i < n; i++) keys[i] = days[i]! * INDEX_BITS + i;
    return keys.sort();
  }
  const slot = (d: number) => (d === 0 ? 0 : d - lo + 1);
  const at = new Uint32Array(slots + 1);
  for (let i = 0; i < n; i++) at[slot(days[i]!) + 1]!++;
  for (let k = 1; k <= slots; k++) at[k]! += at[k - 1]!;
  for (let i = 0; i < n; i++) keys[at[slot(days[i]!)]!++] = days[i]! * INDEX_BITS + i;
  return keys;
}

/** The first position in sorted `keys` whose value is at least `key`. */
function lowerBound(keys: Float64Array, key: number): number {
  let lo = 0, hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * filterSet for new dates, from the set the old dates gave, when nothing but dates is chosen
 * before and after (a timeline drag): only an event whose end lies between the old and the new
 * start of the range, or whose start lies between the old and the new end, can change, and those
 * are found by day in `ix.dateOrder()`. Null when this does not apply or would not be cheaper (a
 * move over more than a quarter of the events): then call filterSet.
 */
export function refilterDates(ix: FilterIndex, before: IndexSet, was: CompiledFilters, now: CompiledFilters): IndexSet | null {
  const n = ix.starts.length;
  if (!before.mask || before.mask.length !== n || n >= INDEX_BITS || !datesOnly(was) || !datesOnly(now)) return null;
  const { byStart, byEnd } = ix.dateOrder();
  // Positions [a, b) of the events whose day is between those of two bounds (both included).
  const band = (keys: Float64Array, x: number, y: number): [number, number] => [
    lowerBound(keys, dayKey(Math.min(x, y)) * INDEX_BITS),
    lowerBound(keys, (dayKey(Math.max(x, y)) + 1) * INDEX_BITS),
  ];
  const [a, b] = was.from === now.from ? [0, 0] : band(byEnd, was.from, now.from);
  const [c, d] = was.to === now.to ? [0, 0] : band(byStart, was.to, now.to);
  if (b - a + (d - c) > n / 4) return null;
  const mask = before.mask.slice(), { starts, ends } = ix, from = now.from, to = now.to;
  let size = before.size;
  const check = (i: number) => {
    const pass = passesDates(starts[i]!, ends[i]!, from, to);
    size += pass - mask[i]!;
    mask[i] = pass;
  };
  for (let k = a; k < b; k++) check(byEnd[k]! % INDEX_BITS);
  for (let k = c; k < d; k++) check(byStart[k]! % INDEX_BITS);
  return { size, has: (i) => mask[i] === 1, mask };
}

/** The indexes in a set made by indexSet or filterSet (over [0, n)), ascending. */
export function setIndexes(set: IndexSet, n: number): number[] {
  const out = new Array<number>(set.size);
  let j = 0;
  if (set.mask) for (let i = 0; i < n; i++) { if (set.mask[i] === 1) out[j++] = i; }
  else for (let i = 0; i < n; i++) if (set.has(i)) out[j++] = i;
  out.length = j;
  return out;
}

/**
 * The shown events from the `from`-th to before the `to`-th of them, in `order`: the rows a list
 * scrolled there shows. Reads the order only as far as `to` (the top of a list scrolled to its
 * start reads a few dozen entries), so a timeline step does not list 100k shown events to draw
 * the 30 in view (~1.3 ms a step).
 */
export function shownInOrder(order: readonly number[], shown: IndexSet, from = 0, to = Infinity): readonly number[] {
  const end = Math.min(to, shown.size);
  if (from >= end) return [];
  // Nothing filtered out: the order itself, uncopied when all of it is asked for (1M: ~250 ms).
  if (shown.size === order.length) return from === 0 && end === order.length ? order : order.slice(from, end);
  const out: number[] = [];
  const mask = shown.mask;
  let seen = 0;
  for (let k = 0; k < order.length && seen < end; k++) {
    const i = order[k]!;
    if (mask ? mask[i] !== 1 : !shown.has(i)) continue;
    if (seen++ >= from) out.push(i);
  }
  return out;
}

/** Where event `idx` is among the shown events in `order` (its row in the list); −1 if not shown. */
export function shownPosition(order: readonly number[], shown: IndexSet, idx: number): number {
  if (!shown.has(idx)) return -1;
  let seen = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (i === idx) return seen;
    if (shown.has(i)) seen++;
  }
  return -1;
}

/** Up to this many events, events on the same dates are listed by title; above it (big datasets:
 * the same threshold as the point layer's) in dataset order. */
export const TITLE_ORDER_UP_TO = 5000;

/** Event indexes in chronological order: start, then end, then title (ignoring case and accents),
 * then dataset order. Above TITLE_ORDER_UP_TO events without the titles: sorting 100k of them was
 * ~0.17 s of a 100k page's loading, to order events that share a day in one arbitrary way rather
 * than another (the dataset's). Computed once per dataset; `spans` are the filter index's, when at
 * hand.
 *
 * At a few thousand events most comparisons would reach the titles (they share a few hundred
 * days), so instead of a comparator over three keys: one sort of the dates (start day and length
 * in days packed into one number, see sortByDates), then each run of events on
 * the same dates is sorted by title — short runs, so fewer title comparisons than one sort of all
 * titles (100k generated events in Node: ~260–330 ms ranking every title first, ~190–240 ms this
 * way, of which folding the titles for comparison is ~70–120 ms). */
export function chronologicalOrder(events: readonly SituationEvent[], spans?: Spans): number[] {
  const n = events.length;
  if (n >= 2 ** 21) return comparatorOrder(events); // indexes would not fit their 21 bits
  const { starts, ends } = spans && spans.starts.length === n ? spans : eventSpans(events, 0, n);
  const { dates, order: sorted } = sortByDates(starts, ends);
  const order = plain(sorted);
  if (n > TITLE_ORDER_UP_TO) return order;
  // Every title folded up front, into a dense array: a comparator that only reads it is ~1.6× as
  // fast as one that folds on first use (100k in Node: ~160 ms instead of ~260).
  const titles = new Array<string>(n);
  for (let i = 0; i < n; i++) titles[i] = sortTitle(events[i]!.properties.title);
  const byTitle = (a: number, b: number) => {
    const ta = titles[a]!, tb = titles[b]!;
    return ta < tb ? -1 : ta > tb ? 1 : a - b;
  };
  for (let from = 0; from < n; ) {
    const at = dates[order[from]!]!;
    let to = from + 1;
    while (to < n && dates[order[to]!] === at) to++;
    if (to - from > 1) {
      const run = order.slice(from, to).sort(byTitle);
      for (let k = 0; k < run.length; k++) order[from + k] = run[k]!;
    }
    from = to;
  }
  return order;
}

/** Chronological by start, then end, then dataset order — no titles: for datasets too big to
 * compare titles on the main thread (1M events: a linear sort of the dates instead of seconds of comparisons). */
export function chronologicalOrderByDate(starts: Float64Array, ends: Float64Array): number[] {
  if (starts.length >= 2 ** 21) throw new Error("chronologicalOrderByDate: more than 2^21 events");
  return plain(sortByDates(starts, ends).order);
}

/** A typed array's numbers in a plain array (what the list's order is). */
function plain(xs: Uint32Array): number[] {
  const out = new Array<number>(xs.length);
  for (let k = 0; k < xs.length; k++) out[k] = xs[k]!;
  return out;
}

/** A title as the order compares it: lower case, accents dropped. */
function sortTitle(title: string): string {
  const t = title.toLowerCase();
  if (!/[^\x00-\x7f]/.test(t)) return t;
  // Latin-1 alone (most accented titles: Bogotá, Cúcuta): each character from a table made by the
  // same normalisation, which is per character there (no combining marks below U+0300).
  if (!NOT_LATIN1.test(t)) return foldLatin1(t);
  return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

const LATIN1_FOLDED = Array.from({ length: 0x80 }, (_, k) => String.fromCharCode(0x80 + k).normalize("NFD").replace(/[\u0300-\u036f]/g, ""));
const NOT_LATIN1 = /[^\x00-\xff]/;
const LATIN1_HIGH = /[\x80-\xff]/g;
const latin1Folded = (c: string) => LATIN1_FOLDED[c.charCodeAt(0) - 0x80]!;
/** Latin-1 text with its accents dropped, character by character (LATIN1_FOLDED): for search and
 * for the title order alike. */
const foldLatin1 = (s: string) => s.replace(LATIN1_HIGH, latin1Folded);

/**
 * The events by date, then dataset order: each event's start day and length in days packed into
 * one number (`dates`: days from 1696 to 2413, 18 bits; lengths up to 22 years, 13 bits), and the
 * event indexes sorted by it (`order`).
 *
 * Sorted in two stable counting passes of 16 and 15 bits, which keep dataset order among equal
 * dates: linear time (1M events in the page: a native sort of packed keys was one ~140 ms task).
 */
function sortByDates(starts: Float64Array, ends: Float64Array): { dates: Uint32Array; order: Uint32Array } {
  const n = starts.length, dates = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const start = starts[i]!, end = ends[i]!;
    const day = Number.isFinite(start) ? Math.min(2 ** 18 - 1, Math.max(0, Math.floor(start / DAY) + 100_000)) : 0;
    const days = Number.isFinite(end - start) ? Math.min(2 ** 13 - 1, Math.max(0, Math.round((end - start) / DAY))) : 0;
    dates[i] = day * 2 ** 13 + days;
  }
  const byLow = new Uint32Array(n), order = new Uint32Array(n);
  const counts = new Uint32Array(1 << 16);
  for (let i = 0; i < n; i++) counts[dates[i]! & 0xffff]!++;
  startsOfBuckets(counts);
  for (let i = 0; i < n; i++) byLow[counts[dates[i]! & 0xffff]!++] = i;
  counts.fill(0);
  for (let i = 0; i < n; i++) counts[dates[i]! >>> 16]!++;
  startsOfBuckets(counts);
  for (let k = 0; k < n; k++) {
    const i = byLow[k]!;
    order[counts[dates[i]! >>> 16]!++] = i;
  }
  return { dates, order };
}

/** Counts per bucket → where each bucket starts (an exclusive prefix sum, in place). */
function startsOfBuckets(counts: Uint32Array): void {
  let at = 0;
  for (let b = 0; b < counts.length; b++) {
    const c = counts[b]!;
    counts[b] = at;
    at += c;
  }
}

/** The same order by a plain comparator (for more events than the packed key holds: no titles). */
function comparatorOrder(events: readonly SituationEvent[]): number[] {
  const spans = events.map(eventSpan);
  return events.map((_, i) => i).sort((a, b) => spans[a]![0] - spans[b]![0] || spans[a]![1] - spans[b]![1] || a - b);
}

export function hasActiveFilters(f: Filters): boolean {
  return f.categories.length > 0 || f.sources.length > 0 || f.statuses.length > 0 || !!f.from || !!f.to || f.q.trim() !== "";
}

/** A read-only set of event indexes: what the map and timeline ask of the visible events. */
export interface IndexSet {
  readonly size: number;
  has(idx: number): boolean;
  /** 1 at each index in the set (when built by indexSet): for tight loops. */
  readonly mask?: Uint8Array;
}

/** The indexes (distinct and ascending, as filterEvents gives them) as a bitmask over [0, n):
 * built in one pass and probed without hashing, which at 100k events is several times cheaper
 * than a Set on every timeline step. */
export function indexSet(n: number, idxs: readonly number[]): IndexSet {
  const mask = new Uint8Array(n);
  // Every index (nothing filtered, the usual case): no need to read them (1M: ~160 ms).
  if (idxs.length === n && n > 0 && idxs[0] === 0 && idxs[n - 1] === n - 1) mask.fill(1);
  else for (let k = 0; k < idxs.length; k++) mask[idxs[k]!] = 1;
  return { size: idxs.length, has: (i) => mask[i] === 1, mask };
}
