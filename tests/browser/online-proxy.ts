/**
 * The test "online" basemap servers listen on ports of their own, and the built site's
 * Content-Security-Policy lets it reach only its own origin (and the configured online ones). So
 * the preview server passes `/__online/<port>/<path>` on to `http://127.0.0.1:<port>/<path>`: the
 * page reaches a test server without the policy being loosened for the tests.
 */
import { request } from "node:http";
import type { Plugin } from "vite";

export const ONLINE_PREFIX = "/__online/";

export function onlineProxy(): Plugin {
  return {
    name: "vsm-test-online-proxy",
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /^\/__online\/(\d+)(\/.*)$/.exec(req.url ?? "");
        if (!m) return next();
        const upstream = request(
          {
            host: "127.0.0.1",
            port: Number(m[1]),
            path: m[2],
            method: req.method,
            headers: req.headers,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers);
            up.pipe(res);
          },
        );
        upstream.on("error", () => res.writeHead(502).end("upstream unreachable"));
        req.pipe(upstream);
      });
    },
  };
}
