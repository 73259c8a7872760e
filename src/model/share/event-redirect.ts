/**
 * Where an event's page (e/<id>/) sends a reader whose browser runs its script: the app, two
 * folders up, with that event open and the rest of the view the shared link's hash carried. Kept
 * free of imports: the page's script is this and nothing else, a few hundred bytes.
 */

/** Keys that name an event (v2 and v1): the page's own id replaces them. */
const EVENT_KEYS = new Set(["event", "e"]);

/**
 * `root` is the page's way up to the app (`../../`, or `../../../` for a page in a language's own
 * folder); `lang` the page's language, which the app keeps unless the link names another.
 */
export function appLinkFromEventPage(id: string, hash: string, root = "../../", lang = "en") {
  const rest = hash
    .replace(/^#/, "")
    .split("&")
    .filter((part) => part && !EVENT_KEYS.has(part.split("=")[0]!));
  if (lang !== "en" && !rest.some((part) => part.startsWith("lang="))) rest.push(`lang=${lang}`);
  if (!rest.some((part) => part.startsWith("v="))) rest.push("v=2");
  return `${root}#${[`event=${encodeURIComponent(id)}`, ...rest].join("&")}`;
}
