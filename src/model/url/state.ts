/**
 * The URL contract: every piece of view state lives in the hash fragment, so a link restores the
 * view exactly. Pure parse/format pair (no DOM, no solid-js, no maplibre-gl); value checks live in
 * validate.ts.
 *
 * v2 (written): `#map=<zoom>/<lat>/<lng>[/<bearing>[/<pitch>]]&event=<slug>&source=<id>
 *   &passage=<start>-<end>&cat=<c>,<c>&src=<id>,<id>&status=<s>,<s>&from=<YYYY-MM-DD>
 *   &to=<YYYY-MM-DD>&q=<text>&sort=newest&play=<mode>[,autoplay]&embed=1&data=<path>&sources=<path>&basemap=<streets|satellite>&story=<id>&step=<n>&curate=1&lang=<en|es>&v=2`
 * - Keys in that order, each omitted at its default; `v=2` only when some other key is present.
 * - `map` is MapLibre's own key (`hash: "map"`), written the way MapLibre writes it: zoom with 2
 *   decimals, bearing 1, pitch 0; lat/lng rounded to 5; bearing only when bearing or pitch ≠ 0,
 *   pitch only when ≠ 0.
 * - Lists are sorted and de-duplicated. Values are percent-encoded outside [A-Za-z0-9-_.~]
 *   (`,` also kept raw in q, `/` in data), so no value holds a raw `&`, `=`, `#`, `%` or `+`;
 *   spaces are %20 and a `+` in the hash is a literal plus.
 * - Reading never throws: input beyond 8 KB, unknown or repeated keys (first kept) and invalid
 *   values are dropped and reported in `ignored`; the rest still applies. A key with no `=` or
 *   an empty value means its default.
 *
 * v1 (read only, `legacy: true` so the app can rewrite the URL with replaceState):
 * - a bare id: `#caracas-night-raid` (no `=`) means event=caracas-night-raid; a bare
 *   `#zoom/lat/lng` (MapLibre's unnamed hash) means map=zoom/lat/lng;
 * - `e=<slug>` → event, `c=<cat>,<cat>` → cat, `d=<from>..<to>` (either side may be empty) →
 *   from/to, `z=<zoom>&ll=<lat>,<lng>` → map;
 * - any of these keys (v1 or v2) in the query string, `?event=…&cat=…` (see parseLocation);
 *   there `+` means a space, as in HTML forms. The hash wins over the query string, and in one
 *   string v2 keys win over v1 keys.
 */
import { isBasemap, type BasemapId } from "../basemap.ts";
import { emptyViewState, LIST_SORTS, type ListSort, type ViewState } from "../view-state.ts";
import type { Category, Status } from "../types.ts";
import {
  both,
  checkCamera,
  checkPassage,
  cleanQuery,
  isCategory,
  isDataPath,
  isSourcesPath,
  isEventId,
  isIsoDate,
  isSourceId,
  isStatus,
  is,
  knownIn,
  quote,
  type Checked,
  type Known,
} from "./validate.ts";
import { checkCurate, curateAllowed } from "./curate.ts";
import { CONTRACT_VERSION, KEY_ORDER, KEYS, LEGACY_KEYS, type HashKey } from "./keys.ts";
import { checkStep, checkStoryId, storyRefOf } from "./story.ts";
import { parsePlay } from "./playback.ts";
import { checkLang } from "./lang.ts";

export type { Known } from "./validate.ts";

export { CONTRACT_VERSION, KEY_ORDER, KEYS, LEGACY_KEYS, type HashKey } from "./keys.ts";
export { formatHash, sameState } from "./format.ts";

/** Longest input read; anything beyond is reported as ignored. */
export const MAX_INPUT = 8192;
const MAX_NOTES = 20;

export interface ParseResult {
  state: ViewState;
  /** Short human-readable notes on what was dropped and why. */
  ignored: string[];
  /** A v1 form (or the query string) was read: rewrite the URL to formatHash(state). */
  legacy: boolean;
}

interface Raw {
  value: string;
  label: string;
  plus: boolean;
}
type Fields = Map<string, Raw>;

const V2 = new Set<string>(KEY_ORDER);
const V1 = new Set<string>(Object.values(LEGACY_KEYS));

