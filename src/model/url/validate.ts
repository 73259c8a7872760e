/**
 * Value checks for the URL view-state codec (state.ts). Each `check*` takes one decoded hash
 * value and returns the clean value or a short message saying why it was refused; `stateProblems`
 * runs every check over a whole ViewState, so tests (and the app) can confirm a state is one the
 * codec could have produced. Pure: no DOM, no solid-js, no maplibre-gl.
 */
import { isBasemap } from "../basemap.ts";
import { PLAYBACK_MODES } from "../query/playback.ts";
import { isLang } from "../i18n/lang.ts";
import { CATEGORIES, SLUG_PATTERN, SOURCE_ID_PATTERN, STATUSES } from "../types.ts";
import type { Camera, ViewState } from "../view-state.ts";

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (error: string): Checked<never> => ({ ok: false, error });

/** A check from a test, and the message for what fails it. */
export const is =
  (test: (s: string) => boolean, why: (s: string) => string) =>
  (s: string): Checked<string> =>
    test(s) ? { ok: true, value: s } : { ok: false, error: why(s) };

/** Two checks, the second on what the first gives. */
export const both =
  <T>(a: (s: string) => Checked<T>, b: (v: T) => Checked<T>) =>
  (s: string): Checked<T> => {
    const r = a(s);
    return r.ok ? b(r.value) : r;
  };

/** A value that must be in `pool` (when the dataset is known). */
export const knownIn = (pool: readonly string[] | undefined, what: string) =>
  is(
    (s) => !pool || pool.includes(s),
    (s) => `unknown ${what} ${quote(s)}`,
  );

export const MAX_EVENT_ID = 120;
export const MAX_SOURCE_ID = 80;
export const MAX_QUERY = 200; // code points, after decoding
export const MAX_PASSAGE_OFFSET = 10_000_000;
export const MAX_DATA_PATH = 200;

