/**
 * The page validates a curator's draft with the same code as `npm run check:data`, but Ajv
 * compiles validators with `new Function`, which the site's Content-Security-Policy forbids
 * (`script-src 'self'`, no `'unsafe-eval'`). This plugin swaps, in the browser bundle only,
 * src/model/validate/schema-compile.ts for the same validators written out as code at build
 * time by Ajv's standalone generator, with the same options and schemas.
 */
import { createRequire } from "node:module";
import type { Plugin } from "vite";
import { AJV_OPTIONS, SCHEMAS, type SchemaName } from "../model/validate/schema-compile.ts";

const require = createRequire(import.meta.url);
const COMPILED = /[\\/]src[\\/]model[\\/]validate[\\/]schema-compile\.ts$/;

/** An ES module exporting `compileValidator(name)`, as schema-compile.ts does, without eval. */
export function standaloneValidators(): string {
  // Loaded here rather than imported: ajv ships CommonJS, and only this function needs it.
  const Ajv = require("ajv").default as typeof import("ajv").default;
  const standalone = require("ajv/dist/standalone").default as (
    ajv: import("ajv").default,
    refs: Record<string, string>,
  ) => string;
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { ...AJV_OPTIONS.code, source: true, esm: true } });
  const names = Object.keys(SCHEMAS) as SchemaName[];
  for (const name of names) ajv.addSchema(SCHEMAS[name], name);
  const refs = Object.fromEntries(names.map((n) => [`validate_${n}`, n]));
  let code = standalone(ajv, refs);
  // The runtime helpers come as require() calls even in ES module output: make them imports.
  const helpers = new Map<string, string>();
  code = code.replace(/require\("(ajv\/dist\/runtime\/[a-z0-9]+)"\)/gi, (_m, spec: string) => {
    const local = helpers.get(spec) ?? `ajvRuntime${helpers.size}`;
    helpers.set(spec, local);
    return `{ default: ${local} }`;
  });
  // CommonJS seen from an ES module: Node's default is `module.exports`, a bundler's may be its
  // `default` already; the helper is the function either way.
  const imports = [...helpers].map(
    ([spec, local]) =>
      `import * as ${local}Module from "${spec}.js";\nconst ${local} = typeof ${local}Module.default === "function" ? ${local}Module.default : ${local}Module.default.default;`,
  );
  const table = names.map((n) => `${JSON.stringify(n)}: validate_${n}`).join(", ");
  return `${imports.join("\n")}\n${code}\nconst byName = { ${table} };\nexport function compileValidator(name) { return byName[name]; }\n`;
}

export function ajvStandalone(): Plugin {
  let code: string | undefined;
  return {
    name: "vsm-ajv-standalone",
    enforce: "pre",
    // Vitest runs in Node, where Ajv may compile: the tests check the generated code themselves.
    apply: () => !process.env.VITEST,
    load(id) {
      if (!COMPILED.test(id.split("?")[0] ?? "")) return null;
      code ??= standaloneValidators();
      return { code, moduleType: "js" };
    },
  };
}
