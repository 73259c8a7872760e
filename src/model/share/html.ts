/**
 * Generated HTML is made of text, never of data pasted in as markup: every title, quote, source
 * text and URL goes through `esc`, in element content and in attribute values alike.
 */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for element content and for double- or single-quoted attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `name="value"` pairs, escaped; a null or undefined value leaves the attribute out. */
export function attrs(a: Readonly<Record<string, string | number | null | undefined>>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${esc(String(v))}"`)
    .join("");
}

/** A `<meta>` tag: `property` for Open Graph's names (`og:`), `name` for the others. */
export function metaTag(key: string, content: string): string {
  const by = key.startsWith("og:") ? "property" : "name";
  return `<meta${attrs({ [by]: key, content })}>`;
}
