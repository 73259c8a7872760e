/**
 * Byte accounting for one page load: which responses arrived before ready, sorted into critical
 * JS, basemap (parts of its archive, fonts) and the rest. Raw sizes and gzip sizes are computed
 * from the served files themselves (zlib, level 6), so they don't depend on what the preview
 * server happens to compress; `wire` is what Chromium reports it received (vite preview gzips
 * text). A range request counts the bytes of its range, not the whole file.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import { gzipSync } from "node:zlib";
import type { Request } from "playwright-core";

export interface SeenRequest {
  path: string;
  /** When the response finished, in ms since the page's time origin (navigation start). */
  end: number;
  /** Encoded body bytes Chromium reports (0 where it reports none, e.g. worker scripts). */
  wire: number;
  status: number | null;
  /** The byte range asked for (`Range: bytes=a-b`), inclusive. */
  range?: [number, number];
}

export type Kind = "js" | "basemap" | "data" | "other";

export interface Bytes {
  raw: number;
  gzip: number;
}
export interface ByteTotals {
  js: Bytes;
  /** The app's own script: `js` without MapLibre's chunk and worker. */
  appJs: Bytes;
  basemap: Bytes;
  data: Bytes;
  total: Bytes & { wire: number; requests: number };
}

export function classify(path: string): Kind {
  if (/\.m?js$/.test(path)) return "js";
  if (path.startsWith("/data/basemap/") || path.endsWith(".woff2") || path.endsWith(".pbf"))
    return "basemap";
  if (path.startsWith("/data/") || path.startsWith("/seeds/")) return "data";
  return "other";
}

/** Collects every finished request of a page, stamped against the page's time origin. */
export function trackRequests(
  page: { on(e: "requestfinished", f: (r: Request) => void): unknown },
  origin: string,
): { list: Request[]; resolve(timeOrigin: number): Promise<SeenRequest[]> } {
  const list: Request[] = [];
  page.on("requestfinished", (r) => {
    if (r.url().startsWith(origin)) list.push(r);
  });
  return {
    list,
    async resolve(timeOrigin) {
      return Promise.all(
        list.map(async (r) => {
          const t = r.timing();
          const sizes = await r.sizes().catch(() => ({ responseBodySize: 0 }));
          const response = await r.response().catch(() => null);
          const end = t.startTime + Math.max(t.responseEnd, 0) - timeOrigin;
          const asked = /^bytes=(\d+)-(\d+)$/.exec(
            (await r.allHeaders().catch(() => ({}) as Record<string, string>)).range ?? "",
          );
          const range: [number, number] | undefined = asked
            ? [Number(asked[1]), Number(asked[2])]
            : undefined;
          return {
            path: new URL(r.url()).pathname,
            end,
            wire: Math.max(0, sizes.responseBodySize),
            status: response?.status() ?? null,
            ...(range ? { range } : {}),
          };
        }),
      );
    },
  };
}

const cache = new Map<string, Bytes & { mtime: number }>();

/** Raw and gzip size of the file the preview server serves for `path`, or of the part of it in
 * `range` (null if none). */
export function fileBytes(distDir: string, path: string, range?: [number, number]): Bytes | null {
  const rel = path === "/" || path.endsWith("/") ? `${path}index.html` : path;
  const file = normalize(join(distDir, decodeURIComponent(rel)));
  if (!file.startsWith(distDir + sep) || !existsSync(file) || !statSync(file).isFile()) return null;
  const mtime = statSync(file).mtimeMs;
  const key = range ? `${file}|${range[0]}-${range[1]}` : file;
  const hit = cache.get(key);
  if (hit && hit.mtime === mtime) return hit;
  const whole = readFileSync(file);
  const body = range ? whole.subarray(range[0], range[1] + 1) : whole;
  const entry = { raw: body.length, gzip: gzipSync(body, { level: 6 }).length, mtime };
  cache.set(key, entry);
  return entry;
}

export function byteTotals(
  requests: readonly SeenRequest[],
  readyAt: number,
  distDir: string,
): ByteTotals {
  const zero = (): Bytes => ({ raw: 0, gzip: 0 });
  const out: ByteTotals = {
    js: zero(),
    appJs: zero(),
    basemap: zero(),
    data: zero(),
    total: { ...zero(), wire: 0, requests: 0 },
  };
  const seen = new Set<string>();
  for (const r of requests) {
    // A request that finished before ready was on the critical path (or at least competed with it).
    // A second request for one path (a font loaded by CSS and by MapLibre) is a cache hit.
    const key = r.range ? `${r.path}|${r.range[0]}-${r.range[1]}` : r.path;
    if (
      r.end > readyAt ||
      (r.status !== null && (r.status < 200 || r.status >= 400)) ||
      seen.has(key)
    )
      continue;
    seen.add(key);
    const b = fileBytes(distDir, r.path, r.range) ?? { raw: r.wire, gzip: r.wire };
    const kind = classify(r.path);
    if (kind !== "other") {
      out[kind].raw += b.raw;
      out[kind].gzip += b.gzip;
    }
    if (kind === "js" && !r.path.includes("maplibre")) {
      out.appJs.raw += b.raw;
      out.appJs.gzip += b.gzip;
    }
    out.total.raw += b.raw;
    out.total.gzip += b.gzip;
    out.total.wire += r.wire;
    out.total.requests++;
  }
  return out;
}
