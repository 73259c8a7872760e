/**
 * Names what failed in a MapLibre error event the way a reader could find it: a URL on this site
 * as its path, and a tile by the URL it has in its source (for the basemap archive,
 * `/data/basemap/basemap.pmtiles/z/x/y`: the file and the tile in it).
 */
export interface MapErrorLike {
  error?: { url?: string };
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
