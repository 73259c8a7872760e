/**
 * One job per module (CONTRIBUTING.md): no TypeScript source file in src/ over 400 lines. A file
 * that grows past it is a file doing two jobs; split it by job, not by cutting it in half.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "..");
const MAX_LINES = 400;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.tsx?$/.test(d.name) ? [path] : [];
  });
}

describe("module size", () => {
  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const files = sources(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(100);
    const long = files
      .map((f) => ({
        file: relative(ROOT, f),
        lines: readFileSync(f, "utf8").split("\n").length - 1,
      }))
      .filter((f) => f.lines > MAX_LINES);
    expect(long).toEqual([]);
  });
});
