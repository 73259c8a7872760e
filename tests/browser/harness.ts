/**
 * One Chromium per test file; each test gets a fresh context whose every request is checked to
 * stay on localhost, and whose console errors and page errors are collected for assertions.
 */
import type { Browser, BrowserContext, Page } from "playwright-core";
import { inject } from "vitest";
import { launchChromium } from "../../src/cli/chromium.ts";

export const baseUrl = () => inject("baseUrl");

export async function launch(): Promise<Browser> {
  return launchChromium();
}

export interface Session {
  context: BrowserContext;
  page: Page;
  consoleErrors: string[];
  pageErrors: string[];
  offsite: string[];
  requests: string[];
  close(): Promise<void>;
}

const LOCAL = /^(https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\/|data:|blob:|about:)/;

export async function open(
  browser: Browser,
  opts: { width?: number; height?: number; hash?: string; init?: string } = {},
): Promise<Session> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    deviceScaleFactor: 1,
    hasTouch: (opts.width ?? 1280) < 500,
  });
  const s: Session = {
    context,
    page: await context.newPage(),
    consoleErrors: [],
    pageErrors: [],
    offsite: [],
    requests: [],
    close: () => context.close(),
  };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    s.requests.push(url);
    if (!LOCAL.test(url)) {
      s.offsite.push(url);
      return route.abort("blockedbyclient");
    }
    return route.continue();
  });
  if (opts.init) await context.addInitScript(opts.init);
  s.page.on("console", (m) => m.type() === "error" && s.consoleErrors.push(m.text()));
  s.page.on("pageerror", (e) => s.pageErrors.push(String(e)));
  s.page.on("dialog", (d) => {
    s.pageErrors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return s;
}

/** Navigate and wait for the map's readiness signal (data-ready="true"). */
export async function gotoReady(s: Session, hash = "", path = "/"): Promise<void> {
  await s.page.goto(new URL(path, baseUrl()).href + hash);
  await s.page.waitForSelector('[data-testid="map"][data-ready="true"]', { timeout: 30_000 });
}
