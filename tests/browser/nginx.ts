/**
 * nginx serving a built site with docs/nginx.conf, for its test: Debian's nginx, installed when
 * missing if we are root (CI), like Chromium (src/cli/chromium.ts); otherwise a one-line
 * instruction, never a silent skip. The config's `listen` and `root` are swapped for a free local
 * port and the given folder, inside a minimal main config of our own.
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const NGINX = process.env.NGINX_PATH ?? "/usr/sbin/nginx";
export const SITE_CONF = resolve(import.meta.dirname, "../../docs/nginx.conf");

export function ensureNginx(): void {
  if (existsSync(NGINX)) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root)
    throw new Error(
      `nginx not found at ${NGINX}: run "sudo apt-get install -y nginx" (or set NGINX_PATH), then npm test again.`,
    );
  console.log("[browser tests] installing Debian's nginx (non-interactive)…");
  execSync("apt-get update -qq && apt-get install -y -qq nginx", {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (!existsSync(NGINX)) throw new Error(`Installing nginx did not produce ${NGINX}.`);
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, "127.0.0.1", ok));
  const port = (s.address() as { port: number }).port;
  await new Promise((ok) => s.close(ok));
  return port;
}

export interface Nginx {
  url: string;
  stop(): Promise<void>;
}

/** docs/nginx.conf, serving `siteDir` on a local port. */
export async function startNginx(siteDir: string): Promise<Nginx> {
  ensureNginx();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "vsm-nginx-"));
  const site = readFileSync(SITE_CONF, "utf8")
    .replace(/^(\s*)listen\s+[^;]+;/m, `$1listen 127.0.0.1:${port};`)
    .replace(/^(\s*)root\s+[^;]+;/m, `$1root ${siteDir};`);
  writeFileSync(join(dir, "site.conf"), site);
  for (const t of ["body", "proxy", "fastcgi", "uwsgi", "scgi"]) mkdirSync(join(dir, t));
  writeFileSync(
    join(dir, "nginx.conf"),
    `user root;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 64; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`,
  );
  const args = ["-p", dir, "-c", join(dir, "nginx.conf"), "-g", "daemon off;"];
  execSync(`${NGINX} -t ${args.map((a) => `'${a}'`).join(" ")}`, { stdio: "pipe" });
  const proc: ChildProcess = spawn(NGINX, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  proc.stderr?.on("data", (d) => (stderr += String(d)));
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; ; i++) {
    try {
      await fetch(url);
      break;
    } catch {
      if (i > 50 || proc.exitCode !== null) throw new Error(`nginx did not start: ${stderr}`);
      await sleep(100);
    }
  }
  return {
    url,
    async stop() {
      proc.kill("SIGQUIT");
      await new Promise((ok) => (proc.exitCode !== null ? ok(null) : proc.once("exit", ok)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
