/**
 * The map's chunks (our controller and MapLibre, ~310 KB gzip) are fetched and compiled as the
 * page's HTML is read, not when MapPane asks for them: `import()` runs only once the first view is
 * drawn, and the library's download and compilation then stood between the list and the map.
 * `modulepreload` fetches and compiles without running anything, so the first view's text does not
 * wait for the library (tests/browser/first-view.test.ts); the import then only evaluates it.
 */
import type { HtmlTagDescriptor, Plugin } from "vite";

/** What the hints need of the bundle: each chunk's file, source module and static imports. */
export interface ChunkInfo {
  type: "chunk" | "asset";
  fileName: string;
  facadeModuleId?: string | null;
  isEntry?: boolean;
  imports?: string[];
}

/** Every chunk `file` imports statically, itself included. */
function withImports(bundle: Record<string, ChunkInfo>, file: string, out = new Set<string>()) {
  if (out.has(file)) return out;
  out.add(file);
  for (const i of bundle[file]?.imports ?? []) withImports(bundle, i, out);
  return out;
}

/**
 * `modulepreload` hints for the chunk whose source ends with `moduleSuffix` and the chunks it
 * imports statically, less those the entry loads already (the page loads them anyway).
 */
export function mapPreloads(
  bundle: Record<string, ChunkInfo>,
  moduleSuffix: string,
): HtmlTagDescriptor[] {
  const chunks = Object.values(bundle).filter((c) => c.type === "chunk");
  const target = chunks.find((c) => c.facadeModuleId?.endsWith(moduleSuffix));
  if (!target) throw new Error(`preload-map: no chunk for ${moduleSuffix} in the build`);
  const entry = new Set<string>();
  for (const c of chunks) if (c.isEntry) withImports(bundle, c.fileName, entry);
  return [...withImports(bundle, target.fileName)]
    .filter((f) => !entry.has(f))
    .map((f) => ({
      tag: "link",
      // As Vite's own hints for a dynamic import: the same mode, so the import reuses the fetch.
      attrs: { rel: "modulepreload", crossorigin: "", href: `./${f}` },
      injectTo: "head",
    }));
}

export function preloadMap(moduleSuffix = "/src/map/map-controller.ts"): Plugin {
  return {
    name: "vsm-preload-map",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler: (_html, ctx) =>
        ctx.bundle ? mapPreloads(ctx.bundle as Record<string, ChunkInfo>, moduleSuffix) : [],
    },
  };
}
