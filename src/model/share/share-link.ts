/**
 * The two halves of a shared event link. Sharing with an event open gives the event's own page
 * (which crawlers can read and unfurl) with the rest of the view in its hash; that page's script
 * then opens the app with the event and that view (event-redirect.ts). Everything else is the
 * app's hash link.
 */
import type { Lang } from "../i18n/lang.ts";
import { formatHash } from "../url/state.ts";
import type { ViewState } from "../view-state.ts";
import { eventPath } from "./page-paths.ts";
import { attrs } from "./html.ts";

/** The site's root from the app's own address: its folder, without the page's file name. */
export function siteRoot(href: string): string {
  const u = new URL(href);
  u.hash = "";
  u.search = "";
  u.pathname = u.pathname.replace(/[^/]*$/, "");
  return u.href;
}

/**
 * The link to share for a view, given the app's address and the language shown (whose event page
 * it gives, so the card unfurls in the sharer's language). An event page exists only for the
 * shipped dataset, so a view of another (`data=`) keeps the hash link; embed mode is the iframe's
 * business, never part of a shared link.
 */
export function shareUrl(appHref: string, view: ViewState, shown: Lang = "en"): string {
  const root = siteRoot(appHref);
  const rest = { ...view, embed: false };
  if (!view.event || view.data || view.sourcesFile) return `${root}${formatHash(rest)}`;
  return `${root}${eventPath(view.event, shown)}${formatHash({ ...rest, event: null })}`;
}

/** The iframe snippet for a view: the embed view of the same link (docs/url-contract.md). */
export function embedCode(appHref: string, view: ViewState, title: string): string {
  const src = `${siteRoot(appHref)}${formatHash({ ...view, embed: true })}`;
  return `<iframe${attrs({ src, width: 640, height: 480, style: "border:0", title, loading: "lazy" })}></iframe>`;
}
