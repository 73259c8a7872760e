/**
 * What the page checks of a story it loads, before showing it: the types the panel relies on
 * (the full rules are the validator's, validate.ts, run by `npm run check:data`; the page cannot
 * run Ajv under its Content-Security-Policy). A story that fails is refused with one message that
 * names the step and the field.
 */
import { LANGS } from "../i18n/lang.ts";
import type { Translations } from "../i18n/localized.ts";
import type { Story, StoryCamera, StoryCitation, StoryFilters, StoryStep } from "./types.ts";

export class StoryShapeError extends Error {}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === "string");
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** The most steps the panel lays out (the schema allows 50). */
const MAX_STEPS = 50;

function fail(where: string, what: string): never {
  throw new StoryShapeError(`${where}: ${what}`);
}

function cameraOf(v: unknown, at: string): StoryCamera {
  if (!isObj(v) || !Array.isArray(v.center) || v.center.length !== 2) fail(at, "no camera");
  const [lng, lat] = v.center as unknown[];
  const zoom = v.zoom;
  const inRange = (n: unknown, max: number) => typeof n === "number" && Math.abs(n) <= max;
  if (!inRange(lng, 180) || !inRange(lat, 90) || !inRange(zoom, 22) || (zoom as number) < 0)
    fail(at, "camera out of range");
  return { center: [lng as number, lat as number], zoom: zoom as number };
}

function filtersOf(v: unknown, at: string): StoryFilters | undefined {
  if (v === undefined) return undefined;
  if (!isObj(v)) fail(at, "filters is not an object");
  const out: StoryFilters = {};
  for (const key of ["categories", "sources", "statuses"] as const) {
    if (v[key] === undefined) continue;
    if (!isStrings(v[key])) fail(at, `filters.${key} is not a list of strings`);
    (out as Record<string, string[]>)[key] = v[key];
  }
  if (v.q !== undefined) {
    if (typeof v.q !== "string") fail(at, "filters.q is not a string");
    out.q = v.q;
  }
  return out;
}

function citationOf(v: unknown, at: string): StoryCitation {
  if (!isObj(v) || !isText(v.source) || !isText(v.exact))
    fail(at, "a citation has no source or exact");
  const out: StoryCitation = { source: v.source, exact: v.exact };
  if (typeof v.prefix === "string") out.prefix = v.prefix;
  if (typeof v.suffix === "string") out.suffix = v.suffix;
  return out;
}

function stepOf(v: unknown, n: number): StoryStep {
  const at = `step ${n}`;
  if (!isObj(v)) fail(at, "is not an object");
  if (!isText(v.id)) fail(at, "has no id");
  if (!isText(v.text)) fail(at, "has no text");
  if (!isStrings(v.events)) fail(at, "events is not a list of ids");
  if (!Array.isArray(v.citations) || v.citations.length === 0) fail(at, "cites no passage");
  const step: StoryStep = {
    id: v.id,
    text: v.text,
    events: v.events,
    camera: cameraOf(v.camera, at),
    citations: v.citations.map((c) => citationOf(c, at)),
  };
  if (v.dates !== undefined) {
    const d = v.dates;
    if (!isObj(d) || typeof d.from !== "string" || typeof d.to !== "string")
      fail(at, "dates needs from and to");
    if (!DAY.test(d.from) || !DAY.test(d.to) || d.to < d.from) fail(at, "dates out of order");
    step.dates = { from: d.from, to: d.to };
  }
  const filters = filtersOf(v.filters, at);
  if (filters) step.filters = filters;
  const text = translationsOf(v.i18n, "text");
  if (text) step.i18n = text;
  return step;
}

/** The story in `value` (parsed JSON), or a StoryShapeError saying what is wrong. */
export function readStory(value: unknown): Story {
  if (!isObj(value)) fail("the story", "is not an object");
  if (!isText(value.id) || !isText(value.title)) fail("the story", "has no id or title");
  if (!Array.isArray(value.steps) || value.steps.length === 0) fail("the story", "has no steps");
  if (value.steps.length > MAX_STEPS) fail("the story", `has more than ${MAX_STEPS} steps`);
  const story: Story = {
    id: value.id,
    title: value.title,
    steps: value.steps.map((s, i) => stepOf(s, i + 1)),
  };
  const title = translationsOf(value.i18n, "title");
  if (title) story.i18n = title;
  return story;
}

/** The translations of one field that are text, by language; anything else is left out (the
 * original is then shown, marked), since a translation is never needed to show a story. */
function translationsOf<F extends string>(v: unknown, field: F): Translations<F> | undefined {
  if (!isObj(v)) return undefined;
  const out: Translations<F> = {};
  for (const lang of LANGS) {
    const entry = v[lang];
    if (isObj(entry) && isText(entry[field]))
      out[lang] = { [field]: entry[field] } as Partial<Record<F, string>>;
  }
  return Object.keys(out).length ? out : undefined;
}
