/**
 * The shipped sources' texts are fetched as the page's HTML is read, like the events and the
 * sources file (index.html): the loader asks for them only once sources.json is parsed, which
 * would put one more round trip before the list can be drawn. The names come from data/sources.json
 * at build time, so the hints follow the data. A link to another dataset (`data=`) reads the same
 * sources unless it names others (`sources=`): only then are the hints wasted.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { HtmlTagDescriptor, Plugin } from "vite";

/** The preload hints for each source text named in `sourcesFile`. */
export function seedPreloads(sourcesFile: string): HtmlTagDescriptor[] {
  const { sources } = JSON.parse(readFileSync(sourcesFile, "utf8")) as {
    sources: { id: string }[];
  };
  return sources.map((s) => ({
    tag: "link",
    // Same mode and credentials as the loader's fetch(), so the browser reuses the response.
    attrs: { rel: "preload", href: `seeds/${s.id}.txt`, as: "fetch", crossorigin: "anonymous" },
    injectTo: "head",
  }));
}

export function preloadSeeds(root = process.cwd()): Plugin {
  return {
    name: "vsm-preload-seeds",
    apply: "build",
    transformIndexHtml: () => seedPreloads(join(root, "data", "sources.json")),
  };
}
