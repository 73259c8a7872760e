/**
 * Names what failed in a MapLibre error event the way a reader could find it: a URL on this site
 * as its path, and a tile by the URL it has in its source (for the basemap archive,
 * `/data/basemap/basemap.pmtiles/z/x/y`: the file and the tile in it).
 */
import { mapNotices as ENGLISH, type MapNoticeText } from "../model/i18n/en/map-notices.ts";

export interface MapErrorLike {
  error?: { url?: string; message?: string };
  sourceId?: string;
  tile?: { tileID: { canonical: { z: number; x: number; y: number } } };
}

export function failedResource(
  e: MapErrorLike,
  tilesTemplate: string | undefined,
  origin: string,
): string {
  const local = (url: string) => url.replace(/^pmtiles:\/\//, "").replace(origin, "");
  if (e.error?.url) return local(e.error.url);
  const c = e.tile?.tileID.canonical;
  if (c && tilesTemplate)
    return local(
      tilesTemplate
        .replace("{z}", String(c.z))
        .replace("{x}", String(c.x))
        .replace("{y}", String(c.y)),
    );
  if (c) return `source “${e.sourceId ?? "?"}” tile ${c.z}/${c.x}/${c.y}`;
  return e.sourceId ? `source “${e.sourceId}”` : "map";
}

/** What to tell the reader about a map error: one of our own event sources (GeoJSON, or tiles from
 * the worker) failing is the events', anything else the basemap's, naming the resource that failed
 * (`tilesOf`: a source's tile URL template). */
export function mapErrorMessage(
  e: MapErrorLike,
  tilesOf: (sourceId: string) => string | undefined,
  origin: string,
  words: MapNoticeText = ENGLISH,
): string {
  const src = e.sourceId;
  const why = e.error?.message ?? words.unknown;
  if (src?.startsWith("event-") || e.error?.url?.startsWith("vsm-events:"))
    return words.eventsFailed(why);
  return words.basemapFailed(failedResource(e, src ? tilesOf(src) : undefined, origin), why);
}
