/** Sharing: Web Share on phones where it exists, else the Clipboard API, else a selectable field. */
import { formatHash, parseHash } from "../model/url/state.ts";

export type ShareResult = "shared" | "copied" | "manual";

export async function shareLink(url: string, title: string): Promise<ShareResult> {
  const coarse = window.matchMedia?.("(pointer: coarse)").matches;
  if (coarse && typeof navigator.share === "function") {
    try {
      await navigator.share({ url, title });
      return "shared";
    } catch {
      /* cancelled or refused: fall through to copying */
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    return "copied";
  } catch {
    return copyWithTextarea(url) ? "copied" : "manual";
  }
}

/** Copies text with the Clipboard API, else the older copy command; false when neither works. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText) throw new Error("no Clipboard API");
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithTextarea(text);
  }
}

/** A link to this view with a source's passage open in the reader. */
export function passageUrl(source: string, range: [number, number]): string {
  const cur = parseHash(location.hash).state;
  return `${location.origin}${location.pathname}${formatHash({ ...cur, source, passage: range, embed: false })}`;
}

function copyWithTextarea(text: string): boolean {
  const ta = document.createElement("textarea");
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.style.cssText = "position:fixed;opacity:0;top:0;left:0";
  document.body.append(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  ta.remove();
  return ok;
}

export function download(filename: string, content: string | Blob, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
