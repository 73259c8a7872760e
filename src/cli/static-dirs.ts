/**
 * A tiny Vite plugin: serve whole project folders (data/, seeds/) at /<dir>/… in dev, and copy
 * them verbatim into the build output. Keeps the fixed top-level layout (no public/data copy) and
 * means the app fetches exactly the committed bytes — the sources stay byte for byte.
 */
import { cpSync, createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize, resolve, sep } from "node:path";
import type { Plugin } from "vite";

const TYPES: Record<string, string> = {
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".txt": "text/plain; charset=utf-8",
  ".pbf": "application/x-protobuf",
  ".md": "text/markdown; charset=utf-8",
  ".woff2": "font/woff2",
};

export function staticDirs(dirs: string[]): Plugin {
  let root = process.cwd();
  let outDir = "dist";
  let building = false;
  return {
    name: "static-dirs",
    configResolved(config) {
      root = config.root;
      outDir = resolve(config.root, config.build.outDir);
      // Vitest resolves a config too (with a dummy outDir): only a real `vite build` copies.
      building = config.command === "build" && !process.env.VITEST;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
        const dir = dirs.find((d) => url.startsWith(`/${d}/`));
        if (!dir) return next();
        const base = resolve(root, dir);
        const file = normalize(join(root, url));
        // Refuse anything that escapes the served folder (../ tricks).
        if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
    closeBundle() {
      if (!building) return;
      for (const dir of dirs) {
        const from = resolve(root, dir);
        // Generated datasets (data/synthetic/, gitignored, up to ~1 GB) are served in dev but not
        // shipped; `npm run bench` copies the ones it measures into its own snapshot.
        const generated = join(from, "synthetic");
        if (existsSync(from)) cpSync(from, join(outDir, dir), { recursive: true, filter: (src) => src !== generated && !src.startsWith(generated + sep) });
      }
    },
  };
}
