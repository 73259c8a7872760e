/**
 * The committed basemap archive, read from disk with the `pmtiles` reader: a tile's bytes (for
 * the test's "online" tile server) and where a tile lies in the file (to corrupt just that tile).
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { findTile, zxyToTileId } from "pmtiles";
import { readArchiveFile } from "../../src/build/archive-file.ts";
import { BASEMAP_ARCHIVE } from "../../src/cli/basemap/archive.ts";

export const ARCHIVE_FILE = resolve(import.meta.dirname, "../..", BASEMAP_ARCHIVE);

const archive = readArchiveFile(ARCHIVE_FILE);

/** A tile's (inflated) bytes, or undefined for one the archive leaves out (open sea). */
export async function archiveTile(
  z: number,
  x: number,
  y: number,
): Promise<Uint8Array | undefined> {
  const r = await archive.getZxy(z, x, y);
  return r ? new Uint8Array(r.data) : undefined;
}

/** The bytes a tile occupies in the file (the root directory holds every entry: no leaves). */
export async function tileByteRange(
  z: number,
  x: number,
  y: number,
): Promise<{ start: number; end: number; size: number }> {
  const h = await archive.getHeader();
  const root = await archive.cache.getDirectory(
    archive.source,
    h.rootDirectoryOffset,
    h.rootDirectoryLength,
    h,
  );
  const entry = findTile(root, zxyToTileId(z, x, y));
  if (!entry || entry.runLength === 0)
    throw new Error(`tile ${z}/${x}/${y} is not in the root directory`);
  const start = h.tileDataOffset + entry.offset;
  return { start, end: start + entry.length - 1, size: statSync(ARCHIVE_FILE).size };
}
