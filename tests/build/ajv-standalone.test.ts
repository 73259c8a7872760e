import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv";
import { beforeAll, describe, expect, it } from "vitest";
import { standaloneValidators } from "../../src/build/ajv-standalone.ts";
import { compileValidator, type SchemaName } from "../../src/model/validate/schema-compile.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const fixture = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "tests/fixtures/data", name), "utf8")) as unknown;

let code: string;
let generated: (name: SchemaName) => ValidateFunction;

beforeAll(async () => {
  code = standaloneValidators();
  // Inside node_modules, so the generated imports of ajv's runtime resolve as in the bundle.
  const dir = join(ROOT, "node_modules/.cache/vsm-ajv-test");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `validators-${process.pid}.mjs`);
  writeFileSync(file, code);
  ({ compileValidator: generated } = await import(pathToFileURL(file).href));
});

const errorsOf = (validate: ValidateFunction, value: unknown) => {
  validate(value);
  return (validate.errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    keyword: e.keyword,
    params: e.params,
    message: e.message,
    // verbose: the messages quote the schema's descriptions and known keys from these
    parentSchema: e.parentSchema,
  }));
};

describe("the validators generated for the page", () => {
  it("use no eval, which the page's Content-Security-Policy forbids", () => {
    expect(code).not.toMatch(/new Function|\beval\(/);
    expect(code).not.toMatch(/require\(/);
  });

  it.each([
    ["events", "schema-violation.geojson"],
    ["events", "coords-nesting.geojson"],
    ["events", "id-missing.geojson"],
    ["events", "../../../data/events.geojson"],
    ["sources", "sources-bad-id.json"],
    ["sources", "../../../data/sources.json"],
  ] as const)("find in %s %s exactly what Ajv's compiled ones find", (name, file) => {
    const value = fixture(file);
    expect(errorsOf(generated(name), value)).toEqual(errorsOf(compileValidator(name), value));
  });

  it("report an error the schema states (a bad source id)", () => {
    const bad = { sources: [{ id: "../x", title: "t" }] };
    expect(generated("sources")(bad)).toBe(false);
    expect(errorsOf(generated("sources"), bad).length).toBeGreaterThan(0);
  });
});
