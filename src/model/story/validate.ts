/**
 * Validates a story file (data/stories/<id>.json) as text: its structure against
 * story.schema.json, then what a schema cannot say — every event it names exists, every quote
 * occurs verbatim and once in its source (the events' own rule, citations.ts), step ids are
 * unique, date ranges run forwards. Pure, never throws, never modifies its input.
 */
import { parseJson } from "../encodings/parse-json.ts";
import { checkPassage } from "../validate/citations.ts";
import { isCalendarDate, isObject, Reporter, stringAt, type Where } from "../validate/context.ts";
import type { Problem } from "../validate/problem.ts";
import { reportSchema } from "../validate/schema.ts";

export interface StoryInput {
  file: string;
  text: string;
  /** The id the file's name gives it (`<id>.json`); the story's `id` must be the same. */
  expectedId?: string;
  /** Ids of the dataset's events. */
  eventIds: ReadonlySet<string>;
  /** Ids listed in sources.json, or null when it could not be read (then seeds stand in). */
  knownSources: ReadonlySet<string> | null;
  /** Source id → the document's text. */
  seeds: ReadonlyMap<string, string>;
}

export function validateStory(input: StoryInput): Problem[] {
  const parsed = parseJson(input.text, input.file);
  if (!parsed.ok) return [parsed.problem];
  const r = new Reporter(input.file, input.text, parsed.offsets);
  try {
    reportSchema(r, "story", parsed.value);
    checkStory(r, parsed.value, input);
  } catch (error) {
    // A bug in the validator must not look like a crash of the build: report it like any problem.
    const message = error instanceof Error ? error.message : String(error);
    r.error("internal", { path: "" }, `the validator failed: ${message}`, "please report this");
  }
  return r.problems.sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

function checkStory(r: Reporter, story: unknown, input: StoryInput): void {
  if (!isObject(story)) return;
  const id = stringAt(story, "id");
  if (input.expectedId !== undefined && id !== undefined && id !== input.expectedId) {
    r.error(
      "story-id",
      { path: "id" },
      `the story's id "${id}" is not its file's name, ${input.expectedId}.json`,
      "links open a story by its file's name: make the id the same, or rename the file",
    );
  }
  if (!Array.isArray(story.steps)) return;
  const firstIndex = new Map<string, number>();
  story.steps.forEach((step: unknown, index) => {
    if (!isObject(step)) return;
    const stepId = stringAt(step, "id");
    const where: Where = { path: `steps[${index}]`, ...(stepId ? { featureId: stepId } : {}) };
    if (stepId !== undefined) {
      const first = firstIndex.get(stepId);
      if (first === undefined) firstIndex.set(stepId, index);
      else
        r.error(
          "duplicate-id",
          { ...where, path: `${where.path}.id` },
          `step id "${stepId}" is already used by steps[${first}]`,
          "give each step its own id",
        );
    }
    checkEvents(r, step.events, where, input.eventIds);
    checkDates(r, step.dates, where);
    checkFilterSources(r, step.filters, where, input);
    checkCitations(r, step.citations, where, input);
  });
}

function checkEvents(
  r: Reporter,
  events: unknown,
  where: Where,
  eventIds: ReadonlySet<string>,
): void {
  if (!Array.isArray(events)) return;
  events.forEach((event, index) => {
    const path = `${where.path}.events[${index}]`;
    if (typeof event !== "string" || r.flagged(path) || eventIds.has(event)) return;
    r.error(
      "unknown-event",
      { ...where, path },
      `unknown event "${event}" (not in the events file)`,
      "use the id of an event in data/events.geojson (renamed events: use the current id)",
    );
  });
}

function checkDates(r: Reporter, dates: unknown, where: Where): void {
  if (!isObject(dates)) return;
  const from = stringAt(dates, "from");
  const to = stringAt(dates, "to");
  for (const [key, value] of [
    ["from", from],
    ["to", to],
  ] as const) {
    const path = `${where.path}.dates.${key}`;
    if (value !== undefined && !r.flagged(path) && !isCalendarDate(value))
      r.error(
        "date-invalid",
        { ...where, path },
        `"${value}" is not a real date`,
        "write a calendar date as YYYY-MM-DD",
      );
  }
  if (from && to && isCalendarDate(from) && isCalendarDate(to) && to < from) {
    r.error(
      "date-order",
      { ...where, path: `${where.path}.dates.to` },
      `the range ends (${to}) before it starts (${from})`,
      "swap from and to, or fix the one that is wrong",
    );
  }
}

function checkFilterSources(r: Reporter, filters: unknown, where: Where, input: StoryInput): void {
  if (!isObject(filters) || !Array.isArray(filters.sources)) return;
  const known = input.knownSources ?? new Set(input.seeds.keys());
  filters.sources.forEach((source, index) => {
    const path = `${where.path}.filters.sources[${index}]`;
    if (typeof source !== "string" || r.flagged(path) || known.has(source)) return;
    r.error(
      "unknown-source",
      { ...where, path },
      `unknown source "${source}" (not in sources.json)`,
      "use the id of a sources.json entry: a seeds/ file name without .txt",
    );
  });
}

function checkCitations(r: Reporter, citations: unknown, where: Where, input: StoryInput): void {
  if (!Array.isArray(citations)) return;
  citations.forEach((citation, index) => {
    if (!isObject(citation)) return;
    const source = stringAt(citation, "source");
    if (source === undefined) return;
    checkPassage(
      r,
      citation,
      source,
      { ...where, path: `${where.path}.citations[${index}]` },
      input,
    );
  });
}
