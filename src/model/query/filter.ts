/**
 * Filtering: which events pass the chosen categories, statuses, sources, dates and search terms,
 * shared by the list, the map, the timeline and the exports so they always agree on what "shown"
 * means. A filter index holds the per-dataset work, so each change is one cheap pass.
 */
import { DAY, dayMs, eventSpan, eventSpans, type Spans } from "./dates.ts";
import { type DateOrder, INDEX_BITS, dateBand, dayKeys } from "./date-order.ts";
import { setIndexes, type IndexSet } from "./index-set.ts";
import { foldForSearch, quoteText, searchText } from "./search-text.ts";
import type { Citation, SituationEvent } from "../types.ts";
import type { Filters } from "../view-state.ts";

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

export function matches(
  e: SituationEvent,
  text: string,
  c: CompiledFilters,
  span: readonly [number, number] = eventSpan(e),
): boolean {
  return matchesSpan(e, () => text, 0, c, span[0], span[1]);
}

function matchesSpan(
  e: SituationEvent,
  textAt: (i: number) => string,
  i: number,
  c: CompiledFilters,
  start: number,
  end: number,
): boolean {
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

/** Per-dataset work done once, so that each filter change is one cheap pass. */
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
 * of reading every event's properties.
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

/** Makes the FilterColumns a slice at a time (reading every event's properties of a very big
 * dataset at once would hold the page): `to(k)` reads the events up to k,
 * `all()` the rest, and gives the columns. */
function columnsBuilder(events: readonly SituationEvent[]) {
  const n = events.length;
  const codes = <K>(names: K[], at: Map<K, number>, name: K) => {
    let k = at.get(name);
    if (k === undefined) at.set(name, (k = names.push(name) - 1));
    return k;
  };
  const categories: string[] = [],
    statuses: string[] = [],
    citations: Citation[] = [];
  const categoryAt = new Map<string, number>(),
    statusAt = new Map<string, number>(),
    citationAt = new Map<Citation, number>();
  const category = new Uint32Array(n),
    status = new Uint32Array(n),
    citeStart = new Uint32Array(n + 1);
  let cite = new Uint32Array(Math.max(64, 2 * n)),
    used = 0,
    made = 0;
  let columns: FilterColumns | null = null;
  const to = (upTo: number) => {
    for (let i = made; i < upTo; i++) {
      const p = events[i]!.properties,
        cs = p.citations;
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
      return (columns ??= {
        category,
        categories,
        status,
        statuses,
        citeStart,
        cite: cite.subarray(0, used),
        citations,
      });
    },
  };
}

/** Whether one of citations [from, to) of `cols.cite` passes `test` (each distinct citation is
 * tested once per filter pass: `memo` holds 0 = not yet, 1 = no, 2 = yes). */
function anyCitation(
  cols: FilterColumns,
  memo: Uint8Array,
  test: (c: Citation) => boolean,
  from: number,
  to: number,
): boolean {
  for (let k = from; k < to; k++) {
    const x = cols.cite[k]!;
    let m = memo[x]!;
    if (m === 0) memo[x] = m = test(cols.citations[x]!) ? 2 : 1;
    if (m === 2) return true;
  }
  return false;
}

/** Spans up front; the folded search text on the first search, or ahead of it in idle slices
 * (warmText). Folding is the costliest part of loading a big dataset, and most visits
 * never search; done in one go after loading, it froze the page just when it became usable. */
export function buildFilterIndex(
  events: readonly SituationEvent[],
  text?: readonly string[],
  spans?: Spans,
): FilterIndex {
  const { starts, ends } =
    spans && spans.starts.length === events.length ? spans : eventSpans(events);
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
      while (folded.length < events.length && timeLeft() > 1)
        fold(Math.min(events.length, folded.length + 256));
      return folded.length === events.length;
    },
  };
}

/** Indexes of the events that pass every filter, in dataset order. */
export function filterEvents(
  events: readonly SituationEvent[],
  index: readonly string[] | FilterIndex,
  f: Filters,
): number[] {
  return setIndexes(filterSet(events, index, f), events.length);
}

/**
 * The events that pass every filter, as a set: its bitmask is written in the one pass over the
 * events, with no list of indexes (a timeline step: one loop instead of three — filter,
 * list, mask). `index`: the filter index, or the search text alone (then the spans are read from
 * the events).
 */
