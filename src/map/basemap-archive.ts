/**
 * The embedded basemap is one PMTiles archive (data/basemap/basemap.pmtiles, built by
 * `npm run build:basemap`), read a tile at a time with HTTP range requests through the `pmtiles`
 * protocol: style URLs `pmtiles://<archive url>/{z}/{x}/{y}`. Only the archive's own URL is ever
 * fetched, so the map stays offline.
 */
import { addProtocol } from "maplibre-gl";
import { PMTiles, Protocol, TileType } from "pmtiles";

export const BASEMAP_ARCHIVE = "data/basemap/basemap.pmtiles";

/** What the style needs to know of the archive, from its header. */
export interface BasemapArchive {
  /** Absolute URL of the archive. */
  url: string;
  bounds: [number, number, number, number];
  minzoom: number;
  maxzoom: number;
}

let protocol: Protocol | null = null;

/** Registers the protocol with MapLibre, once for the page. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol("pmtiles", protocol.tile);
  }
  return protocol;
}

/**
 * Reads the archive's header (and root directory: one request for the first 16 KB), checks it is
 * a vector tile archive, and hands the opened archive to the protocol, so its tiles are looked up
 * in the directory already read. Rejects with a message naming what is wrong.
 */
export async function openBasemapArchive(url: string, timeoutMs: number): Promise<BasemapArchive> {
  const archive = new PMTiles(url);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>(
    (_, fail) =>
      (timer = setTimeout(
        () => fail(new Error(`timed out after ${timeoutMs / 1000} s`)),
        timeoutMs,
      )),
  );
  try {
    const h = await Promise.race([archive.getHeader(), late]);
    if (h.tileType !== TileType.Mvt) throw new Error("not a vector tile archive");
    if (!(h.minLon < h.maxLon && h.minLat < h.maxLat) || h.minZoom > h.maxZoom)
      throw new Error("invalid bounds or zoom range in its header");
    pmtilesProtocol().add(archive);
    return {
      url,
      bounds: [h.minLon, h.minLat, h.maxLon, h.maxLat],
      minzoom: h.minZoom,
      maxzoom: h.maxZoom,
    };
  } finally {
    clearTimeout(timer);
  }
}
