/**
 * The `<head>` of a generated page: its policy, title, description, canonical link and the Open
 * Graph and Twitter card tags a chat or social app reads to unfurl a shared link.
 */
import { attrs, esc, metaTag } from "./html.ts";
import type { Lang } from "../i18n/lang.ts";

export const SITE_NAME = "Venezuela situation map";

/** Width and height of every link preview image (Open Graph's large card, 1.91:1). */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

/** Where the built site's shared files are, relative to its root. */
export interface PageAssets {
  /** The Content-Security-Policy, as the app's own page carries it (src/build/csp.ts). */
  csp: string;
  /** The pages' stylesheet, e.g. `assets/share-page-x1y2.css`. */
  css: string;
  /** The script that opens an event on the map, e.g. `assets/open-event-x1y2.js`. */
  script: string;
}

export interface HeadOptions {
  title: string;
  description: string;
  /** Absolute (or page-relative) URL of the page itself. */
  url: string;
  /** `../` from the page to the site's root. */
  root: string;
  assets: PageAssets;
  /** The preview image and what it shows, when the page has one. */
  image?: { url: string; alt: string };
  /** The event the page's script opens on the map. */
  event?: string;
  /** Where a renamed id's page sends the reader without a script. */
  refresh?: string;
  /** The page's language, its site name and og:locale (English when not given). */
  lang?: { lang: Lang; siteName: string; locale: string };
  /** The same page in each other language. */
  alternates?: { lang: Lang; href: string }[];
}

const ENGLISH = { lang: "en" as Lang, siteName: SITE_NAME, locale: "en_GB" };

/** Open Graph and Twitter card tags for a page. */
function cardTags(o: HeadOptions): string[] {
  const { siteName, locale } = o.lang ?? ENGLISH;
  const tags = [
    metaTag("og:site_name", siteName),
    metaTag("og:locale", locale),
    metaTag("og:type", "article"),
    metaTag("og:title", o.title),
    metaTag("og:description", o.description),
    metaTag("og:url", o.url),
    metaTag("twitter:card", o.image ? "summary_large_image" : "summary"),
    metaTag("twitter:title", o.title),
    metaTag("twitter:description", o.description),
  ];
  if (o.image)
    tags.push(
      metaTag("og:image", o.image.url),
      metaTag("og:image:type", "image/png"),
      metaTag("og:image:width", String(PREVIEW_SIZE.width)),
      metaTag("og:image:height", String(PREVIEW_SIZE.height)),
      metaTag("og:image:alt", o.image.alt),
      metaTag("twitter:image", o.image.url),
      metaTag("twitter:image:alt", o.image.alt),
    );
  return tags;
}

export function pageHead(o: HeadOptions): string {
  const { siteName } = o.lang ?? ENGLISH;
  const lines = [
    '<meta charset="utf-8">',
    `<meta${attrs({ "http-equiv": "Content-Security-Policy", content: o.assets.csp })}>`,
    o.refresh ? `<meta${attrs({ "http-equiv": "refresh", content: `0; url=${o.refresh}` })}>` : "",
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(o.title)} · ${esc(siteName)}</title>`,
    metaTag("description", o.description),
    `<link${attrs({ rel: "canonical", href: o.url })}>`,
    ...(o.alternates ?? []).map(
      (a) => `<link${attrs({ rel: "alternate", hreflang: a.lang, href: a.href })}>`,
    ),
    ...cardTags(o),
    o.event ? metaTag("vsm-event", o.event) : "",
    o.event ? metaTag("vsm-root", o.root) : "",
    `<link${attrs({ rel: "icon", type: "image/svg+xml", href: `${o.root}favicon.svg` })}>`,
    `<link${attrs({ rel: "stylesheet", href: `${o.root}${o.assets.css}` })}>`,
    o.event
      ? `<script${attrs({ type: "module", src: `${o.root}${o.assets.script}` })}></script>`
      : "",
  ];
  return lines.filter(Boolean).join("\n");
}

/** A whole page: the head, then `body` (already escaped markup). */
export function pageHtml(head: HeadOptions, body: string): string {
  return `<!doctype html>\n<html${attrs({ lang: (head.lang ?? ENGLISH).lang })}>\n<head>\n${pageHead(head)}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
