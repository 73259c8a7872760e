/**
 * A tiny Vite plugin: serve whole project folders (data/, seeds/) at /<dir>/… in dev, and copy
 * them verbatim into the build output. Keeps the fixed top-level layout (no public/data copy) and
 * means the app fetches exactly the committed bytes — the sources stay byte for byte.
 *
 * It also serves precompressed files, as static hosts do (nginx's gzip_static): `<file>.gz`, when
 * there is one at least as new as `<file>` and the browser takes gzip. The build writes one for
 * each script and style sheet, the generator one for each dataset. Vite's preview server
 * otherwise compresses every response again on every request: for a big dataset, CPU time taken
 * from the same cores as the browser it serves, on every load.
 */
import { cpSync, createReadStream, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const TYPES: Record<string, string> = {
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".txt": "text/plain; charset=utf-8",
  ".pbf": "application/x-protobuf",
  ".md": "text/markdown; charset=utf-8",
  ".woff2": "font/woff2",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
};

/** Built files worth compressing ahead (fonts and tiles are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css)$/;

/** The path a request names inside `base`, or null (outside it, or not a path at all). */
function fileIn(base: string, req: IncomingMessage): string | null {
  let url: string;
  try {
    url = decodeURIComponent((req.url ?? "").split("?")[0] ?? "");
  } catch {
    return null;
  }
  const file = normalize(join(base, url));
  // Refuse anything that escapes the served folder (../ tricks).
  return file.startsWith(base + sep) ? file : null;
}

/** Answers with `<file>.gz` when there is a fresh one and the browser takes gzip; false otherwise. */
export function servePrecompressed(file: string, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== "GET" && req.method !== "HEAD") || !/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) return false;
  const gz = `${file}.gz`;
  if (!existsSync(gz) || !existsSync(file)) return false;
  const plain = statSync(file), packed = statSync(gz);
  if (!plain.isFile() || packed.mtimeMs < plain.mtimeMs) return false; // stale: the file changed since
  res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
  res.setHeader("Content-Encoding", "gzip");
  res.setHeader("Content-Length", packed.size);
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Cache-Control", "no-cache");
  if (req.method === "HEAD") res.end();
  else createReadStream(gz).pipe(res);
  return true;
}

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
        const file = fileIn(root, req);
        if (!file || !dirs.some((d) => file.startsWith(resolve(root, d) + sep))) return next();
        if (servePrecompressed(file, req, res)) return;
        if (!existsSync(file) || !statSync(file).isFile()) return next();
        res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
        createReadStream(file).pipe(res);
      });
    },
    // Before Vite's own middlewares (which would compress the file again).
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = fileIn(outDir, req);
        if (!file || !servePrecompressed(file, req, res)) next();
      });
    },
    writeBundle() {
      if (!building) return;
      const assets = join(outDir, "assets");
      for (const name of existsSync(assets) ? readdirSync(assets) : []) {
        if (COMPRESSIBLE.test(name)) writeFileSync(join(assets, `${name}.gz`), gzipSync(readFileSync(join(assets, name)), { level: 9 }));
      }
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
