/**
 * Chooses the basemap style: an online MapLibre style when one is configured and loads, else the
 * embedded offline basemap. Failures become notices that name what failed — never a blank map.
 */
import type { StyleSpecification } from "maplibre-gl";
import { BASEMAP_ARCHIVE, openBasemapArchive } from "./basemap-archive.ts";
import { embeddedStyle, FONT } from "./basemap-style.ts";
import regularFont from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import boldFont from "@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url";

export type BasemapKind = "embedded" | "online" | "fallback" | "error";
export interface StyleChoice {
  style: StyleSpecification;
  kind: BasemapKind;
  notice?: string;
}

async function fetchJson(url: string, timeoutMs: number): Promise<unknown> {
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = await res.text();
    try {
      return JSON.parse(text);
    } catch {
      throw new Error("not valid JSON");
    }
  } catch (e) {
    throw new Error(
      ctrl.signal.aborted ? `timed out after ${timeoutMs / 1000} s` : (e as Error).message,
    );
  } finally {
    clearTimeout(timer);
  }
}

/** A sea-coloured style with the bundled fonts, so events still draw when the basemap is broken. */
function bareStyle(baseUrl: string): StyleSpecification {
  return {
    version: 8,
    "font-faces": {
      [FONT.regular]: new URL(regularFont, baseUrl).href,
      [FONT.bold]: new URL(boldFont, baseUrl).href,
    },
    sources: {},
    layers: [{ id: "sea", type: "background", paint: { "background-color": "#dfe7ec" } }],
  };
}

export async function loadEmbeddedStyle(baseUrl: string): Promise<StyleChoice> {
  try {
    const archive = await openBasemapArchive(new URL(BASEMAP_ARCHIVE, baseUrl).href, 10_000);
    return { style: embeddedStyle(archive, baseUrl), kind: "embedded" };
  } catch (e) {
    return {
      style: bareStyle(baseUrl),
      kind: "error",
      notice: `Basemap file ${BASEMAP_ARCHIVE} could not be loaded (${(e as Error).message}). Events are shown without a basemap.`,
    };
  }
}

export async function chooseStyle(
  baseUrl: string,
  onlineStyleUrl: string | null | undefined,
): Promise<StyleChoice> {
  if (!onlineStyleUrl) return loadEmbeddedStyle(baseUrl);
  try {
    const style = await fetchJson(new URL(onlineStyleUrl, baseUrl).href, 8_000);
    const s = style as StyleSpecification;
    if (s?.version !== 8 || !Array.isArray(s.layers) || typeof s.sources !== "object")
      throw new Error("not a MapLibre style (version 8)");
    // Our event layers label clusters with the bundled font, whatever glyphs the online style has.
    const fonts = {
      ...(s["font-faces"] ?? {}),
      [FONT.regular]: new URL(regularFont, baseUrl).href,
      [FONT.bold]: new URL(boldFont, baseUrl).href,
    };
    return { style: { ...s, "font-faces": fonts }, kind: "online" };
  } catch (e) {
    const embedded = await loadEmbeddedStyle(baseUrl);
    const why = `Online basemap ${onlineStyleUrl} could not be loaded (${(e as Error).message}); showing the embedded offline basemap.`;
    return {
      ...embedded,
      kind: embedded.kind === "error" ? "error" : "fallback",
      notice: embedded.notice ? `${why} ${embedded.notice}` : why,
    };
  }
}
