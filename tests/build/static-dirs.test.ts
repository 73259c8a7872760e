import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { get, createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRange, servePrecompressed, serveFile } from "../../src/build/static-dirs.ts";

const dir = mkdtempSync(join(tmpdir(), "vsm-static-"));
const body = JSON.stringify({
  events: Array.from({ length: 200 }, (_, k) => ({ k, title: `event ${k}` })),
});
let server: Server;
let port = 0;

const archive = Buffer.from(Array.from({ length: 5000 }, (_, k) => k % 251));

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function fetchRaw(
  path: string,
  acceptEncoding?: string,
  extra: Record<string, string> = {},
): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((ok, fail) => {
    get(
      {
        host: "127.0.0.1",
        port,
        path,
        headers: { ...(acceptEncoding ? { "accept-encoding": acceptEncoding } : {}), ...extra },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          ok({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }),
        );
      },
    ).on("error", fail);
  });
}

beforeAll(async () => {
  writeFileSync(join(dir, "fresh.json"), body);
  writeFileSync(join(dir, "fresh.json.gz"), gzipSync(body));
  writeFileSync(join(dir, "stale.json"), body);
  writeFileSync(join(dir, "stale.json.gz"), gzipSync("an older version"));
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, "stale.json.gz"), past, past);
  writeFileSync(join(dir, "plain.json"), body);
  writeFileSync(join(dir, "basemap.pmtiles"), archive);
  server = createServer((req, res) => {
    if (req.url!.startsWith("/file/")) return serveFile(join(dir, req.url!.slice(6)), req, res);
    if (!servePrecompressed(join(dir, req.url!), req, res))
      res.writeHead(404).end("not precompressed");
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("precompressed files (the preview server)", () => {
  it("sends <file>.gz as it is to a browser that takes gzip, with the file's type and the compressed length", async () => {
    const r = await fetchRaw("/fresh.json", "gzip, deflate, br");
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(Number(r.headers["content-length"])).toBe(r.bytes.length);
    expect(r.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(r.bytes).toString()).toBe(body);
  });

  it("leaves the file to the next handler when the browser doesn't take gzip, the .gz is older than the file, or there is none", async () => {
    expect((await fetchRaw("/fresh.json")).status).toBe(404);
    expect((await fetchRaw("/fresh.json", "br")).status).toBe(404);
    expect((await fetchRaw("/stale.json", "gzip")).status).toBe(404);
    expect((await fetchRaw("/plain.json", "gzip")).status).toBe(404);
  });
});

describe("byte ranges (the dev server)", () => {
  it.each([
    ["bytes=0-16383", 5000, { start: 0, end: 4999 }],
    ["bytes=100-199", 5000, { start: 100, end: 199 }],
    ["bytes=4990-", 5000, { start: 4990, end: 4999 }],
    ["bytes=-10", 5000, { start: 4990, end: 4999 }],
    ["bytes=-9000", 5000, { start: 0, end: 4999 }],
    ["bytes=5000-5100", 5000, "unsatisfiable"],
    ["bytes=-0", 5000, "unsatisfiable"],
    [undefined, 5000, null],
    ["bytes=200-100", 5000, null],
    ["bytes=0-1,5-9", 5000, null],
    ["items=0-9", 5000, null],
    ["bytes=-", 5000, null],
  ] as const)("%s of %d bytes → %j", (header, size, expected) => {
    expect(parseRange(header, size)).toEqual(expected);
  });

  it("answers a range with 206, its Content-Range and exactly those bytes", async () => {
    const r = await fetchRaw("/file/basemap.pmtiles", "gzip", { range: "bytes=127-1126" });
    expect(r.status).toBe(206);
    expect(r.headers["content-range"]).toBe(`bytes 127-1126/${archive.length}`);
    expect(r.headers["content-type"]).toBe("application/vnd.pmtiles");
    expect(r.headers["content-encoding"]).toBeUndefined();
    expect(Number(r.headers["content-length"])).toBe(1000);
    expect(r.bytes.equals(archive.subarray(127, 1127))).toBe(true);
  });

  it("sends the whole file without a range, and 416 for a range past its end", async () => {
    const whole = await fetchRaw("/file/basemap.pmtiles");
    expect(whole.status).toBe(200);
    expect(whole.headers["accept-ranges"]).toBe("bytes");
    expect(whole.bytes.equals(archive)).toBe(true);
    const past = await fetchRaw("/file/basemap.pmtiles", undefined, { range: "bytes=6000-7000" });
    expect(past.status).toBe(416);
    expect(past.headers["content-range"]).toBe(`bytes */${archive.length}`);
  });

  it("never answers a range from a precompressed copy", async () => {
    expect((await fetchRaw("/fresh.json", "gzip", { range: "bytes=0-9" })).status).toBe(404);
    const r = await fetchRaw("/file/fresh.json", "gzip", { range: "bytes=0-9" });
    expect([r.status, r.bytes.toString()]).toEqual([206, body.slice(0, 10)]);
  });
});
