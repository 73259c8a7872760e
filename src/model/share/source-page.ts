/**
 * A source's own page (`s/<id>/index.html`): its whole text, with every cited passage marked and
 * linked to the pages of the events that cite it. Each passage has an anchor (`#p-<start>-<end>`,
 * offsets into the text) that the event pages link to.
 */
import type { Passage } from "../dataset.ts";
import { dayWords } from "../query/filter-words.ts";
import { revealInvisible } from "../text/invisible.ts";
import { eventsOf, segmentText } from "../text/segments.ts";
import type { SituationEvent, SourceDocument } from "../types.ts";
import { attrs, esc } from "./html.ts";
import { eventPath, sourcePath } from "./event-page.ts";
import { type PageAssets, pageHtml, SITE_NAME } from "./page-head.ts";
import { siteLink } from "./site-url.ts";

export interface SourcePageContext {
  passages: readonly Passage[];
  eventById: ReadonlyMap<string, SituationEvent>;
  site: string | null;
  assets: PageAssets;
}

/** The links, after a passage's last run, to the events that cite it. */
function citedBy(passage: Passage, events: ReadonlyMap<string, SituationEvent>): string {
  const links = eventsOf([passage]).map((id) => {
    const title = events.get(id)?.properties.title ?? id;
    return `<a${attrs({ href: `../../${eventPath(id)}`, title })}>${esc(title)}</a>`;
  });
  return links.length ? `<span class="cited-in"> [cited in: ${links.join("; ")}]</span>` : "";
}

/** The text, cut at every passage boundary: marked runs for cited text, anchors at each start. */
export function markedText(text: string, ctx: Pick<SourcePageContext, "passages" | "eventById">) {
  return segmentText(text.length, ctx.passages)
    .map((seg) => {
      const run = esc(revealInvisible(text.slice(seg.start, seg.end)));
      const anchors = ctx.passages
        .filter((p) => p.start === seg.start)
        .map((p) => `<span${attrs({ id: `p-${p.start}-${p.end}`, class: "anchor" })}></span>`)
        .join("");
      const ends = seg.passages.filter((p) => p.end === seg.end);
      const body = seg.passages.length ? `<mark>${run}</mark>` : run;
      return `${anchors}${body}${ends.map((p) => citedBy(p, ctx.eventById)).join("")}`;
    })
    .join("");
}

export function sourcePage(src: SourceDocument, text: string, ctx: SourcePageContext): string {
  const date = `${src.published.precision === "day" ? "" : "c. "}${dayWords(src.published.date)}`;
  const about = [src.outlet ?? "Outlet not named", date].join(", ");
  const url = siteLink(ctx.site, sourcePath(src.id), 2);
  const n = ctx.passages.length;
  return pageHtml(
    {
      title: src.title,
      description: `${about}. The full text, with the ${n} passage${n === 1 ? "" : "s"} the map cites marked.`,
      url: ctx.site ? url : "./",
      root: "../../",
      assets: ctx.assets,
    },
    [
      `<header class="site"><a href="../../">${esc(SITE_NAME)}</a></header>`,
      `<main>\n<article${attrs({ class: "source-page", "data-source-id": src.id })}>`,
      `<h1>${esc(src.title)}</h1>`,
      `<p class="about">${esc(about)} · <a${attrs({ href: `../../seeds/${src.id}.txt` })}>the text as a file</a></p>`,
      `<p class="notes">${esc(src.notes)}</p>`,
      `<div${attrs({ class: "source-text", lang: src.language })}>${markedText(text, ctx)}</div>`,
      "</article>\n</main>",
    ].join("\n"),
  );
}
