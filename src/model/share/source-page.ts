/**
 * A source's own page (`s/<id>/index.html`): its whole text, with every cited passage marked and
 * linked to the pages of the events that cite it. Each passage has an anchor (`#p-<start>-<end>`,
 * offsets into the text) that the event pages link to.
 */
import type { Passage } from "../dataset.ts";
import { localized } from "../i18n/localized.ts";
import { revealInvisible } from "../text/invisible.ts";
import { eventsOf, segmentText } from "../text/segments.ts";
import type { SituationEvent, SourceDocument } from "../types.ts";
import { attrs, esc } from "./html.ts";
import { type PageAssets, pageHtml } from "./page-head.ts";
import { alternates, type PageLang, pageLang, siteHeader } from "./page-lang.ts";
import { eventPath, sourcePath } from "./page-paths.ts";
import { sourceDate } from "./source-date.ts";
import { siteLink } from "./site-url.ts";

export interface SourcePageContext {
  passages: readonly Passage[];
  eventById: ReadonlyMap<string, SituationEvent>;
  site: string | null;
  assets: PageAssets;
  /** The page's language (English when not given). */
  pl?: PageLang;
}

const ENGLISH = pageLang("en");

/** The links, after a passage's last run, to the events that cite it. */
function citedBy(
  passage: Passage,
  events: ReadonlyMap<string, SituationEvent>,
  pl: PageLang,
): string {
  const links = eventsOf([passage]).map((id) => {
    const p = events.get(id)?.properties;
    const t = p ? localized(p.title, p.i18n, "title", pl.lang) : { text: id, lang: pl.lang };
    const href = `${pl.root}${eventPath(id, pl.lang)}`;
    const lang = t.lang === pl.lang ? undefined : t.lang;
    return `<a${attrs({ href, title: t.text, lang })}>${esc(t.text)}</a>`;
  });
  if (!links.length) return "";
  // The text around is the source's language; the links are the page's.
  return `<span${attrs({ class: "cited-in", lang: pl.lang })}> [${esc(pl.w.source.citedIn)}${links.join("; ")}]</span>`;
}

/** The text, cut at every passage boundary: marked runs for cited text, anchors at each start. */
export function markedText(
  text: string,
  ctx: Pick<SourcePageContext, "passages" | "eventById" | "pl">,
) {
  const pl = ctx.pl ?? ENGLISH;
  return segmentText(text.length, ctx.passages)
    .map((seg) => {
      const run = esc(revealInvisible(text.slice(seg.start, seg.end)));
      const anchors = ctx.passages
        .filter((p) => p.start === seg.start)
        .map((p) => `<span${attrs({ id: `p-${p.start}-${p.end}`, class: "anchor" })}></span>`)
        .join("");
      const ends = seg.passages.filter((p) => p.end === seg.end);
      const body = seg.passages.length ? `<mark>${run}</mark>` : run;
      return `${anchors}${body}${ends.map((p) => citedBy(p, ctx.eventById, pl)).join("")}`;
    })
    .join("");
}

export function sourcePage(src: SourceDocument, text: string, ctx: SourcePageContext): string {
  const pl = ctx.pl ?? ENGLISH;
  const { w } = pl;
  const about = [src.outlet ?? w.source.noOutlet, sourceDate(src, pl)].join(", ");
  const pathOf = (lang: PageLang["lang"]) => sourcePath(src.id, lang);
  return pageHtml(
    {
      title: src.title,
      description: w.source.describe(about, ctx.passages.length),
      url: ctx.site ? siteLink(ctx.site, pathOf(pl.lang), pl.depth) : "./",
      root: pl.root,
      assets: ctx.assets,
      lang: { lang: pl.lang, ...w.head },
      alternates: alternates(pl, ctx.site, pathOf),
    },
    [
      siteHeader(pl, pathOf),
      `<main>\n<article${attrs({ class: "source-page", "data-source-id": src.id })}>`,
      `<h1${attrs({ lang: src.language })}>${esc(src.title)}</h1>`,
      `<p class="about">${esc(about)} · <a${attrs({ href: `${pl.root}seeds/${src.id}.txt` })}>${esc(w.source.asFile)}</a></p>`,
      `<p${attrs({ class: "notes", lang: "en" })}>${esc(src.notes)}</p>`,
      `<div${attrs({ class: "source-text", lang: src.language })}>${markedText(text, ctx)}</div>`,
      "</article>\n</main>",
    ].join("\n"),
  );
}
