/**
 * A tiny "online basemap" server on 127.0.0.1, standing in for the online services in the browser
 * tests, each in loud colours so a screenshot proves which one is drawn: /style.json (a style
 * configured in place of the embedded map), /streets.json (the "streets" basemap), both with
 * vector tiles at /tiles/{z}/{x}/{y}.pbf served from the embedded basemap's archive, and
 * /satellite/{z}/{x}/{y}.png (the "satellite" basemap's raster tiles, one flat colour). `fail`
 * makes every one of them answer 500. The page reaches it through the preview server
 * (online-proxy.ts), as the site's own origin: the Content-Security-Policy is not loosened.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PNG } from "pngjs";
import { inject } from "vitest";
import { archiveTile } from "./basemap-file.ts";
import { ONLINE_PREFIX } from "./online-proxy.ts";

export const ONLINE_LAND = "#ff00ff";
export const ONLINE_SEA = "#00ffff";
export const STREETS_LAND = "#ff8800";
export const STREETS_SEA = "#ffee00";
/** Light, so that the events' dark outlines and halo stand out on it in a pixel count. */
export const SATELLITE_COLOUR = "#a0e0a0";

/** A 256×256 PNG of one colour. */
function flatTile(hex: string): Buffer {
  const png = new PNG({ width: 256, height: 256 });
  const n = parseInt(hex.slice(1), 16);
  for (let i = 0; i < png.data.length; i += 4) {
    png.data[i] = (n >> 16) & 255;
    png.data[i + 1] = (n >> 8) & 255;
    png.data[i + 2] = n & 255;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** A style with one vector source from this server: a background (sea) and the land. */
function vectorStyle(base: string, name: string, land: string, sea: string) {
  return {
    version: 8,
    name,
    // A camera of its own, which the app must not take: switching keeps the viewer's.
    center: [0, 0],
    zoom: 1,
    sources: {
      land: {
        type: "vector",
        tiles: [`${base}/tiles/{z}/{x}/{y}.pbf`],
        minzoom: 0,
        maxzoom: 8,
        bounds: [-90, -5, -52, 26],
        attribution: `${name} credit`,
      },
    },
    layers: [
      { id: "bg", type: "background", paint: { "background-color": sea } },
      {
        id: "land",
        type: "fill",
        source: "land",
        "source-layer": "countries",
        paint: { "fill-color": land, "fill-antialias": false },
      },
    ],
  };
}

export interface StyleServer {
  url: string;
  styleUrl: string;
  streetsUrl: string;
  satelliteTiles: string;
  hits: string[];
  close(): Promise<void>;
}

export async function startStyleServer(opts: { fail?: boolean } = {}): Promise<StyleServer> {
  const hits: string[] = [];
  const satellite = flatTile(SATELLITE_COLOUR);
  let base = "";
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    hits.push(path);
    const headers = { "Access-Control-Allow-Origin": "*" };
    const styles: Record<string, [string, string, string]> = {
      "/style.json": ["Test online style", ONLINE_LAND, ONLINE_SEA],
      "/streets.json": ["Test streets", STREETS_LAND, STREETS_SEA],
    };
    const style = styles[path];
    if (style || /^\/satellite\//.test(path)) {
      if (opts.fail) return void res.writeHead(500, headers).end("boom");
      if (style)
        return void res
          .writeHead(200, { ...headers, "Content-Type": "application/json" })
          .end(JSON.stringify(vectorStyle(base, ...style)));
      if (/^\/satellite\/\d+\/\d+\/\d+\.png$/.test(path))
        return void res.writeHead(200, { ...headers, "Content-Type": "image/png" }).end(satellite);
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
    streetsUrl: `${base}/streets.json`,
    satelliteTiles: `${base}/satellite/{z}/{x}/{y}.png`,
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

/** The init script that points the switcher's streets and satellite basemaps at a server. */
export const basemapsInit = (server: Pick<StyleServer, "streetsUrl" | "satelliteTiles">): string =>
  `localStorage.setItem('vsm.streetsStyle', ${JSON.stringify(server.streetsUrl)});` +
  `localStorage.setItem('vsm.satelliteTiles', ${JSON.stringify(server.satelliteTiles)});`;