export function filterSet(
  events: readonly SituationEvent[],
  index: readonly string[] | FilterIndex,
  f: Filters,
): IndexSet {
  const c = compileFilters(f);
  const ix = Array.isArray(index) ? null : (index as FilterIndex);
  const n = events.length,
    mask = new Uint8Array(n);
  let size = 0;
  if (ix && datesOnly(c)) {
    // Dates alone (a timeline drag with nothing else chosen): the spans' typed arrays are enough.
    // Without branches: which events pass a range looks random in dataset order, and a
    // mispredicted branch per event cost more than the pass itself.
    // Written as "not outside" so that a NaN date passes, as in matchesSpan.
    const { starts, ends } = ix,
      from = c.from,
      to = c.to;
    for (let i = 0; i < n; i++) {
      const pass = passesDates(starts[i]!, ends[i]!, from, to);
      mask[i] = pass;
      size += pass;
    }
  } else if (ix) {
    size = filterColumns(ix, c, mask);
  } else {
    const text = index as readonly string[],
      textAt = (k: number) => text[k] ?? "";
    for (let i = 0; i < n; i++) {
      const e = events[i]!;
      const [start, end] = eventSpan(e);
      if (matchesSpan(e, textAt, i, c, start, end)) (mask[i] = 1), size++;
    }
  }
  return { size, has: (i) => mask[i] === 1, mask };
}

/** Whether nothing but dates is chosen: then the spans alone decide. */
const datesOnly = (c: CompiledFilters) =>
  !c.categories && !c.statuses && !c.sources && c.terms.length === 0;

/** 1 if a span overlaps [from, to], else 0, without a branch; a NaN date passes (as in matchesSpan). */
const passesDates = (start: number, end: number, from: number, to: number) =>
  (+(end < from) | +(start > to)) ^ 1;

/** matchesSpan for every event, from the filter index's typed arrays: writes `mask`, returns how
 * many pass. */
function filterColumns(ix: FilterIndex, c: CompiledFilters, mask: Uint8Array): number {
  const cols = ix.columns(),
    { starts, ends } = ix,
    from = c.from,
    to = c.to,
    terms = c.terms;
  const allowed = (names: string[], chosen: Set<string> | null) =>
    chosen ? Uint8Array.from(names, (name) => +chosen.has(name)) : null;
  const categoryOk = allowed(cols.categories, c.categories),
    statusOk = allowed(cols.statuses, c.statuses);
  const sources = c.sources,
    fromSource = (x: Citation) => sources!.has(x.source);
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
    const a = cols.citeStart[i]!,
      b = cols.citeStart[i + 1]!;
    if (sourceMemo && !anyCitation(cols, sourceMemo, fromSource, a, b)) continue;
    if (text) {
      const t = text[i] ?? "";
      let every = true;
      for (let k = 0; k < terms.length && every; k++)
        every = t.includes(terms[k]!) || anyCitation(cols, termMemos[k]!, quoteHolds[k]!, a, b);
      if (!every) continue;
    }
    mask[i] = 1;
    size++;
  }
  return size;
}

/**
 * filterSet for new dates, from the set the old dates gave, when nothing but dates is chosen
 * before and after (a timeline drag): only an event whose end lies between the old and the new
 * start of the range, or whose start lies between the old and the new end, can change, and those
 * are found by day in `ix.dateOrder()`. Null when this does not apply or would not be cheaper (a
 * move over more than a quarter of the events): then call filterSet.
 */
export function refilterDates(
  ix: FilterIndex,
  before: IndexSet,
  was: CompiledFilters,
  now: CompiledFilters,
): IndexSet | null {
  const n = ix.starts.length;
  if (
    !before.mask ||
    before.mask.length !== n ||
    n >= INDEX_BITS ||
    !datesOnly(was) ||
    !datesOnly(now)
  )
    return null;
  const { byStart, byEnd } = ix.dateOrder();
  const [a, b] = was.from === now.from ? [0, 0] : dateBand(byEnd, was.from, now.from);
  const [c, d] = was.to === now.to ? [0, 0] : dateBand(byStart, was.to, now.to);
  if (b - a + (d - c) > n / 4) return null;
  const mask = before.mask.slice(),
    { starts, ends } = ix,
    from = now.from,
    to = now.to;
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

export function hasActiveFilters(f: Filters): boolean {
  return (
    f.categories.length > 0 ||
    f.sources.length > 0 ||
    f.statuses.length > 0 ||
    !!f.from ||
    !!f.to ||
    f.q.trim() !== ""
  );
}
