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
 *
 * Byte ranges (`Range: bytes=a-b`) are answered with 206 in dev, as the preview server (sirv) and
 * static hosts do: the basemap is one PMTiles archive that the map reads a tile at a time.
 */
import {
  cpSync,
  createReadStream,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const TYPES: Record<string, string> = {
  ".json": "application/json",
  ".geojson": "application/geo+json",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/markdown; charset=utf-8",
  ".woff2": "font/woff2",
  ".pmtiles": "application/vnd.pmtiles",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
};

/** Built files worth compressing ahead (fonts and the basemap's tiles are compressed already). */
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

/** Answers with `<file>.gz` when there is a fresh one and the browser takes gzip; false otherwise
 * (and for a range request: ranges count bytes of the file, not of its compressed copy). */
export function servePrecompressed(
  file: string,
  req: IncomingMessage,
  res: ServerResponse,
): boolean {
  if (
    (req.method !== "GET" && req.method !== "HEAD") ||
    req.headers.range ||
    !/\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))
  )
    return false;
  const gz = `${file}.gz`;
  if (!existsSync(gz) || !existsSync(file)) return false;
  const plain = statSync(file),
    packed = statSync(gz);
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

/**
 * The one byte range a `Range` header asks of a file of `size` bytes (RFC 9110 § 14.1.2):
 * `bytes=a-b`, `bytes=a-` or the last n bytes `bytes=-n`, clipped to the file. null when the
 * header is absent, malformed or asks for several ranges (the whole file is then sent, as the
 * RFC allows); "unsatisfiable" when the range starts past the end.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | "unsatisfiable" | null {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? "");
  if (!m || (m[1] === "" && m[2] === "")) return null;
  if (m[1] === "") {
    const n = Number(m[2]);
    return n === 0 || size === 0
      ? "unsatisfiable"
      : { start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === "" ? size - 1 : Number(m[2]);
  if (end < start) return null;
  return start >= size ? "unsatisfiable" : { start, end: Math.min(end, size - 1) };
}

/** Sends a file whole (200) or the byte range the request asks for (206, or 416). */
export function serveFile(file: string, req: IncomingMessage, res: ServerResponse): void {
  const size = statSync(file).size;
  const range = parseRange(req.headers.range, size);
  res.setHeader("Content-Type", TYPES[extname(file)] ?? "application/octet-stream");
  res.setHeader("Accept-Ranges", "bytes");
  if (range === "unsatisfiable") {
    res.writeHead(416, { "Content-Range": `bytes */${size}` }).end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: size - 1 };
  if (range) res.setHeader("Content-Range", `bytes ${start}-${end}/${size}`);
  res.writeHead(range ? 206 : 200, { "Content-Length": end - start + 1 });
  if (req.method === "HEAD" || end < start) res.end();
  else createReadStream(file, { start, end }).pipe(res);
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
        serveFile(file, req, res);
      });
    },
    // Before Vite's own middlewares (which would compress the file again).
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const file = fileIn(outDir, req);
        if (file && servePrecompressed(file, req, res)) return;
        // sirv, which serves the rest (ranges too), knows no type for .pmtiles: untyped, Vite's
        // compression middleware would gzip its range answers again as if they were text.
        if (file?.endsWith(".pmtiles")) res.setHeader("Content-Type", TYPES[".pmtiles"]!);
        next();
      });
    },
    writeBundle() {
      if (!building) return;
      const assets = join(outDir, "assets");
      for (const name of existsSync(assets) ? readdirSync(assets) : []) {
        if (COMPRESSIBLE.test(name))
          writeFileSync(
            join(assets, `${name}.gz`),
            gzipSync(readFileSync(join(assets, name)), { level: 9 }),
          );
      }
    },
    closeBundle() {
      if (!building) return;
      for (const dir of dirs) {
        const from = resolve(root, dir);
        // Generated datasets (data/synthetic/, gitignored, up to ~1 GB) are served in dev but not
        // shipped; `npm run bench` copies the ones it measures into its own snapshot.
        const generated = join(from, "synthetic");
        if (existsSync(from))
          cpSync(from, join(outDir, dir), {
            recursive: true,
            filter: (src) => src !== generated && !src.startsWith(generated + sep),
          });
      }
    },
  };
}
