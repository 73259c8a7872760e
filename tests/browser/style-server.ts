/**
 * A tiny "online basemap" server on 127.0.0.1 for the online-style path: /style.json (a MapLibre
 * style in loud colours, so a screenshot proves it was used) and /tiles/{z}/{x}/{y}.pbf served
 * from the embedded basemap's archive. `fail` makes /style.json answer 500. The page reaches it
 * through the preview server (online-proxy.ts), as the site's own origin.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { archiveTile } from "./basemap-file.ts";
import { ONLINE_PREFIX } from "./online-proxy.ts";

export const ONLINE_LAND = "#ff00ff";
export const ONLINE_SEA = "#00ffff";

export interface StyleServer {
  url: string;
  styleUrl: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startStyleServer(opts: { fail?: boolean } = {}): Promise<StyleServer> {
  const hits: string[] = [];
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.push(path);
    const headers = { "Access-Control-Allow-Origin": "*" };
    if (path === "/style.json") {
      if (opts.fail) return void res.writeHead(500, headers).end("boom");
      const style = {
        version: 8,
        name: "Test online style",
        sources: {
          land: {
            type: "vector",
            tiles: [`${base}/tiles/{z}/{x}/{y}.pbf`],
            minzoom: 0,
            maxzoom: 8,
            bounds: [-90, -5, -52, 26],
          },
        },
        layers: [
          { id: "bg", type: "background", paint: { "background-color": ONLINE_SEA } },
          {
            id: "land",
            type: "fill",
            source: "land",
            "source-layer": "countries",
            paint: { "fill-color": ONLINE_LAND, "fill-antialias": false },
          },
        ],
      };
      return void res
        .writeHead(200, { ...headers, "Content-Type": "application/json" })
        .end(JSON.stringify(style));
    }
    const m = /^\/tiles\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(path);
    if (!m) return void res.writeHead(404, headers).end();
    archiveTile(+m[1]!, +m[2]!, +m[3]!).then(
      (buf) =>
        buf
          ? res.writeHead(200, { ...headers, "Content-Type": "application/x-protobuf" }).end(buf)
          : res.writeHead(204, headers).end(),
      () => res.writeHead(500, headers).end(),
    );
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  base = viaPreview((server.address() as AddressInfo).port);
  return {
    url: base,
    styleUrl: `${base}/style.json`,
    hits,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** The URL under which the page reaches a test server on `port` (online-proxy.ts). */
export const viaPreview = (port: number) =>
  new URL(`${ONLINE_PREFIX}${port}`, inject("baseUrl")).href;

/** A port on 127.0.0.1 that nothing listens on (opened, then closed). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

/** The init script that configures an online basemap style for the page. */
export const onlineStyleInit = (url: string): string =>
  `localStorage.setItem('vsm.basemapStyle', ${JSON.stringify(url)})`;
