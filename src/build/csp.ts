/**
 * The Content-Security-Policy of the built site, and a Vite plugin that puts it in each built page
 * (a `<meta http-equiv>`) and sends it as a header from the preview server.
 *
 * Why each directive (docs/deploy.md repeats this for hosts):
 * - `default-src 'self'`: everything the app needs ships with it (scripts, styles, the basemap
 *   archive, fonts, data, the source texts).
 * - `script-src 'self'`: no inline script and no eval; Vite emits only external module scripts.
 * - `style-src 'self'`: one extracted style sheet per chunk. The app and MapLibre set element
 *   styles through the CSSOM (`el.style…`), which a policy does not govern.
 * - `img-src 'self' data: blob:`: MapLibre decodes raster tiles and icon images through blob:
 *   URLs and data: images in its control sheet.
 * - `worker-src 'self'`: MapLibre's worker and the event-tile worker are files of the build
 *   (maplibre-gl's `setWorkerUrl`), never blob: workers.
 * - `connect-src 'self'` plus the origins of the configured online basemaps, and nothing else:
 *   an online basemap adds only its own origin.
 * - `object-src 'none'`, `base-uri 'none'`, `form-action 'none'`: no plugins, no `<base>` that
 *   could re-point relative URLs, no form posts.
 * - `frame-ancestors` (header only: browsers ignore it in a meta tag): who may frame the page.
 *   Embed mode (`#embed=1`) is for newsrooms' iframes, so any site by default; a host can narrow it.
 */
import type { Plugin } from "vite";

export interface CspOptions {
  /** URLs (or URL templates) of online basemaps the build may show: their origins are allowed. */
  onlineUrls?: readonly string[];
  /** Who may frame the page: "*" (any site, for embeds), "'self'", "'none'" or origins. */
  frameAncestors?: string;
}

/** The scheme and host of each http(s) URL, sorted and without repeats; others are dropped. */
export function originsOf(urls: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const url of urls) {
    try {
      const u = new URL(url);
      if (u.protocol === "https:" || u.protocol === "http:") origins.add(u.origin);
    } catch {
      /* not an absolute URL: a relative one is 'self' already */
    }
  }
  return [...origins].sort();
}

/** The policy's directives, in a stable order; `frame-ancestors` only for a header. */
export function cspDirectives(
  o: CspOptions = {},
  where: "meta" | "header" = "meta",
): [string, ...string[]][] {
  const online = originsOf(o.onlineUrls ?? []);
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'"],
    ["style-src", "'self'"],
    ["img-src", "'self'", "data:", "blob:", ...online],
    ["font-src", "'self'"],
    ["connect-src", "'self'", ...online],
    ["worker-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["form-action", "'none'"],
  ];
  if (where === "header") directives.push(["frame-ancestors", o.frameAncestors ?? "*"]);
  return directives;
}

/** The policy as a header or meta value. */
export function contentSecurityPolicy(o: CspOptions = {}, where: "meta" | "header" = "meta") {
  return cspDirectives(o, where)
    .map((d) => d.join(" "))
    .join("; ");
}

/** Adds the meta tag to every built page and the header to every preview response. */
export function csp(o: CspOptions = {}): Plugin {
  const meta = contentSecurityPolicy(o, "meta");
  const header = contentSecurityPolicy(o, "header");
  return {
    name: "vsm-csp",
    // The build and its preview, not the dev server: its hot reload injects an inline client that
    // the policy forbids.
    apply: (_config, env) => env.command === "build" || env.isPreview === true,
    transformIndexHtml: {
      order: "post",
      handler: () => [
        {
          tag: "meta",
          attrs: { "http-equiv": "Content-Security-Policy", content: meta },
          injectTo: "head-prepend",
        },
      ],
    },
    configurePreviewServer(server) {
      server.middlewares.use((_req, res, next) => {
        res.setHeader("Content-Security-Policy", header);
        next();
      });
    },
  };
}
