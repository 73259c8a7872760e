/**
 * Ajv's errors in a curator's words: what is wrong with which value, and how to fix it. The
 * schema states the structure; this says it to a person, and gives their own codes to the
 * problems that tests and tools tell apart (an unknown category, a missing id).
 */
import type { ErrorObject } from "ajv";
import { joinPath } from "../encodings/json-scan.ts";
import { SLUG_PATTERN, SOURCE_ID_PATTERN } from "../types.ts";
import { isObject } from "./context.ts";
import type { ProblemCode, Severity } from "./problem.ts";

export interface Explained {
  code: ProblemCode;
  severity: Severity;
  path: string;
  message: string;
  hint: string;
  /** Explained problems with one key are one problem; the path when left out. */
  key?: string;
}

/** "a string", "null", "an array", … for messages like `title must be a string, not a number`. */
export function describe(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `a ${typeof value}`;
}

function segmentsOf(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((raw) => raw.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function child(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return value[Number(key)];
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** The value a JSON pointer names in `root`, if any. */
export function valueAt(root: unknown, pointer: string): unknown {
  return segmentsOf(pointer).reduce(child, root);
}

/** A JSON pointer in the path notation of problems; the data tells array indexes from keys. */
export function pathOf(root: unknown, pointer: string): string {
  let path = "";
  let value = root;
  for (const key of segmentsOf(pointer)) {
    path = Array.isArray(value) ? joinPath(path, Number(key)) : joinPath(path, key);
    value = child(value, key);
  }
  return path;
}

/** How a message names the value at `path`: `"title"`, `item 2 of "actors"`, `the file`. */
function nameOf(path: string): string {
  const last = /(?:^|\.)([A-Za-z_$][\w$]*)$|\[("(?:[^"\\]|\\.)*")\]$|\[(\d+)\]$/.exec(path);
  if (last === null) return "the file";
  if (last[1] !== undefined) return `"${last[1]}"`;
  if (last[2] !== undefined) return last[2];
  return `item ${last[3]} of ${nameOf(path.slice(0, path.length - last[0].length))}`;
}

/** One error, its place in the data and the value there. */
interface At {
  error: ErrorObject;
  path: string;
  name: string;
  data: unknown;
}

type Words = [message: string, hint: string];

const TYPES: Record<string, Words> = {
  string: ["a string", 'write it in double quotes, "…"'],
  number: ["a number", "write a number, without quotes"],
  integer: ["a whole number", "write a whole number, without quotes"],
  boolean: ["true or false", "write true or false, without quotes"],
  array: ["an array", "write it as [ … ]"],
  object: ["an object", "write it as { … }"],
  null: ["null", "write null"],
};

// Patterns are named by what they mean; the schema and types.ts share the first two (tested).
const PATTERNS: Record<string, Words> = {
  [SLUG_PATTERN.source]: [
    "a URL-safe slug",
    "use lower-case letters, digits and single hyphens, e.g. caracas-raid-2026-01-03",
  ],
  [SOURCE_ID_PATTERN.source]: [
    "a seeds/ file name without .txt",
    'use the file name without directory or extension, e.g. "001_63de899742715ce7"',
  ],
  "^\\d{4}-\\d{2}-\\d{2}$": ["a date in YYYY-MM-DD form", "write an ISO date such as 2026-01-03"],
  "^(?:\\d{4}-\\d{2}-\\d{2})?$": [
    "a date in YYYY-MM-DD form",
    'write an ISO date; for a week or month, its first day; "" if the precision is "unknown"',
  ],
  "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$": ["a BCP 47 language tag", 'write e.g. "en" or "es"'],
};

// The schema's "not blank": a string with something besides spaces in it.
const NOT_BLANK = "\\S";

/** The schema's own description of a value, to end a hint with. */
function withDescription(hint: string, schema: unknown): string {
  const description = isObject(schema) ? schema.description : undefined;
  return typeof description === "string" ? `${hint}; the schema says: ${description}` : hint;
}

function listed(values: unknown): string {
  return Array.isArray(values) ? values.map((v) => String(v)).join(", ") : String(values);
}

const count = ({ error, name, data }: At): Words => {
  const n = Array.isArray(data) ? data.length : 0;
  const [may, bound] =
    error.keyword === "minItems" ? ["needs", "at least"] : ["may have", "at most"];
  return [
    `${name} has ${n} item${n === 1 ? "" : "s"}; it ${may} ${bound} ${error.params.limit}`,
    withDescription(`give it ${bound} ${error.params.limit}`, error.parentSchema),
  ];
};

const limit = ({ error, name, data }: At): Words => [
  `${name} is ${JSON.stringify(data)}; it must be ${error.params.comparison} ${error.params.limit}`,
  withDescription("fix the number", error.parentSchema),
];

/** The general words for an error, by its keyword. */
const KEYWORDS: Record<string, (at: At) => Words> = {
  required: ({ error: { params, parentSchema }, name }) => {
    const about = isObject(parentSchema?.properties)
      ? parentSchema.properties[params.missingProperty]
      : undefined;
    return [`${name} is required`, withDescription(`add ${name}`, about)];
  },
  type: ({ error: { params, parentSchema }, name, data }) => {
    const words = String(params.type)
      .split(",")
      .map((t) => TYPES[t] ?? [t, `write ${t}`]);
    return [
      `${name} must be ${words.map((w) => w[0]).join(" or ")}, not ${describe(data)}`,
      withDescription(words.map((w) => w[1]).join(", or "), parentSchema),
    ];
  },
  enum: ({ error: { params }, name, data }) => [
    `${name} is ${JSON.stringify(data)}, which is not one of: ${listed(params.allowedValues)}`,
    `use one of: ${listed(params.allowedValues)}`,
  ],
  const: ({ error: { params }, name, data }) => [
    `${name} must be ${JSON.stringify(params.allowedValue)}, not ${JSON.stringify(data) ?? "missing"}`,
    `set it to ${JSON.stringify(params.allowedValue)}`,
  ],
  pattern: ({ error: { params, parentSchema }, name, data }) => {
    if (params.pattern === NOT_BLANK || data === "") return blank(name, parentSchema);
    const [noun, hint] = PATTERNS[params.pattern] ?? [`of the form ${params.pattern}`, ""];
    return [
      `${name} is ${JSON.stringify(data)}, which is not ${noun}`,
      hint || withDescription("check it against the schema", parentSchema),
    ];
  },
  minLength: ({ error, name }) => blank(name, error.parentSchema),
  minItems: count,
  maxItems: count,
  minimum: limit,
  maximum: limit,
  exclusiveMinimum: limit,
  exclusiveMaximum: limit,
  additionalProperties: ({ error, name }) => [
    `unknown property ${name}`,
    `remove it, or check the spelling against: ${Object.keys(error.parentSchema?.properties ?? {}).join(", ")}`,
  ],
  discriminator: ({ error: { params, parentSchema }, name }) => {
    const branches: Array<{ properties?: Record<string, { const?: unknown }> }> =
      parentSchema?.oneOf ?? [];
    const kinds = branches.map((branch) => String(branch.properties?.[params.tag]?.const));
    return [
      params.error === "tag"
        ? `${name} has no "${params.tag}" string`
        : `${name} has an unknown "${params.tag}": ${JSON.stringify(params.tagValue)}`,
      `use one of: ${kinds.join(", ")}`,
    ];
  },
  not: ({ error, name }) => [
    `${name} is not allowed here`,
    withDescription("remove it", error.parentSchema),
  ],
};

function wordsFor(at: At): Words {
  const words = KEYWORDS[at.error.keyword];
  return words === undefined
    ? [`${at.name} ${at.error.message ?? "is not valid"}`, "check it against the schema"]
    : words(at);
}

function blank(name: string, schema: unknown): Words {
  return [
    `${name} is empty`,
    withDescription("fill it in, or remove it if it is optional", schema),
  ];
}

interface Rule {
  /** Where the error is (the path of the value, after `locate`). */
  at: RegExp;
  /** Which errors there; any when left out. */
  when?: (at: At) => boolean;
  code: ProblemCode;
  severity?: Severity;
  /** Words of its own, when the general ones would not do. */
  words?: (at: At) => Words;
}

const keyword =
  (...names: string[]) =>
  ({ error }: At): boolean =>
    names.includes(error.keyword);

const FEATURE_ID = /^features\[\d+\]\.id$/;

/** The problems with codes of their own; the first rule that matches an error names it. */
const RULES: Rule[] = [
  {
    at: /^crs$/,
    code: "crs-member",
    words: () => [
      'the collection has a "crs" member, which RFC 7946 removed',
      'delete "crs": coordinates are always WGS 84 longitude, latitude',
    ],
  },
  { at: /./, when: keyword("additionalProperties"), code: "unknown-property", severity: "warning" },
  {
    at: FEATURE_ID,
    when: ({ data }) => data === undefined || data === null,
    code: "missing-id",
    words: () => [
      "the feature has no id",
      'add a stable, URL-safe slug, e.g. "id": "caracas-raid-2026-01-03"; links to the event use it',
    ],
  },
  {
    at: FEATURE_ID,
    when: keyword("type"),
    code: "id-not-slug",
    words: ({ data }) => [
      `the id must be a string slug, not ${describe(data)} ${JSON.stringify(data)}`,
      'use a slug like "caracas-raid-2026-01-03", not an array index or number (renumbering would break links)',
    ],
  },
  { at: FEATURE_ID, code: "id-not-slug" },
  {
    at: /\.properties\.category$/,
    when: keyword("enum"),
    code: "unknown-category",
    words: ({ data, error }) => [
      `unknown category ${JSON.stringify(data)}`,
      `use one of: ${listed(error.params.allowedValues)}`,
    ],
  },
  {
    at: /\.properties\.citations$/,
    when: keyword("minItems"),
    code: "no-citations",
    words: () => [
      "the event cites nothing",
      "add at least one citation quoting the passage the event rests on: the map shows nothing it cannot source",
    ],
  },
  {
    at: /\.place\.radius_km$/,
    when: keyword("exclusiveMinimum"),
    code: "radius",
    words: ({ data }) => [
      `radius_km is ${JSON.stringify(data)}; it must be positive`,
      "give the uncertainty radius in kilometres (e.g. 5), or remove radius_km",
    ],
  },
  {
    at: /\.date\.(?:start|end)$|\.published\.date$/,
    when: keyword("pattern"),
    code: "date-invalid",
  },
  {
    at: /^aliases(?:$|[.[])/,
    code: "alias-bad",
    words: (at) =>
      at.error.propertyName === undefined
        ? wordsFor(at)
        : [
            `alias "${at.error.propertyName}" is not a URL-safe slug, so no link can carry it`,
            "old ids were slugs: check the spelling",
          ],
  },
  { at: /^sources\[\d+\]\.id$/, when: keyword("pattern"), code: "source-bad-id" },
  {
    at: /\.retells\[\d+\]\.of$/,
    when: keyword("pattern"),
    code: "lineage-unknown",
    words: ({ data }) => [
      `${JSON.stringify(data)} cannot be the id of a source or an origin`,
      'use a source id, or add the report to "origins" with an id, a label and notes',
    ],
  },
  { at: /^origins\[\d+\]\.id$/, when: keyword("pattern"), code: "lineage-bad-id" },
  // A story (story.schema.json): its steps, their citations and camera.
  {
    at: /^steps$/,
    when: keyword("minItems"),
    code: "story-empty",
    words: () => ["the story has no steps", 'add at least one step to "steps"'],
  },
  {
    at: /^steps\[\d+\]\.citations$/,
    when: keyword("minItems"),
    code: "no-citations",
    words: () => [
      "the step cites no passage, so nothing supports its text",
      "cite the passages of seeds/ that say what the text says: no claim without a passage",
    ],
  },
  {
    at: /^steps\[\d+\]\.camera\.(?:center\[\d\]|zoom)$/,
    when: keyword("minimum", "maximum"),
    code: "coords-out-of-range",
    words: ({ path, data }) => [
      `${path.endsWith("zoom") ? "zoom" : path.endsWith("[0]") ? "longitude" : "latitude"} ${JSON.stringify(data)} is out of range`,
      "center is [longitude (−180…180), latitude (−90…90)], in GeoJSON order; zoom is 0…22",
    ],
  },
];

/** The path of the value an error is about: a missing or extra member, not its object. */
function locate(error: ErrorObject, root: unknown): { path: string; data: unknown } {
  const path = pathOf(root, error.instancePath);
  const { params, schema } = error;
  if (error.keyword === "required")
    return { path: joinPath(path, params.missingProperty), data: undefined };
  if (error.keyword === "additionalProperties")
    return {
      path: joinPath(path, params.additionalProperty),
      data: child(error.data, params.additionalProperty),
    };
  if (error.propertyName !== undefined)
    return { path: joinPath(path, error.propertyName), data: error.propertyName };
  // `"not": {"required": ["crs"]}` is about the member it forbids.
  const forbidden =
    isObject(schema) && Array.isArray(schema.required) ? schema.required[0] : undefined;
  if (error.keyword === "not" && typeof forbidden === "string")
    return { path: joinPath(path, forbidden), data: undefined };
  return { path, data: error.data };
}

/** One Ajv error as a problem of this project: code, severity, path, message and hint. */
export function explain(error: ErrorObject, root: unknown): Explained {
  const { path, data } = locate(error, root);
  const at: At = { error, path, name: nameOf(path), data };
  const rule = RULES.find((r) => r.at.test(path) && (r.when?.(at) ?? true));
  const [message, hint] = rule?.words?.(at) ?? wordsFor(at);
  return { code: rule?.code ?? "schema", severity: rule?.severity ?? "error", path, message, hint };
}
