/**
 * The message catalogues: English in the first chunk (most first paints need it), Spanish in a
 * chunk of its own, fetched when the language is Spanish.
 */
import { en } from "./en/index.ts";
import type { Lang } from "./lang.ts";
import type { Messages } from "./messages.ts";

export type { Messages };

export { en };

/** The catalogue of a language (Spanish is fetched once, then cached by the module system). */
export async function loadMessages(lang: Lang): Promise<Messages> {
  if (lang === "es") return (await import("./es/index.ts")).es;
  return en;
}
