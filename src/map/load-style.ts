/**
 * Chooses the basemap style for a choice of the switcher: the embedded offline basemap, or an
 * online one (streets, satellite, or a style configured in place of the embedded map) when it
 * loads. An online basemap that fails falls back to the embedded one, and every failure becomes a
 * notice that names what failed — never a blank map.
 */
import type { MapNoticeText } from "../model/i18n/en/map-notices.ts";
import type { StyleSpecification } from "maplibre-gl";
import type { BasemapConfig, BasemapId } from "../model/basemap.ts";
import { BASEMAP_ARCHIVE, openBasemapArchive, type BasemapArchive } from "./basemap-archive.ts";
import { embeddedStyle, FONT } from "./basemap-style.ts";
import { satelliteStyle, tileUrlAt, withoutCamera } from "./online-basemaps.ts";
import regularFont from "@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url";
import boldFont from "@fontsource/noto-sans/files/noto-sans-latin-600-normal.woff2?url";

/** What the map shows (the map element's `data-basemap`): `online` is a style configured in
 * place of the embedded one; `fallback` the embedded map after an online one failed; `error` no
 * basemap at all (its file failed), the events alone. */
export type BasemapKind = "embedded" | "online" | "streets" | "satellite" | "fallback" | "error";
export interface StyleChoice {
  style: StyleSpecification;
  kind: BasemapKind;
  /** What to tell the reader, in the words of the language shown (model/i18n/<lang>/map-notices.ts). */
  notice?: (words: MapNoticeText) => string;
}

export type { BasemapConfig } from "../model/basemap.ts";

/** Where the viewer is looking, for checking that the imagery answers there. */
export interface LookAt {
  lng: number;
  lat: number;
  zoom: number;
}

const ONLINE_TIMEOUT_MS = 8_000;

/** The body of a URL that answered 2xx within the time, or a rejection saying what went wrong. */
async function fetchBytes(url: string, timeoutMs: number): Promise<ArrayBuffer> {
  if (typeof navigator !== "undefined" && navigator.onLine === false)
    throw new Error("this browser is offline");
  const ctrl = new AbortController();
  const timer = setTimeout(() => ctrl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: ctrl.signal });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return await res.arrayBuffer();
  } catch (e) {
    throw new Error(
      ctrl.signal.aborted ? `timed out after ${timeoutMs / 1000} s` : (e as Error).message,
    );
  } finally {
    clearTimeout(timer);
  }
}

async function fetchStyle(url: string): Promise<StyleSpecification> {
  const text = new TextDecoder().decode(await fetchBytes(url, ONLINE_TIMEOUT_MS));
  let s: StyleSpecification;
  try {
    s = JSON.parse(text) as StyleSpecification;
  } catch {
    throw new Error("not valid JSON");
  }
  if (s?.version !== 8 || !Array.isArray(s.layers) || typeof s.sources !== "object")
    throw new Error("not a MapLibre style (version 8)");
  return s;
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

/** The archive's header is read once per page: switching back to the embedded map reuses it. */
const archives = new Map<string, Promise<BasemapArchive>>();
function archiveAt(url: string): Promise<BasemapArchive> {
  let p = archives.get(url);
  if (!p) {
    p = openBasemapArchive(url, 10_000);
    archives.set(url, p);
    p.catch(() => archives.delete(url));
  }
  return p;
}

export async function loadEmbeddedStyle(baseUrl: string): Promise<StyleChoice> {
  try {
    const archive = await archiveAt(new URL(BASEMAP_ARCHIVE, baseUrl).href);
    return { style: embeddedStyle(archive, baseUrl), kind: "embedded" };
  } catch (e) {
    return {
      style: bareStyle(baseUrl),
      kind: "error",
      notice: (w) => w.archiveMissing(BASEMAP_ARCHIVE, (e as Error).message),
    };
  }
}

/** Our event layers label clusters with the bundled font, whatever glyphs the online style has. */
function withOurFonts(s: StyleSpecification, baseUrl: string): StyleSpecification {
  const fonts = {
    ...(s["font-faces"] ?? {}),
    [FONT.regular]: new URL(regularFont, baseUrl).href,
    [FONT.bold]: new URL(boldFont, baseUrl).href,
  };
  return { ...withoutCamera(s), "font-faces": fonts };
}

/** The online style of a choice, or a rejection saying why not. */
async function onlineStyle(
  baseUrl: string,
  basemap: Exclude<BasemapId, "embedded"> | "online",
  url: string,
  at: LookAt | null,
): Promise<StyleChoice> {
  if (basemap !== "satellite") {
    const style = withOurFonts(await fetchStyle(new URL(url, baseUrl).href), baseUrl);
    return { style, kind: basemap };
  }
  // Raster tiles have no style to fetch: one tile where the viewer looks says whether they come.
  // Resolved like any URL, which percent-encodes the template's braces: put them back.
  const template = new URL(url, baseUrl).href.replace(/%7B/gi, "{").replace(/%7D/gi, "}");
  const probe = at ?? { lng: -66.9, lat: 10.5, zoom: 5 };
  await fetchBytes(tileUrlAt(template, probe.lng, probe.lat, probe.zoom), ONLINE_TIMEOUT_MS);
  const embedded = await loadEmbeddedStyle(baseUrl);
  const overlay = embedded.kind === "embedded" ? embedded.style : null;
  return { style: satelliteStyle(template, overlay), kind: "satellite" };
}

/**
 * The style for a choice. `embedded` is the configured online style when there is one (and the
 * embedded map otherwise); `streets` and `satellite` are online. Any online failure (HTTP error,
 * invalid JSON, not a v8 style, a missing tile, a time-out, no network) gives the embedded map
 * with a notice naming the URL.
 */
export async function chooseStyle(
  baseUrl: string,
  basemap: BasemapId,
  config: BasemapConfig,
  at: LookAt | null = null,
): Promise<StyleChoice> {
  const which = basemap === "embedded" ? (config.custom ? "online" : null) : basemap;
  if (!which) return loadEmbeddedStyle(baseUrl);
  const url = which === "online" ? config.custom! : config[which];
  try {
    return await onlineStyle(baseUrl, which, url, at);
  } catch (e) {
    const embedded = await loadEmbeddedStyle(baseUrl);
    const reason = (e as Error).message;
    const missing = embedded.notice;
    return {
      ...embedded,
      kind: embedded.kind === "error" ? "error" : "fallback",
      notice: (w) => {
        const why = w.fellBack(w.names[which], url, reason);
        return missing ? `${why} ${missing(w)}` : why;
      },
    };
  }
}