/** A user-supplied string, shortened and JSON-quoted (control characters and lone surrogates escaped) for messages. */
export function quote(s: string): string {
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

export const isEventId = (s: string): boolean => s.length <= MAX_EVENT_ID && SLUG_PATTERN.test(s);
/** Source ids are seeds/ file names: the project's SOURCE_ID_PATTERN, at most 80 characters. */
export const isSourceId = (s: string): boolean =>
  s.length <= MAX_SOURCE_ID && SOURCE_ID_PATTERN.test(s);
export const isCategory = (s: string): boolean => (CATEGORIES as readonly string[]).includes(s);
export const isStatus = (s: string): boolean => (STATUSES as readonly string[]).includes(s);

/** A real proleptic-Gregorian calendar date written YYYY-MM-DD (2024-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/** Same-origin relative path to a .geojson/.json file (or .vsmb, the binary encoding): no scheme, no `//`, no `..` segment, no backslash. */
export function isDataPath(s: string): boolean {
  return (
    s.length <= MAX_DATA_PATH &&
    /^(?:\.\/|\/)?[A-Za-z0-9_\-./]+\.(?:geojson|json|vsmb)$/.test(s) &&
    !s.includes("//") &&
    !s.split("/").includes("..")
  );
}

/** Same-origin relative path to a sources file (.json), under the same rules as isDataPath. */
export const isSourcesPath = (s: string): boolean => isDataPath(s) && s.endsWith(".json");

// Global (`/g`) copies for replace(); test() only ever uses the stateless ones.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATES = new RegExp(LONE_SURROGATE.source, "g");
const CONTROL = /\p{Cc}/u;
const CONTROLS = /\p{Cc}/gu;
/** Replaces lone UTF-16 surrogates (which encodeURIComponent throws on) with U+FFFD. */
export const wellFormed = (s: string): string => s.replace(LONE_SURROGATES, "\uFFFD");

export function isQuery(s: string): boolean {
  return !CONTROL.test(s) && !LONE_SURROGATE.test(s) && [...s].length <= MAX_QUERY;
}

/** Normalises a decoded search text: control characters stripped, lone surrogates replaced, cut to 200 code points. */
export function cleanQuery(raw: string): { value: string; notes: string[] } {
  const notes: string[] = [];
  let s = raw.replace(CONTROLS, "");
  if (s !== raw) notes.push("control characters removed");
  const wf = wellFormed(s);
  if (wf !== s) notes.push("invalid UTF-16 replaced");
  const points = [...wf];
  if (points.length > MAX_QUERY) notes.push(`cut to ${MAX_QUERY} characters`);
  s = points.slice(0, MAX_QUERY).join("");
  return { value: s, notes };
}

/** Camera numbers at the precision MapLibre writes them (zoom 2 decimals, bearing 1, pitch 0) and lat/lng at 5. */
const DECIMALS = { zoom: 2, lat: 5, lng: 5, bearing: 1, pitch: 0 } as const;
const RANGES = {
  zoom: [0, 24],
  lat: [-90, 90],
  lng: [-180, 180],
  bearing: [-180, 360],
  pitch: [0, 85],
} as const;
const NAMES = {
  zoom: "zoom",
  lat: "latitude",
  lng: "longitude",
  bearing: "bearing",
  pitch: "pitch",
} as const;
const FIELDS = ["zoom", "lat", "lng", "bearing", "pitch"] as const;

/** Rounds to `d` decimals; `+ 0` turns -0 into 0 so rounded values compare equal. */
export const roundTo = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d + 0;

export const roundCamera = (c: Camera): Camera => ({
  zoom: roundTo(c.zoom, DECIMALS.zoom),
  lat: roundTo(c.lat, DECIMALS.lat),
  lng: roundTo(c.lng, DECIMALS.lng),
  bearing: roundTo(c.bearing, DECIMALS.bearing),
  pitch: roundTo(c.pitch, DECIMALS.pitch),
});

export function isCamera(c: Camera): boolean {
  return FIELDS.every((f) => Number.isFinite(c[f]) && c[f] >= RANGES[f][0] && c[f] <= RANGES[f][1]);
}

/** `zoom/lat/lng[/bearing[/pitch]]`, plain decimals only (no exponent, hex, NaN or Infinity). */
export function checkCamera(s: string): Checked<Camera> {
  const parts = s.split("/");
  if (parts.length < 3 || parts.length > 5)
    return fail(`${quote(s)} is not zoom/lat/lng[/bearing/pitch]`);
  const c: Camera = { zoom: 0, lat: 0, lng: 0, bearing: 0, pitch: 0 };
  for (const [i, part] of parts.entries()) {
    const f = FIELDS[i]!;
    if (!/^-?\d+(?:\.\d+)?$/.test(part)) return fail(`${NAMES[f]} ${quote(part)} is not a number`);
    const x = Number(part);
    if (!(x >= RANGES[f][0] && x <= RANGES[f][1])) {
      return fail(`${NAMES[f]} ${part.length > 20 ? quote(part) : part} out of range`);
    }
    c[f] = x;
  }
  return ok(roundCamera(c));
}

/** `start-end`: character offsets with start < end ≤ 10 000 000. */
export function checkPassage(s: string): Checked<[number, number]> {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(s);
  if (!m) return fail(`${quote(s)} is not <start>-<end>`);
  const [start, end] = [Number(m[1]), Number(m[2])];
  if (end > MAX_PASSAGE_OFFSET) return fail(`${quote(s)} beyond ${MAX_PASSAGE_OFFSET}`);
  if (end <= start) return fail(`${quote(s)} end ${end === start ? "equals" : "before"} start`);
  return ok([start, end]);
}

export interface Known {
  categories?: readonly string[];
  sources?: readonly string[];
}

/** Every way `s` differs from a state the codec could have produced (empty when it is one). */
export function stateProblems(s: ViewState, known: Known = {}): string[] {
  const out: string[] = [];
  const f = s.filters;
  const knownSource = (id: string) =>
    isSourceId(id) && (!known.sources || known.sources.includes(id));
  const sortedUnique = (xs: readonly string[]) => xs.every((x, i) => i === 0 || xs[i - 1]! < x);
  if (
    s.camera &&
    (!isCamera(s.camera) || FIELDS.some((k) => roundCamera(s.camera!)[k] !== s.camera![k]))
  )
    out.push("camera");
  if (s.event !== null && !isEventId(s.event)) out.push("event");
  if (s.source !== null && !knownSource(s.source)) out.push("source");
  if (s.passage && (!s.source || !checkPassage(`${s.passage[0]}-${s.passage[1]}`).ok))
    out.push("passage");
  if (
    !f.categories.every(
      (c) => isCategory(c) && (!known.categories || known.categories.includes(c)),
    ) ||
    !sortedUnique(f.categories)
  )
    out.push("cat");
  if (!f.sources.every(knownSource) || !sortedUnique(f.sources)) out.push("src");
  if (!f.statuses.every(isStatus) || !sortedUnique(f.statuses)) out.push("status");
  if (f.from !== null && !isIsoDate(f.from)) out.push("from");
  if (f.to !== null && (!isIsoDate(f.to) || (f.from !== null && f.from > f.to))) out.push("to");
  if (!isQuery(f.q)) out.push("q");
  if (s.sort !== "oldest" && s.sort !== "newest") out.push("sort");
  if (s.data !== null && !isDataPath(s.data)) out.push("data");
  if (s.sourcesFile !== null && !isSourcesPath(s.sourcesFile)) out.push("sources");
  if (!isBasemap(s.basemap)) out.push("basemap");
  if (s.story && (!SLUG_PATTERN.test(s.story.id) || !/^[1-9]\d{0,2}$/.test(String(s.story.step))))
    out.push("story");
  if (s.play && !PLAYBACK_MODES.includes(s.play.mode)) out.push("play");
  if (typeof s.curate !== "boolean" || (s.curate && s.embed)) out.push("curate");
  if (s.lang !== null && !isLang(s.lang)) out.push("lang");
  return out;
}