/** Splits `key=value&…` into raw (still encoded) values by v2 key, mapping v1 keys onto v2. */
function collect(
  input: string,
  fromQuery: boolean,
  notes: string[],
): { fields: Fields; legacy: boolean } {
  const prefix = fromQuery ? "?" : "";
  let s = typeof input === "string" ? input : "";
  if (s.startsWith(fromQuery ? "?" : "#")) s = s.slice(1);
  if (s.length > MAX_INPUT) {
    notes.push(`${prefix || "#"}: ${s.length - MAX_INPUT} characters beyond ${MAX_INPUT} ignored`);
    s = s.slice(0, MAX_INPUT);
  }
  const fields: Fields = new Map();
  const old: Fields = new Map();
  const bare: string[] = [];
  for (const seg of s.split("&")) {
    if (!seg) continue;
    const eq = seg.indexOf("=");
    const key = eq < 0 ? seg : seg.slice(0, eq);
    const target = V2.has(key) ? fields : V1.has(key) ? old : null;
    if (target?.has(key)) notes.push(`repeated key ${quote(prefix + key)} (first kept)`);
    else if (target)
      target.set(key, {
        value: eq < 0 ? "" : seg.slice(eq + 1),
        label: prefix + key,
        plus: fromQuery,
      });
    else if (fromQuery)
      continue; // the query string is shared with other tools: not ours to judge
    else if (eq < 0) bare.push(seg);
    else notes.push(`unknown key ${quote(key)}`);
  }

  let legacy = fromQuery && fields.size + old.size > 0;
  const adopt = (key: HashKey, raw: Raw | undefined) => {
    if (!raw) return;
    legacy = true;
    if (fields.has(key)) notes.push(`${quote(raw.label)} ignored: ${quote(prefix + key)} given`);
    else if (raw.value) fields.set(key, raw);
  };
  adopt(KEYS.event, old.get(LEGACY_KEYS.event));
  adopt(KEYS.categories, old.get(LEGACY_KEYS.categories));
  const d = old.get(LEGACY_KEYS.dates);
  const range = d?.value.split("..");
  if (d && range?.length !== 2 && d.value)
    notes.push(`${d.label}: ${quote(d.value)} is not <from>..<to>`);
  else if (d && range) {
    adopt(KEYS.from, { ...d, value: range[0] ?? "" });
    adopt(KEYS.to, { ...d, value: range[1] ?? "" });
  }
  const z = old.get(LEGACY_KEYS.zoom);
  const ll = old.get(LEGACY_KEYS.center);
  const latLng = /^([^,/]*),([^,/]*)$/.exec(ll?.value ?? "");
  if ((z || ll) && !(z && latLng && !z.value.includes("/"))) {
    legacy = true;
    notes.push(`${prefix}z/${prefix}ll: camera needs z=<zoom>&ll=<lat>,<lng>`);
  } else if (z && latLng) {
    adopt(KEYS.map, {
      ...z,
      label: `${prefix}z/${prefix}ll`,
      value: `${z.value}/${latLng[1]}/${latLng[2]}`,
    });
  }
  for (const [i, value] of bare.entries()) {
    const key = value.includes("/") ? KEYS.map : KEYS.event;
    if (i > 0) notes.push(`${quote(value)} ignored: only one bare id`);
    else adopt(key, { value, label: key, plus: false });
  }
  return { fields, legacy };
}

function decode(raw: Raw, value = raw.value): string | null {
  try {
    return decodeURIComponent(raw.plus ? value.replace(/\+/g, " ") : value);
  } catch {
    return null;
  }
}

/** Checks every collected value and assembles the state; invalid values are noted and skipped. */
function build(
  fields: Fields,
  known: Known,
  notes: string[],
): { state: ViewState; legacy: boolean } {
  const state = emptyViewState();
  const read = fieldReader(fields, notes);
  const source = both(
    is(isSourceId, (s) => `${quote(s)} is not a valid id`),
    knownIn(known.sources, "source"),
  );
  readSelection(read, state, source);
  readFilters(read, state.filters, known, source, notes);
  let legacy = false;
  read.one(
    KEYS.sort,
    is(
      (s) => (LIST_SORTS as readonly string[]).includes(s),
      (s) => `${quote(s)} is not newest or oldest`,
    ),
    (v) => (state.sort = v as ListSort),
  );
  read.one(KEYS.play, parsePlay, (v) => (state.play = v));
  read.one(
    KEYS.embed,
    is(
      (s) => ["1", "true", "0", "false"].includes(s),
      (s) => `${quote(s)} is not 1 or true`,
    ),
    (v) => (state.embed = v === "1" || v === "true"),
  );
  read.one(
    KEYS.data,
    is(isDataPath, (s) => `only same-origin paths to .json/.geojson/.vsmb, not ${quote(s)}`),
    (v) => (state.data = v),
  );
  read.one(
    KEYS.sourcesFile,
    is(isSourcesPath, (s) => `only same-origin paths to .json, not ${quote(s)}`),
    (v) => (state.sourcesFile = v),
  );
  read.one(
    KEYS.basemap,
    (s): Checked<BasemapId> =>
      isBasemap(s) ? { ok: true, value: s } : { ok: false, error: `unknown basemap ${quote(s)}` },
    (v) => (state.basemap = v),
  );
  let story: string | null = null;
  let step: number | null = null;
  read.one(KEYS.story, checkStoryId, (v) => (story = v));
  read.one(KEYS.step, checkStep, (v) => (step = v));
  state.story = storyRefOf(story, step, notes);
  read.one(KEYS.curate, checkCurate, (v) => {
    const allowed = curateAllowed(v, state.embed);
    state.curate = allowed.on;
    if (allowed.note) notes.push(allowed.note);
  });
  read.one(KEYS.lang, checkLang, (v) => (state.lang = v));
  read.one(
    KEYS.version,
    is(
      (s) => s === "1" || s === String(CONTRACT_VERSION),
      (s) => `unknown version ${quote(s)}`,
    ),
    (v) => (legacy ||= v === "1"),
  );
  return { state, legacy };
}

