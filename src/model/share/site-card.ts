/**
 * The site's own link preview and tags, for a link to the app itself (a view without an event has
 * no page of its own: its hash is invisible to crawlers): the region with every placed event, and
 * what the map holds in words.
 */
import { dataSpan, isoDay } from "../query/dates.ts";
import { dayWords } from "../query/filter-words.ts";
import type { SituationEvent } from "../types.ts";
import { metaTag } from "./html.ts";
import { PREVIEW_SIZE, SITE_NAME } from "./page-head.ts";
import { type CardNode, cardFrame, el } from "./preview-card.ts";

/** "39 events, 1 Sept 2025 – 11 Jan 2026", "each linked to the passages of 5 source documents". */
export function siteSummary(events: readonly SituationEvent[], sources: number): string[] {
  const [from, to] = dataSpan(events);
  const span = events.length ? `, ${dayWords(isoDay(from))} – ${dayWords(isoDay(to))}` : "";
  return [
    `${events.length} events${span}`,
    `each linked to its passages in ${sources} source document${sources === 1 ? "" : "s"}`,
  ];
}

export function siteCard(summary: readonly string[]): CardNode {
  return cardFrame([
    el("div", { display: "flex", fontSize: 48, fontWeight: 700, lineHeight: 1.15 }, SITE_NAME),
    el("div", { display: "flex", fontSize: 26, marginTop: 20 }, "The 2025–26 US–Venezuela crisis"),
    el(
      "div",
      { display: "flex", flexDirection: "column", fontSize: 22, marginTop: 28, color: "#4b5563" },
      summary.map((line) => el("span", { marginTop: 6 }, line)),
    ),
  ]);
}

/** The app page's link preview tags, its image at `image` (absolute or relative to the page). */
export function siteTags(o: { url: string; image: string; description: string }): string[] {
  return [
    metaTag("og:site_name", SITE_NAME),
    metaTag("og:type", "website"),
    metaTag("og:title", SITE_NAME),
    metaTag("og:description", o.description),
    metaTag("og:url", o.url),
    metaTag("og:image", o.image),
    metaTag("og:image:width", String(PREVIEW_SIZE.width)),
    metaTag("og:image:height", String(PREVIEW_SIZE.height)),
    metaTag("og:image:alt", `Map of Venezuela and the Caribbean: ${SITE_NAME}`),
    metaTag("twitter:card", "summary_large_image"),
  ];
}
