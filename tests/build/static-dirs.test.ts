import { mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { get, createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePrecompressed } from "../../src/build/static-dirs.ts";

const dir = mkdtempSync(join(tmpdir(), "vsm-static-"));
const body = JSON.stringify({ events: Array.from({ length: 200 }, (_, k) => ({ k, title: `event ${k}` })) });
let server: Server;
let port = 0;

/** A raw GET (no automatic decompression): status, headers and the bytes as sent. */
function fetchRaw(path: string, acceptEncoding?: string): Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }> {
  return new Promise((ok, fail) => {
    get({ host: "127.0.0.1", port, path, headers: acceptEncoding ? { "accept-encoding": acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => ok({ status: res.statusCode!, headers: res.headers, bytes: Buffer.concat(chunks) }));
    }).on("error", fail);
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
  server = createServer((req, res) => {
    if (!servePrecompressed(join(dir, req.url!), req, res)) res.writeHead(404).end("not precompressed");
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
