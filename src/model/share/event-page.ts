/**
 * An event's own page (`e/<id>/index.html`), made at build time: everything the panel says of it,
 * as semantic HTML that reads without a script (a crawler's, a reader's with scripts off, a
 * printout), with the tags that unfurl a shared link into a card. Its one script opens the event
 * on the map (src/open-event.ts).
 */
import { CATEGORY_STYLE, STATUS_LABEL } from "../category-style.ts";
import { eventPath, sourcePath } from "./page-paths.ts";
import type { DatasetIndex, ResolvedCitation } from "../dataset.ts";
import { groupCitations } from "../evidence/citation-groups.ts";
import { leadCitation } from "../evidence/lead.ts";
import { evidenceOf } from "../evidence/origins.ts";
import { statusWords } from "../evidence/status-words.ts";
import {
  DATE_PRECISION_LABEL,
  formatEventDate,
  formatPlacePrecision,
  STANCE_HEAD,
} from "../event-words.ts";
import { dayWords } from "../query/filter-words.ts";
import { sentenceContext } from "../text/anchor.ts";
import { revealInvisible } from "../text/invisible.ts";
import type { SituationEvent, SourceDocument } from "../types.ts";
import { attrs, esc } from "./html.ts";
import { PREVIEW_SIZE, type PageAssets, pageHtml } from "./page-head.ts";
import { siteLink } from "./site-url.ts";

/** What an event page needs besides the event. */
export interface EventPageContext {
  index: Pick<DatasetIndex, "citationsByEvent" | "lineage" | "sourceById">;
  seeds: Readonly<Record<string, string>>;
  /** The site's base URL (maybeSiteUrl), or null for relative links. */
  site: string | null;
  assets: PageAssets;
}

const DEPTH = 2; // e/<id>/

/** The app's own link to an event (the URL contract's `event` key). */
export const appEventHash = (id: string) => `#event=${encodeURIComponent(id)}&v=2`;

/** The quote that stands for the event in a card: one line, invisible characters shown. */
export function quoteLine(quote: string): string {
  return revealInvisible(quote).replace(/\s+/g, " ").trim();
}

/** The link preview's description: the lead quote and who says it, else the summary. */
export function eventDescription(e: SituationEvent, ctx: Pick<EventPageContext, "index">): string {
  const lead = leadCitation(ctx.index, e);
  if (!lead) return e.properties.summary;
  const src = ctx.index.sourceById.get(lead.citation.source);
  const who = src ? ` (${src.outlet ?? src.title})` : "";
  return `“${quoteLine(lead.citation.exact)}”${who}`;
}

/** What the preview image shows, in words (its alt text). */
export function previewAlt(e: SituationEvent): string {
  const p = e.properties;
  const where = e.geometry ? `Map of ${p.place.name}` : `${p.place.name} (not placed on the map)`;
  return `${where}: ${p.title}, ${formatEventDate(p.date)}`;
}

function sourceLine(src: SourceDocument | undefined, id: string): string {
  if (!src) return esc(id);
  const date = `${src.published.precision === "day" ? "" : "c. "}${dayWords(src.published.date)}`;
  const parts = [src.outlet ?? "", date].filter(Boolean).map(esc);
  return [`<cite>${esc(src.title)}</cite>`, ...parts].join(", ");
}

function passageHtml(c: ResolvedCitation, text: string | undefined): string {
  const r = c.range;
  if (!r || text === undefined) return `<mark>${esc(revealInvisible(c.citation.exact))}</mark>`;
  const x = sentenceContext(text, r.start, r.end);
  const span = (s: string) => `<span class="context">${esc(revealInvisible(s))}</span>`;
  return `${span(x.before)}<mark>${esc(revealInvisible(x.quote))}</mark>${span(x.after)}`;
}

