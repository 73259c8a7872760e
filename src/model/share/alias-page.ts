/**
 * The page of a renamed event id (the dataset's `aliases`): links published with the old id keep
 * working. It redirects to the current page (a meta refresh, which needs no script), names the
 * current page as canonical so crawlers merge the two, and opens the event like its page does.
 */
import { attrs, esc } from "./html.ts";
import { type PageAssets, pageHtml, SITE_NAME } from "./page-head.ts";
import { eventPath } from "./page-paths.ts";
import { siteLink } from "./site-url.ts";

export function aliasPage(
  oldId: string,
  target: { id: string; title: string },
  site: string | null,
  assets: PageAssets,
): string {
  const to = siteLink(site, eventPath(target.id), 2);
  return pageHtml(
    {
      title: target.title,
      description: `This event has moved: ${target.title}`,
      url: to,
      root: "../../",
      assets,
      event: target.id,
      refresh: to,
    },
    [
      `<header class="site"><a href="../../">${esc(SITE_NAME)}</a></header>`,
      `<main>\n<p${attrs({ "data-alias-of": oldId })}>This event is now at <a${attrs({ href: to })}>${esc(target.title)}</a>.</p>\n</main>`,
    ].join("\n"),
  );
}
