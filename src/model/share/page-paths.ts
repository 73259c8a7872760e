/** Where the build writes each shared page, from the site's root: the app's share link and the
 * page generators both need them, and the link must not carry the generators' code. */

/** The path of an event's page from the site's root. */
export const eventPath = (id: string) => `e/${encodeURIComponent(id)}/`;
/** The path of a source's page from the site's root. */
export const sourcePath = (id: string) => `s/${encodeURIComponent(id)}/`;
