/**
 * The app's modules the first view loads: the static import closure of the page's entry. The
 * build puts them in one chunk with Solid (vite.config.ts). Left to itself, the bundler gives
 * every module that the first view shares with a lazy view (curate, the story, the image) a small
 * chunk of its own, and each chunk compresses alone: the first view then downloads more.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** `import … from "./x.ts"`, `export … from "./x.ts"`, `import "./x.ts"`; never `import type`. */
const STATIC_IMPORT =
  /^\s*(?:import(?!\s+type\b)[^;]*?from|export(?!\s+type\b)[^;]*?from|import)\s*["'](\.{1,2}\/[^"']+\.tsx?)["']/gm;

export function firstViewModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || !existsSync(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(STATIC_IMPORT))
      visit(resolve(dirname(file), m[1]!));
  };
  visit(resolve(entry));
  return seen;
}
