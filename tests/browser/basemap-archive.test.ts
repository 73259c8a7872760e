/**
 * The basemap is one PMTiles archive, read in parts: every basemap request is a range request of
 * data/basemap/basemap.pmtiles that the preview server answers with 206 and just those bytes,
 * nothing asks for loose tiles, and nothing fails.
 */
import { statSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser, Response } from "playwright-core";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean } from "./helpers.ts";
import { ARCHIVE_FILE } from "./basemap-file.ts";

interface Seen {
  path: string;
  status: number;
  range: string | undefined;
  contentRange: string | undefined;
  type: string | undefined;
  encoding: string | undefined;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function record(r: Response): Promise<Seen> {
  const headers = await r.allHeaders();
  return {
    path: new URL(r.url()).pathname,
    status: r.status(),
    range: (await r.request().allHeaders()).range,
    contentRange: headers["content-range"],
    type: headers["content-type"],
    encoding: headers["content-encoding"],
  };
}

describe("the basemap archive over HTTP", () => {
  // The opening view, and closer in over Caracas (zoom 8: the deepest tiles in the archive).
  test.each(["", "#map=8/10.5/-66.9"])(
    "view %j: range requests of the one archive (206), never loose tiles, no failed request",
    async (hash) => {
      const s = await open(browser);
      const pending: Promise<Seen>[] = [];
      s.page.on("response", (r) => void pending.push(record(r)));
      await gotoReady(s, hash);
      const seen = await Promise.all(pending);

      expect(
        s.requests.filter((u) => /\/tiles\//.test(u)),
        "loose tile URLs",
      ).toEqual([]);
      expect(
        seen.filter((r) => r.status >= 400),
        "failed requests",
      ).toEqual([]);
      const basemap = seen.filter((r) => r.path.startsWith("/data/basemap/"));
      expect(new Set(basemap.map((r) => r.path))).toEqual(
        new Set(["/data/basemap/basemap.pmtiles"]),
      );
      expect(basemap[0]?.range, "the header and root directory first").toBe("bytes=0-16383");
      expect(basemap.length, "then tiles").toBeGreaterThan(1);
      const size = statSync(ARCHIVE_FILE).size;
      let bytes = 0;
      for (const r of basemap) {
        expect(r.status, `${r.range}`).toBe(206);
        const asked = /^bytes=(\d+)-(\d+)$/.exec(r.range ?? "");
        expect(asked, `range header ${r.range}`).not.toBeNull();
        const [start, end] = [Number(asked![1]), Math.min(Number(asked![2]), size - 1)];
        expect(r.contentRange).toBe(`bytes ${start}-${end}/${size}`);
        // Sent as the bytes of the file: the tiles in it are gzipped already.
        expect(r.type).toBe("application/vnd.pmtiles");
        expect(r.encoding).toBeUndefined();
        bytes += end - start + 1;
      }
      expect(bytes, "read in parts, not whole").toBeLessThan(size / 2);
      expectClean(s);
      await s.close();
    },
  );
});
