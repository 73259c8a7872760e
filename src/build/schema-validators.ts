/**
 * `virtual:schema-validators`: the JSON Schemas' validators, compiled by Ajv at build time into
 * plain code (Ajv's standalone generation). The page's Content-Security-Policy has no
 * `'unsafe-eval'`, so the `new Function` that Ajv compiles with at run time cannot run there;
 * curate mode validates its draft with these instead (state/curate/compiled-validators.ts), the
 * same schemas with the same options as `npm run check:data`.
 */
import Ajv from "ajv";
import standaloneCode from "ajv/dist/standalone/index.js";
import type { Plugin } from "vite";
import { AJV_OPTIONS, SCHEMAS } from "../model/validate/schema.ts";

const ID = "virtual:schema-validators";
const RESOLVED = `\0${ID}`;

/** Ajv's one run-time helper these schemas use: a string's length in code points, as JSON
 * Schema counts it (a surrogate pair is one character). */
const UCS2LENGTH = `const __ucs2length = { default: (s) => { let n = 0; for (const _ of s) n++; return n; } };`;

/** The module's code: `export const events`, `sources`, `story`, each a validate function. */
export function schemaValidatorsCode(): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: true, esm: true } });
  const names: Record<string, string> = {};
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    ajv.addSchema(schema, name);
    names[name] = name;
  }
  const code = standaloneCode(ajv, names);
  const runtime = /require\("ajv\/dist\/runtime\/ucs2length"\)/g;
  const left = code.replace(runtime, "__ucs2length").match(/require\(/);
  if (left) throw new Error(`${ID}: the compiled schemas need an Ajv run-time helper not provided`);
  return `${UCS2LENGTH}\n${code.replace(runtime, "__ucs2length")}`;
}

export function schemaValidators(): Plugin {
  return {
    name: "vsm-schema-validators",
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: (id) => (id === RESOLVED ? schemaValidatorsCode() : undefined),
  };
}