/** Reads fields: each value decoded and checked, then set; a bad one is noted instead. */
interface FieldReader {
  fields: Fields;
  one<T>(key: HashKey, check: (s: string) => Checked<T>, set: (v: T) => void, raw?: Raw): void;
  /** A comma-separated list, each item as `one` reads it: sorted, without repeats. */
  list(key: HashKey, check: (s: string) => Checked<string>, set: (xs: string[]) => void): void;
}

function fieldReader(fields: Fields, notes: string[]): FieldReader {
  const one: FieldReader["one"] = (key, check, set, raw = fields.get(key)) => {
    if (!raw?.value) return;
    const value = decode(raw);
    const r =
      value === null ? { ok: false as const, error: "malformed percent-encoding" } : check(value);
    if (r.ok) set(r.value);
    else notes.push(`${raw.label}: ${r.error}`);
  };
  const list: FieldReader["list"] = (key, check, set) => {
    const raw = fields.get(key);
    if (!raw?.value) return;
    const out = new Set<string>();
    for (const item of raw.value.split(",")) {
      if (item) one(key, check, (v) => out.add(v), { ...raw, value: item });
    }
    set([...out].sort());
  };
  return { fields, one, list };
}

/** The camera, and what is chosen: the event, the source and its passage. */
function readSelection(
  read: FieldReader,
  state: ViewState,
  source: (s: string) => Checked<string>,
): void {
  read.one(KEYS.map, checkCamera, (c) => (state.camera = c));
  read.one(
    KEYS.event,
    is(isEventId, (s) => `${quote(s)} is not a valid id`),
    (v) => (state.event = v),
  );
  read.one(KEYS.source, source, (v) => (state.source = v));
  read.one(
    KEYS.passage,
    (s) => (state.source ? checkPassage(s) : { ok: false, error: "needs a source" }),
    (p) => (state.passage = p),
  );
}

/** The filters: categories, sources, statuses, the dates (`to` dropped when before `from`) and the
 * search text (with what cleaning it changed, noted). */
function readFilters(
  read: FieldReader,
  f: ViewState["filters"],
  known: Known,
  source: (s: string) => Checked<string>,
  notes: string[],
): void {
  read.list(
    KEYS.categories,
    both(
      is(isCategory, (s) => `unknown category ${quote(s)}`),
      knownIn(known.categories, "category"),
    ),
    (xs) => (f.categories = xs as Category[]),
  );
  read.list(KEYS.sources, source, (xs) => (f.sources = xs));
  read.list(
    KEYS.statuses,
    is(isStatus, (s) => `unknown status ${quote(s)}`),
    (xs) => (f.statuses = xs as Status[]),
  );
  const date = is(isIsoDate, (s) => `${quote(s)} is not a real date (YYYY-MM-DD)`);
  read.one(KEYS.from, date, (v) => (f.from = v));
  read.one(KEYS.to, date, (v) => (f.to = v));
  if (f.from !== null && f.to !== null && f.to < f.from) {
    notes.push(`to: ${quote(f.to)} is before from ${quote(f.from)} (dropped)`);
    f.to = null;
  }
  read.one(
    KEYS.q,
    (s) => ({ ok: true, value: cleanQuery(s) }),
    ({ value, notes: qNotes }) => {
      f.q = value;
      for (const n of qNotes) notes.push(`${read.fields.get(KEYS.q)?.label ?? KEYS.q}: ${n}`);
    },
  );
}

function finish(notes: string[]): string[] {
  return notes.length <= MAX_NOTES
    ? notes
    : [...notes.slice(0, MAX_NOTES), `… and ${notes.length - MAX_NOTES} more`];
}

/** Reads a hash fragment (with or without `#`) into a state. Never throws. */
export function parseHash(hash: string, known: Known = {}): ParseResult {
  const notes: string[] = [];
  const c = collect(hash, false, notes);
  const b = build(c.fields, known, notes);
  return { state: b.state, ignored: finish(notes), legacy: c.legacy || b.legacy };
}

/** Reads `location.search` and `location.hash` together; the hash wins key by key. Never throws. */
export function parseLocation(search: string, hash: string, known: Known = {}): ParseResult {
  const notes: string[] = [];
  const q = collect(search, true, notes);
  const h = collect(hash, false, notes);
  const b = build(new Map([...q.fields, ...h.fields]), known, notes);
  return { state: b.state, ignored: finish(notes), legacy: q.legacy || h.legacy || b.legacy };
}
