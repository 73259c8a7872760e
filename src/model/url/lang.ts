/**
 * The `lang=` key (docs/url-contract.md): the interface's language, `en` or `es`. A link without
 * it leaves the choice to the browser's languages (model/i18n/lang.ts); the key is written only
 * once a reader has chosen, so a shared link opens in the language it was shared in.
 */
import { isLang, type Lang } from "../i18n/lang.ts";
import { type Checked, quote } from "./validate.ts";

/** A language code as links write it: lower-case `en` or `es`. `ES` or `es-VE` are not. */
export function checkLang(s: string): Checked<Lang> {
  return isLang(s) ? { ok: true, value: s } : { ok: false, error: `${quote(s)} is not en or es` };
}

/** The `lang=` value of a view ("" when the browser decides). Codes are URL-safe. */
export const formatLang = (lang: Lang | null): string => (lang && isLang(lang) ? lang : "");
