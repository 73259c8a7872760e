/**
 * The layer rules of docs/architecture.md, checked on every import in src/: the model is pure,
 * state builds on the model, the UI on state, the map folder alone speaks to MapLibre, the CLI
 * shares the model, build-time plugins (src/build) stay out of the app, the service worker
 * (src/sw) is Workbox alone, and nothing in src/ reaches outside it but the model into data/schema/.
 * Each layer may import only the packages its row of the table lists.
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

/** Node's own modules, as `node:` specifiers. */
const NODE = /^node:/;

/**
 * Which layers each layer may import (besides itself), and the only packages it may import (by
 * package name: `solid-js/web` is `solid-js`), as the table in docs/architecture.md lists them.
 */
const RULES: Record<Layer, { layers: Layer[]; packages: (string | RegExp)[] }> = {
  model: { layers: [], packages: ["@turf/turf", "geojson", "ajv"] },
  state: {
    layers: ["model"],
    packages: ["solid-js", "virtual:pwa-register", "idb", "fflate", "@solid-primitives/i18n"],
  },
  map: {
    layers: ["model", "types"],
    packages: [
      "maplibre-gl",
      "terra-draw",
      "terra-draw-maplibre-gl-adapter",
      "pmtiles",
      "geojson-vt",
      "vt-pbf",
      "@fontsource/noto-sans",
      "@turf/turf",
      "geojson",
    ],
  },
  ui: { layers: ["model", "state", "map"], packages: ["solid-js"] },
  cli: {
    layers: ["model", "types", "build"],
    packages: [
      NODE,
      "vite",
      "playwright-core",
      "pngjs",
      "pmtiles",
      "geojson-vt",
      "vt-pbf",
      "geojson",
    ],
  },
  build: {
    layers: ["model"],
    packages: [
      NODE,
      "vite",
      "vite-plugin-pwa",
      "satori",
      "@resvg/resvg-js",
      "pmtiles",
      "@mapbox/vector-tile",
      "pbf",
      "ajv",
      "geojson",
      "ajv",
    ],
  },
  // The service worker: Workbox's modules and nothing else, ours or not.
  sw: { layers: [], packages: [/^workbox-/] },
  // Declarations for packages that ship none (they import nothing).
  types: { layers: [], packages: [] },
  // The stylesheets, which only main.tsx imports (no .ts file lives there, so no rule applies).
  styles: { layers: [], packages: [] },
  // main.tsx and open-event.ts, the entries.
  main: { layers: ["model", "state", "ui", "map", "styles"], packages: ["solid-js"] },
};

/** Packages that only one module of its layer may import. */
const PACKAGE_OWNERS: Record<string, string> = {
  "virtual:pwa-register": "src/state/app-update.ts",
  fflate: "src/state/curate/export-draft.ts",
  "@solid-primitives/i18n": "src/state/i18n.ts",
};

/** The package a bare specifier names: its scope and name, without a subpath or a query. */
function packageOf(spec: string): string {
  const path = spec.split("?")[0]!;
  if (/^[a-z]+:/.test(path) && !path.startsWith("@")) return path;
  const parts = path.split("/");
  return parts.slice(0, path.startsWith("@") ? 2 : 1).join("/");
}

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
    const name = packageOf(spec);
    const allowed = rule.packages.some((p) => (typeof p === "string" ? p === name : p.test(name)));
    if (!allowed) return `${rel} (${from}) imports the package ${spec}`;
    const owner = PACKAGE_OWNERS[name];
    return owner && owner !== rel ? `${rel} imports ${spec}: only ${owner} may` : undefined;
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

  it("names a specifier's package", () => {
    expect(packageOf("solid-js/web")).toBe("solid-js");
    expect(packageOf("@turf/turf")).toBe("@turf/turf");
    expect(packageOf("maplibre-gl/dist/maplibre-gl-worker.mjs?url")).toBe("maplibre-gl");
    expect(packageOf("@fontsource/noto-sans/files/x.woff2?url")).toBe("@fontsource/noto-sans");
    expect(packageOf("node:fs")).toBe("node:fs");
    expect(packageOf("virtual:pwa-register")).toBe("virtual:pwa-register");
  });

  it("refuses a package that a layer's row does not list", () => {
    expect(violation("src/model/x.ts", "pmtiles")).toBe(
      "src/model/x.ts (model) imports the package pmtiles",
    );
    expect(violation("src/model/x.ts", "node:fs")).toBe(
      "src/model/x.ts (model) imports the package node:fs",
    );
    expect(violation("src/ui/X.tsx", "maplibre-gl")).toBe(
      "src/ui/X.tsx (ui) imports the package maplibre-gl",
    );
    expect(violation("src/ui/X.tsx", "pngjs")).toBe("src/ui/X.tsx (ui) imports the package pngjs");
    expect(violation("src/map/x.ts", "solid-js")).toBe(
      "src/map/x.ts (map) imports the package solid-js",
    );
    expect(violation("src/sw/sw.ts", "idb")).toBe("src/sw/sw.ts (sw) imports the package idb");
    expect(violation("src/cli/x.ts", "node:fs")).toBeUndefined();
    expect(
      violation("src/map/x.ts", "maplibre-gl/dist/maplibre-gl-worker.mjs?url"),
    ).toBeUndefined();
  });

  it("keeps the service worker's registration to app-update.ts", () => {
    expect(violation("src/state/app-update.ts", "virtual:pwa-register")).toBeUndefined();
    expect(violation("src/state/load.ts", "virtual:pwa-register")).toBe(
      "src/state/load.ts imports virtual:pwa-register: only src/state/app-update.ts may",
    );
  });

  it("refuses imports across layers that the table does not allow", () => {
    expect(violation("src/model/x.ts", "../state/app-state.ts")).toBe(
      "src/model/x.ts (model) imports ../state/app-state.ts (state)",
    );
    expect(violation("src/state/x.ts", "../map/camera.ts")).toBe(
      "src/state/x.ts (state) imports ../map/camera.ts (map)",
    );
    expect(violation("src/ui/App.tsx", "../map/camera.ts")).toBe(
      "src/ui/App.tsx imports ../map/camera.ts: only src/ui/MapPane.tsx may use the map folder",
    );
    expect(violation("src/cli/x.ts", "../../tests/browser/harness.ts")).toBe(
      "src/cli/x.ts imports ../../tests/browser/harness.ts, outside src/",
    );
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