function citationHtml(c: ResolvedCitation, ctx: EventPageContext): string {
  const cit = c.citation;
  const src = ctx.index.sourceById.get(cit.source);
  const head = STANCE_HEAD[cit.supports && cit.supports !== "event" ? cit.supports : cit.stance];
  const where = c.range ? `#p-${c.range.start}-${c.range.end}` : "";
  const read = `${"../".repeat(DEPTH)}${sourcePath(cit.source)}${where}`;
  const speaker = cit.speaker ? ` · ${esc(cit.speaker.words)}` : "";
  return [
    `<li${attrs({ class: `citation stance-${cit.stance}`, "data-source": cit.source })}>`,
    `<p class="cited-by"><strong>${esc(head ?? cit.stance)}</strong>${speaker} · ${sourceLine(src, cit.source)}</p>`,
    `<blockquote${attrs({ cite: read })}>${passageHtml(c, ctx.seeds[cit.source])}</blockquote>`,
    `<p class="read"><a${attrs({ href: read })}>Read it in the source</a></p>`,
    "</li>",
  ].join("\n");
}

function citationsHtml(e: SituationEvent, ctx: EventPageContext): string {
  const cited = ctx.index.citationsByEvent.get(e.id) ?? [];
  const groups = groupCitations(
    cited,
    (c) => ctx.index.lineage.originOf(c.citation.source, c.range),
    ctx.index.lineage.nameOf,
  );
  return groups
    .map(
      (g) =>
        `<section class="group group-${g.kind}">\n<h3>${esc(g.heading)}</h3>\n<ol>\n${g.citations
          .map((c) => citationHtml(c, ctx))
          .join("\n")}\n</ol>\n</section>`,
    )
    .join("\n");
}

function factsHtml(e: SituationEvent, ctx: EventPageContext): string {
  const p = e.properties;
  const words = statusWords(p.status, evidenceOf(ctx.index, e), ctx.index.lineage.nameOf);
  const rows = [
    ["When", formatEventDate(p.date), DATE_PRECISION_LABEL[p.date.precision], p.date.basis],
    ["Where", p.place.name, formatPlacePrecision(p.place), p.place.basis],
  ].map(
    ([dt, value, precision, basis]) =>
      `<dt>${dt}</dt>\n<dd><strong>${esc(value!)}</strong> <span class="precision">(${esc(precision!)})</span><p class="basis">${esc(basis!)}</p></dd>`,
  );
  rows.push(
    `<dt>Status</dt>\n<dd><span${attrs({ class: `badge status-${p.status}` })}>${esc(STATUS_LABEL[p.status] ?? p.status)}</span> ${esc(words.detail)}</dd>`,
  );
  if (p.actors.length) rows.push(`<dt>Actors</dt>\n<dd>${esc(p.actors.join(", "))}</dd>`);
  return `<dl class="facts">\n${rows.join("\n")}\n</dl>`;
}

/** The page's body: the event, then every passage it rests on, grouped as the panel groups them. */
export function eventBody(e: SituationEvent, ctx: EventPageContext): string {
  const p = e.properties;
  const root = "../".repeat(DEPTH);
  const category = CATEGORY_STYLE[p.category]?.label ?? p.category;
  const expected = p.expected ? " · Expected, not reported as happened" : "";
  return [
    `<header class="site"><a${attrs({ href: root })}>Venezuela situation map</a></header>`,
    `<main>\n<article${attrs({ class: "event-page", "data-event-id": e.id })}>`,
    `<p class="eyebrow">${esc(category)}${esc(expected)}</p>`,
    `<h1>${esc(p.title)}</h1>`,
    `<p class="summary"><span class="label">Curator's summary:</span> ${esc(p.summary)}</p>`,
    factsHtml(e, ctx),
    `<p class="open"><a${attrs({ class: "open-map", href: `${root}${appEventHash(e.id)}` })}>Open on the map</a></p>`,
    `<img${attrs({ class: "preview", src: "preview.png", width: PREVIEW_SIZE.width, height: PREVIEW_SIZE.height, alt: previewAlt(e) })}>`,
    "<h2>Sources</h2>",
    citationsHtml(e, ctx),
    "</article>\n</main>",
  ]
    .filter(Boolean)
    .join("\n");
}

export function eventPage(e: SituationEvent, ctx: EventPageContext): string {
  const url = siteLink(ctx.site, eventPath(e.id), DEPTH);
  return pageHtml(
    {
      title: e.properties.title,
      description: eventDescription(e, ctx),
      url: ctx.site ? url : "./",
      root: "../".repeat(DEPTH),
      assets: ctx.assets,
      image: { url: ctx.site ? `${url}preview.png` : "preview.png", alt: previewAlt(e) },
      event: e.id,
    },
    eventBody(e, ctx),
  );
}

export { eventPath, sourcePath };
