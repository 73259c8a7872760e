/**
 * Dependencies point one way: the app and its tools (src/) never import the tests. A tool that
 * needs something the tests use (the Chromium launcher) takes it from src/, and the tests import
 * it from there.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const TESTS = join(ROOT, "tests");

/** Every module specifier of a TypeScript file: static imports and re-exports, side-effect
 * imports, and dynamic import() with a literal. */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^"'`;]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\bimport\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

/** The specifiers of `file` that resolve into tests/. */
function importsOfTests(file: string): string[] {
  return specifiers(readFileSync(file, "utf8")).filter((s) => {
    if (!s.startsWith(".") && !s.startsWith("/")) return false;
    const target = resolve(dirname(file), s);
    return target === TESTS || target.startsWith(TESTS + sep);
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(d.name) ? [path] : [];
  });
}

describe("src/ never imports tests/", () => {
  it("finds imports of every form, so that a miss is not a silent pass", () => {
    const sample = [
      'import { a } from "../../tests/browser/harness.ts";',
      'import type { B } from "../x.ts";',
      "export { c } from './y.ts';",
      'import "./styles.css";',
      'const m = await import("../../tests/z.ts");',
      "import {\n  d,\n  e,\n} from \"solid-js\";",
    ].join("\n");
    expect(specifiers(sample)).toEqual(expect.arrayContaining(["../../tests/browser/harness.ts", "../x.ts", "./y.ts", "./styles.css", "../../tests/z.ts", "solid-js"]));
    expect(specifiers(sample)).toHaveLength(6);
  });

  it("holds for every file under src/", () => {
    const files = sourceFiles(join(ROOT, "src"));
    // The scan must actually see the source tree's imports.
    expect(files.length).toBeGreaterThan(50);
    expect(files.reduce((n, f) => n + specifiers(readFileSync(f, "utf8")).length, 0)).toBeGreaterThan(200);
    const offending = files.flatMap((f) => importsOfTests(f).map((s) => `${relative(ROOT, f)} imports ${s}`));
    expect(offending).toEqual([]);
  });
});
