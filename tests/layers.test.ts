/**
 * The layer rules of docs/architecture.md, checked on every import in src/: the model is pure,
 * state builds on the model, the UI on state, the map folder alone speaks to MapLibre, the CLI
 * shares the model, build-time plugins (src/build) stay out of the app, the service worker
 * (src/sw) is Workbox alone, and nothing in src/ reaches outside it but the model into data/schema/.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const SRC = join(ROOT, "src");

type Layer =
  | "model"
  | "state"
  | "ui"
  | "map"
  | "cli"
  | "build"
  | "sw"
  | "types"
  | "styles"
  | "main";

/** Which layers each layer may import (besides itself), and which packages it must not. */
const RULES: Record<Layer, { layers: Layer[]; forbidden: RegExp }> = {
  model: { layers: [], forbidden: /^(solid-js|maplibre-gl|@solidjs|playwright-core|vite|node:)/ },
  state: { layers: ["model"], forbidden: /^(maplibre-gl|playwright-core|vite|node:)/ },
  map: { layers: ["model", "types"], forbidden: /^(solid-js|playwright-core|vite|node:)/ },
  ui: { layers: ["model", "state", "map"], forbidden: /^(maplibre-gl|playwright-core|vite|node:)/ },
  cli: { layers: ["model", "types"], forbidden: /^(solid-js|maplibre-gl)/ },
  build: { layers: ["model"], forbidden: /^(solid-js|maplibre-gl|playwright-core)/ },
  // The service worker: Workbox's modules and nothing else, ours or not.
  sw: { layers: [], forbidden: /^(?!workbox-)/ },
  types: { layers: [], forbidden: /^(solid-js|maplibre-gl)/ },
  // The stylesheets, which only main.tsx imports (no .ts file lives there, so no rule applies).
  styles: { layers: [], forbidden: /./ },
  main: {
    layers: ["model", "state", "ui", "map", "styles"],
    forbidden: /^(maplibre-gl|playwright-core|vite|node:)/,
  },
};

/** The one UI module that may make the map (through the map folder's controller). */
const UI_TO_MAP = new Set(["src/ui/MapPane.tsx"]);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

function layerOf(file: string): Layer {
  const rel = relative(SRC, file);
  // The entry point and what sits beside it (its stylesheet) are the app's top.
  return (rel.includes("/") ? rel.split("/")[0]! : "main") as Layer;
}

/** Every module specifier in a file: static imports and exports, dynamic imports, side-effect imports. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(
    /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g,
  ))
    out.push((m[1] ?? m[2] ?? m[3])!);
  return out;
}

/**
 * Outside src/, the model may read the JSON Schemas: they state the data's structure once, for
 * editors and for the validator alike (docs/data-format.md). Nothing else outside src/.
 */
const MODEL_OUTSIDE = /^data\/schema\/[^/]+\.schema\.json$/;

/** Why `spec`, imported by `rel` (a path from the repository root), breaks a rule, if it does. */
function violation(rel: string, spec: string): string | undefined {
  const from = layerOf(join(ROOT, rel));
  const rule = RULES[from];
  if (!spec.startsWith(".")) {
    return rule.forbidden.test(spec) ? `${rel} (${from}) imports the package ${spec}` : undefined;
  }
  const target = resolve(ROOT, rel, "..", spec);
  if (!target.startsWith(`${SRC}/`)) {
    const allowed = from === "model" && MODEL_OUTSIDE.test(relative(ROOT, target));
    return allowed ? undefined : `${rel} imports ${spec}, outside src/`;
  }
  const to = layerOf(target);
  if (to === from) return undefined;
  if (from === "ui" && to === "map" && !UI_TO_MAP.has(rel))
    return `${rel} imports ${spec}: only ${[...UI_TO_MAP].join(", ")} may use the map folder`;
  return rule.layers.includes(to) ? undefined : `${rel} (${from}) imports ${spec} (${to})`;
}

const violations: string[] = [];
/** Each src module's imports of other src modules, for the cycle check. */
const graph = new Map<string, string[]>();
for (const file of files(SRC)) {
  const rel = relative(ROOT, file);
  if (!RULES[layerOf(file)]) {
    violations.push(
      `${rel}: src/${layerOf(file)}/ is not a known layer (add it to docs/architecture.md and this test)`,
    );
    continue;
  }
  for (const spec of specifiers(readFileSync(file, "utf8"))) {
    const broken = violation(rel, spec);
    if (broken !== undefined) violations.push(broken);
    const target = resolve(file, "..", spec);
    if (spec.startsWith(".") && target.startsWith(`${SRC}/`) && /\.tsx?$/.test(target))
      graph.set(rel, [...(graph.get(rel) ?? []), relative(ROOT, target)]);
  }
}

/** Every import cycle among src modules, each as the path that closes it. */
function cycles(g: Map<string, string[]>): string[] {
  const found: string[] = [];
  const state = new Map<string, "open" | "done">();
  const visit = (node: string, path: string[]) => {
    if (state.get(node) === "done") return;
    if (state.get(node) === "open")
      return void found.push([...path.slice(path.indexOf(node)), node].join(" → "));
    state.set(node, "open");
    for (const next of g.get(node) ?? []) visit(next, [...path, node]);
    state.set(node, "done");
  };
  for (const node of g.keys()) visit(node, []);
  return found;
}

describe("layers", () => {
  it("finds the imports it checks", () => {
    expect(
      specifiers(
        'import { a } from "./a.ts";\nimport "./b.css";\nconst c = import("./c.ts");\nexport { d } from "../d.ts";',
      ),
    ).toEqual(["./a.ts", "./b.css", "./c.ts", "../d.ts"]);
  });

  it("every import in src/ follows the layer rules", () => {
    expect(violations).toEqual([]);
  });

  it("lets the model import the JSON Schemas and nothing else outside src/", () => {
    const model = "src/model/validate/schema.ts";
    expect(violation(model, "../../../data/schema/events.schema.json")).toBeUndefined();
    for (const spec of [
      "../../../data/events.geojson",
      "../../../data/schema/events.schema.ts",
      "../../../data/schema/nested/x.schema.json",
      "../../../package.json",
      "../../../tests/fixtures/data/valid.geojson",
    ])
      expect(violation(model, spec)).toBe(`${model} imports ${spec}, outside src/`);
    expect(violation("src/ui/App.tsx", "../../data/schema/events.schema.json")).toBe(
      "src/ui/App.tsx imports ../../data/schema/events.schema.json, outside src/",
    );
  });

  it("finds a cycle when there is one", () => {
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", ["c"]],
          ["c", ["a"]],
          ["d", ["a"]],
        ]),
      ),
    ).toEqual(["a → b → c → a"]);
    expect(
      cycles(
        new Map([
          ["a", ["b"]],
          ["b", []],
          ["c", ["a", "b"]],
        ]),
      ),
    ).toEqual([]);
  });

  it("no module in src/ imports itself back through others", () => {
    expect(cycles(graph)).toEqual([]);
  });
});
