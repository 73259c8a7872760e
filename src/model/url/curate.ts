/**
 * The `curate=` key: `1` opens curate mode, the in-browser editor of a draft dataset. It is off by
 * default and never part of an embed: an iframe on someone else's page is for reading, so a link
 * that asks for both keeps the embed and drops curate mode, with a note.
 */
import { type Checked, quote } from "./validate.ts";

/** Reads a `curate=` value: `1`/`true` on, `0`/`false` off; anything else is refused. */
export function checkCurate(value: string): Checked<boolean> {
  if (value === "1" || value === "true") return { ok: true, value: true };
  if (value === "0" || value === "false") return { ok: true, value: false };
  return { ok: false, error: `${quote(value)} is not 1 or true` };
}

/** Curate mode as the link will hold it: off in an embed, whatever was asked. */
export function curateAllowed(curate: boolean, embed: boolean): { on: boolean; note?: string } {
  if (curate && embed) return { on: false, note: "curate: not available in an embed (dropped)" };
  return { on: curate };
}

/** The value written for `curate=`, or false to leave the key out. */
export function formatCurate(curate: boolean, embed: boolean): string | false {
  return curateAllowed(curate, embed).on && "1";
}
