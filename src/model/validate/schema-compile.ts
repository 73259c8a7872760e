/**
 * Ajv's validators for the three schemas. Ajv compiles them with `new Function`, which the CLI,
 * the build and the tests allow; the page's Content-Security-Policy does not (no `'unsafe-eval'`),
 * so the browser build replaces this module with the same validators generated at build time by
 * Ajv's standalone code (src/build/ajv-standalone.ts), made from the options and schemas below.
 */
import Ajv, { type Options, type ValidateFunction } from "ajv";
import eventsSchema from "../../../data/schema/events.schema.json" with { type: "json" };
import sourcesSchema from "../../../data/schema/sources.schema.json" with { type: "json" };
import storySchema from "../../../data/schema/story.schema.json" with { type: "json" };

export type SchemaName = "events" | "sources" | "story";

export const SCHEMAS: Record<SchemaName, object> = {
  events: eventsSchema,
  sources: sourcesSchema,
  story: storySchema,
};

export const AJV_OPTIONS: Options = {
  allErrors: true, // every problem at once, as the other checks report them
  verbose: true, // errors carry their schema: known keys, allowed types, descriptions
  discriminator: true, // a geometry's "type" picks the one branch to report on
  strictTuples: false, // a position is [lon, lat] with an optional altitude
  allowUnionTypes: true, // a source's outlet is a string or null
  // Every run of check:data is a new process: these two save most of the compile time. The
  // schemas are checked against the draft-07 meta-schema by a test instead, and optimizing
  // the generated code made no measurable difference to validating 78 000 events.
  validateSchema: false,
  code: { optimize: false },
};

let ajv: Ajv | undefined;

export function compileValidator(name: SchemaName): ValidateFunction {
  ajv ??= new Ajv(AJV_OPTIONS);
  return ajv.compile(SCHEMAS[name]);
}
