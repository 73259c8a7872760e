/**
 * An event's own page (`e/<id>/index.html`), made at build time: everything the panel says of it,
 * as semantic HTML that reads without a script (a crawler's, a reader's with scripts off, a
 * printout), with the tags that unfurl a shared link into a card. Its one script opens the event
 * on the map (src/open-event.ts).
 */
import { eventPath, sourcePath } from "./page-paths.ts";
import type { DatasetIndex, ResolvedCitation } from "../dataset.ts";
import { groupCitations } from "../evidence/citation-groups.ts";
import { leadCitation } from "../evidence/lead.ts";
import { evidenceOf } from "../evidence/origins.ts";
import { statusWords } from "../evidence/status-words.ts";
import { formatEventDate } from "../event-words.ts";
import { formatNumber } from "../i18n/intl.ts";
import { type Localized, localized, ORIGINAL_LANG } from "../i18n/localized.ts";
import { sentenceContext } from "../text/anchor.ts";
import { revealInvisible } from "../text/invisible.ts";
import type { EventPlace, SituationEvent, SourceDocument } from "../types.ts";
import { attrs, esc } from "./html.ts";
import { PREVIEW_SIZE, type PageAssets, pageHtml } from "./page-head.ts";
import { alternates, type PageLang, pageLang, siteHeader } from "./page-lang.ts";
import { quoteLine } from "./quote-line.ts";
import { sourceDate } from "./source-date.ts";
import { siteLink } from "./site-url.ts";

/** What an event page needs besides the event. */
export interface EventPageContext {
  index: Pick<DatasetIndex, "citationsByEvent" | "lineage" | "sourceById">;
  seeds: Readonly<Record<string, string>>;
  /** The site's base URL (maybeSiteUrl), or null for relative links. */
  site: string | null;
  assets: PageAssets;
  /** The page's language (English when not given). */
  pl?: PageLang;
}

const ENGLISH = pageLang("en");

/** The app's own link to an event (the URL contract's `event` key), in the page's language. */
export const appEventHash = (id: string, lang: PageLang["lang"] = "en") =>
  `#event=${encodeURIComponent(id)}${lang === "en" ? "" : `&lang=${lang}`}&v=2`;

/** The link preview's description: the lead quote and who says it, else the summary. */
export function eventDescription(
  e: SituationEvent,
  ctx: Pick<EventPageContext, "index">,
  pl: PageLang = ENGLISH,
): string {
  const lead = leadCitation(ctx.index, e);
  if (!lead) return localized(e.properties.summary, e.properties.i18n, "summary", pl.lang).text;
  const src = ctx.index.sourceById.get(lead.citation.source);
  const who = src ? ` (${src.outlet ?? src.title})` : "";
  return `“${quoteLine(lead.citation.exact)}”${who}`;
}

/** What the preview image shows, in words (its alt text). */
export function previewAlt(e: SituationEvent, pl: PageLang = ENGLISH): string {
  const p = e.properties;
  const where = e.geometry ? pl.w.event.mapOf(p.place.name) : pl.w.event.unplaced(p.place.name);
  const title = localized(p.title, p.i18n, "title", pl.lang).text;
  return `${where}: ${title}, ${formatEventDate(p.date, pl.lang, pl.m.dates)}`;
}

/** A curator's text in the page's language, or the original marked as such. */
export function localizedHtml(x: Localized, pl: PageLang): string {
  if (x.lang === pl.lang) return esc(x.text);
  const mark = `<span class="original-mark">(${esc(pl.m.event.originalIn)})</span>`;
  return `<span${attrs({ lang: x.lang })}>${esc(x.text)}</span> ${mark}`;
}

/** A curator's own note (a basis), which has no translation: marked in another language. */
const originalHtml = (text: string, pl: PageLang) =>
  localizedHtml({ text, lang: ORIGINAL_LANG }, pl);

function sourceLine(src: SourceDocument | undefined, id: string, pl: PageLang): string {
  if (!src) return esc(id);
  const parts = [src.outlet ?? "", sourceDate(src, pl)].filter(Boolean).map(esc);
  return [`<cite${attrs({ lang: src.language })}>${esc(src.title)}</cite>`, ...parts].join(", ");
}

function passageHtml(c: ResolvedCitation, text: string | undefined): string {
  const r = c.range;
  if (!r || text === undefined) return `<mark>${esc(revealInvisible(c.citation.exact))}</mark>`;
  const x = sentenceContext(text, r.start, r.end);
  const span = (s: string) => `<span class="context">${esc(revealInvisible(s))}</span>`;
  return `${span(x.before)}<mark>${esc(revealInvisible(x.quote))}</mark>${span(x.after)}`;
}

function citationHtml(c: ResolvedCitation, ctx: EventPageContext, pl: PageLang): string {
  const cit = c.citation;
  const src = ctx.index.sourceById.get(cit.source);
  const stance = pl.m.event.stance as Record<string, string>;
  const head = stance[cit.supports && cit.supports !== "event" ? cit.supports : cit.stance];
  const where = c.range ? `#p-${c.range.start}-${c.range.end}` : "";
  const read = `${pl.root}${sourcePath(cit.source, pl.lang)}${where}`;
  const speaker = cit.speaker ? ` · ${esc(cit.speaker.words)}` : "";
  return [
    `<li${attrs({ class: `citation stance-${cit.stance}`, "data-source": cit.source })}>`,
    `<p class="cited-by"><strong>${esc(head ?? cit.stance)}</strong>${speaker} · ${sourceLine(src, cit.source, pl)}</p>`,
    `<blockquote${attrs({ cite: read, lang: src?.language })}>${passageHtml(c, ctx.seeds[cit.source])}</blockquote>`,
    `<p class="read"><a${attrs({ href: read })}>${esc(pl.w.event.readInSource)}</a></p>`,
    "</li>",
  ].join("\n");
}

