/**
 * A Vite plugin that gives every event and every source a page of its own, at build time
 * (docs/architecture.md, "Sharing"): `e/<id>/index.html` with the event's text and the tags that
 * unfurl a shared link, `e/<id>/preview.png` (its link preview), a redirecting page for every
 * renamed id, and `s/<id>/index.html` with a source's text and its cited passages marked. The
 * pages themselves are made by pure functions in src/model/share/; this reads the data, emits
 * the files, and names the built stylesheet and script they link.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plugin } from "vite";
import { resolveDataset } from "../model/dataset.ts";
import { aliasPage } from "../model/share/alias-page.ts";
import { eventPage } from "../model/share/event-page.ts";
import type { PageAssets } from "../model/share/page-head.ts";
import { PAGE_LANGS, pageLang } from "../model/share/page-lang.ts";
import { eventPath, sourcePath } from "../model/share/page-paths.ts";
import { maybeSiteUrl } from "../model/share/site-url.ts";
import { siteSummary, siteTags } from "../model/share/site-card.ts";
import { sourcePage } from "../model/share/source-page.ts";
import {
  type EventCollection,
  SLUG_PATTERN,
  SOURCE_ID_PATTERN,
  type SourceCollection,
} from "../model/types.ts";
import { basemapShapes } from "./basemap-shapes.ts";
import { previewPng, sitePng } from "./preview-png.ts";

export interface SharePagesOptions {
  /** The project folder (data/, seeds/, src/). */
  root?: string;
  /** The site's public base URL (VSM_SITE_URL): absolute og:url and og:image; else relative. */
  siteUrl?: string | undefined;
  /** The Content-Security-Policy the pages carry, as the app's own page does. */
  csp: string;
  /** The events file, relative to `root` (the browser tests' hostile build names another). */
  events?: string;
  sources?: string;
}

/** The shipped data, anchored as the app anchors it. */
export function loadShipped(root: string, eventsFile: string, sourcesFile: string) {
  const events = JSON.parse(readFileSync(join(root, eventsFile), "utf8")) as EventCollection;
  const sources = JSON.parse(readFileSync(join(root, sourcesFile), "utf8")) as SourceCollection;
  const seeds: Record<string, string> = Object.create(null);
  for (const s of sources.sources)
    seeds[s.id] = readFileSync(join(root, "seeds", `${s.id}.txt`), "utf8");
  return { events, sources, seeds, index: resolveDataset(events, sources, seeds) };
}

export function sharePages(o: SharePagesOptions): Plugin {
  const root = o.root ?? process.cwd();
  const site = maybeSiteUrl(o.siteUrl);
  if (o.siteUrl && !site) throw new Error(`VSM_SITE_URL is not an http(s) URL: ${o.siteUrl}`);
  let script = "";
  return {
    name: "vsm-share-pages",
    apply: "build",
    buildStart() {
      script = this.emitFile({
        type: "chunk",
        id: join(root, "src/open-event.ts"),
        name: "open-event",
      });
    },
    // The app's page: the site's own link preview (a view's hash is invisible to crawlers).
    transformIndexHtml(html) {
      const data = loadShipped(
        root,
        o.events ?? "data/events.geojson",
        o.sources ?? "data/sources.json",
      );
      const summary = siteSummary(data.events.features, data.sources.sources.length);
      const tags = siteTags({
        url: site ?? "./",
        image: site ? `${site}preview.png` : "preview.png",
        description: `${summary.join(", ")}.`,
      });
      return html.replace("</head>", `${tags.join("\n")}\n</head>`);
    },
    async generateBundle() {
      const css = this.emitFile({
        type: "asset",
        name: "share-page.css",
        source: readFileSync(join(root, "src/styles/share-page.css"), "utf8"),
      });
      const assets: PageAssets = {
        csp: o.csp,
        css: this.getFileName(css),
        script: this.getFileName(script),
      };
      const data = loadShipped(
        root,
        o.events ?? "data/events.geojson",
        o.sources ?? "data/sources.json",
      );
      const emit = (fileName: string, source: string | Uint8Array) =>
        this.emitFile({ type: "asset", fileName, source });
      const basemap = await basemapShapes(join(root, "data/basemap/basemap.pmtiles"));
      // An id becomes a folder name: only the patterns the validator enforces, never "../".
      const events = data.events.features.filter((f) => SLUG_PATTERN.test(f.id));
      for (const pl of PAGE_LANGS.map(pageLang))
        for (const e of events) {
          const dir = eventPath(e.id, pl.lang);
          emit(
            `${dir}index.html`,
            eventPage(e, { index: data.index, seeds: data.seeds, site, assets, pl }),
          );
          emit(`${dir}preview.png`, await previewPng(e, basemap, pl));
        }
      const summary = siteSummary(data.events.features, data.sources.sources.length);
      emit("preview.png", await sitePng(data.events.features, summary, basemap.shapes));
      for (const [old, to] of data.index.aliases) {
        const target = data.index.eventById.get(to);
        if (target && SLUG_PATTERN.test(old) && !data.index.eventById.has(old))
          emit(
            `e/${old}/index.html`,
            aliasPage(old, { id: to, title: target.properties.title }, site, assets),
          );
      }
      for (const pl of PAGE_LANGS.map(pageLang))
        for (const s of data.sources.sources.filter((x) => SOURCE_ID_PATTERN.test(x.id)))
          emit(
            `${sourcePath(s.id, pl.lang)}index.html`,
            sourcePage(s, data.seeds[s.id] ?? "", {
              passages: data.index.passagesBySource.get(s.id) ?? [],
              eventById: data.index.eventById,
              site,
              assets,
              pl,
            }),
          );
    },
  };
}
