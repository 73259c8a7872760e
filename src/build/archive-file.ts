/**
 * The `pmtiles` reader over an archive on disk, reading byte ranges as a browser would. Shared by
 * the build (the preview images' basemap) and the basemap CLI and its tests.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { PMTiles, type Source } from "pmtiles";

export function readArchiveFile(file: string): PMTiles {
  const source: Source = {
    getKey: () => file,
    getBytes: async (offset, length) => {
      const fd = openSync(file, "r");
      try {
        const buf = new Uint8Array(length);
        const read = readSync(fd, buf, 0, length, offset);
        return { data: buf.slice(0, read).buffer };
      } finally {
        closeSync(fd);
      }
    },
  };
  return new PMTiles(source);
}