function citationsHtml(e: SituationEvent, ctx: EventPageContext, pl: PageLang): string {
  const cited = ctx.index.citationsByEvent.get(e.id) ?? [];
  const groups = groupCitations(
    cited,
    (c) => ctx.index.lineage.originOf(c.citation.source, c.range),
    (origin) => ctx.index.lineage.nameOf(origin, pl.lang),
    pl.m.status.groups,
  );
  return groups
    .map(
      (g) =>
        `<section class="group group-${g.kind}">\n<h3>${esc(g.heading)}</h3>\n<ol>\n${g.citations
          .map((c) => citationHtml(c, ctx, pl))
          .join("\n")}\n</ol>\n</section>`,
    )
    .join("\n");
}

/** "city-level, ±5 km": how precisely the place is known, in the page's words. */
export function placePrecision(p: EventPlace, pl: PageLang = ENGLISH): string {
  const base = pl.m.dates.place[p.precision];
  return p.radius_km ? `${base}, ±${formatNumber(pl.lang, p.radius_km)} km` : base;
}

function factsHtml(e: SituationEvent, ctx: EventPageContext, pl: PageLang): string {
  const p = e.properties;
  const { m } = pl;
  const nameOf = (origin: string) => ctx.index.lineage.nameOf(origin, pl.lang);
  const words = statusWords(p.status, evidenceOf(ctx.index, e), nameOf, m.status);
  const date = formatEventDate(p.date, pl.lang, m.dates);
  const rows = [
    [m.event.when, date, m.dates.precision[p.date.precision], p.date.basis],
    [m.event.where, p.place.name, placePrecision(p.place, pl), p.place.basis],
  ].map(
    ([dt, value, precision, basis]) =>
      `<dt>${esc(dt!)}</dt>\n<dd><strong>${esc(value!)}</strong> <span class="precision">(${esc(precision!)})</span><p class="basis">${originalHtml(basis!, pl)}</p></dd>`,
  );
  rows.push(
    `<dt>${esc(m.event.status)}</dt>\n<dd><span${attrs({ class: `badge status-${p.status}` })}>${esc(words.label)}</span> ${esc(words.detail)}</dd>`,
  );
  if (p.actors.length)
    rows.push(`<dt>${esc(m.event.actors)}</dt>\n<dd>${esc(p.actors.join(", "))}</dd>`);
  return `<dl class="facts">\n${rows.join("\n")}\n</dl>`;
}

/** The page's body: the event, then every passage it rests on, grouped as the panel groups them. */
export function eventBody(e: SituationEvent, ctx: EventPageContext): string {
  const pl = ctx.pl ?? ENGLISH;
  const { m, w, root } = pl;
  const p = e.properties;
  const category = m.categories[p.category] ?? p.category;
  const expected = p.expected ? ` · ${m.event.expected}` : "";
  const title = localized(p.title, p.i18n, "title", pl.lang);
  const summary = localized(p.summary, p.i18n, "summary", pl.lang);
  const hash = appEventHash(e.id, pl.lang);
  return [
    siteHeader(pl, (lang) => eventPath(e.id, lang)),
    `<main>\n<article${attrs({ class: "event-page", "data-event-id": e.id })}>`,
    `<p class="eyebrow">${esc(category)}${esc(expected)}</p>`,
    `<h1>${localizedHtml(title, pl)}</h1>`,
    `<p class="summary"><span class="label">${esc(w.event.summary)}</span> ${localizedHtml(summary, pl)}</p>`,
    factsHtml(e, ctx, pl),
    `<p class="open"><a${attrs({ class: "open-map", href: `${root}${hash}` })}>${esc(w.event.openOnMap)}</a></p>`,
    `<img${attrs({ class: "preview", src: "preview.png", width: PREVIEW_SIZE.width, height: PREVIEW_SIZE.height, alt: previewAlt(e, pl) })}>`,
    `<h2>${esc(m.event.sources)}</h2>`,
    citationsHtml(e, ctx, pl),
    "</article>\n</main>",
  ]
    .filter(Boolean)
    .join("\n");
}

export function eventPage(e: SituationEvent, ctx: EventPageContext): string {
  const pl = ctx.pl ?? ENGLISH;
  const url = siteLink(ctx.site, eventPath(e.id, pl.lang), pl.depth);
  return pageHtml(
    {
      title: localized(e.properties.title, e.properties.i18n, "title", pl.lang).text,
      description: eventDescription(e, ctx, pl),
      url: ctx.site ? url : "./",
      root: pl.root,
      assets: ctx.assets,
      image: { url: ctx.site ? `${url}preview.png` : "preview.png", alt: previewAlt(e, pl) },
      event: e.id,
      lang: { lang: pl.lang, ...pl.w.head },
      alternates: alternates(pl, ctx.site, (lang) => eventPath(e.id, lang)),
    },
    eventBody(e, ctx),
  );
}

export { eventPath, sourcePath };
