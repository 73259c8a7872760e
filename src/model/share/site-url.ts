/**
 * Where a page of the site is, for links that leave it (og:url, og:image, the canonical link, a
 * shared link): absolute under the site's base URL when the build knows it (VSM_SITE_URL,
 * docs/deploy.md), else relative to the page, which crawlers resolve against the page's address.
 */

/** The base URL with exactly one trailing slash, or null when it is not an absolute http(s) URL. */
export function maybeSiteUrl(value: string | undefined | null): string | null {
  if (!value) return null;
  try {
    const u = new URL(value);
    if (u.protocol !== "https:" && u.protocol !== "http:") return null;
    u.hash = "";
    u.search = "";
    return `${u.href.replace(/\/+$/, "")}/`;
  } catch {
    return null;
  }
}

/**
 * `path` (relative to the site's root, e.g. `e/raid/`) as a link from a page `depth` folders
 * below the root: absolute under `site`, else relative (`../../e/raid/`).
 */
export function siteLink(site: string | null, path: string, depth: number): string {
  return site ? `${site}${path}` : `${"../".repeat(depth)}${path}` || "./";
}
