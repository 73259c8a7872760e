/** A quote as one line (a link preview's, a saved image's): invisible characters shown. Its own
 * module so the app's saved image can take it without the build's page generators. */
import { revealInvisible } from "../text/invisible.ts";

export function quoteLine(quote: string): string {
  return revealInvisible(quote).replace(/\s+/g, " ").trim();
}
