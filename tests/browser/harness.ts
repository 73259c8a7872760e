/**
 * One Chromium per test file; each test gets a fresh context whose every request is checked to
 * stay on localhost, and whose console errors and page errors are collected for assertions.
 * Content-Security-Policy violations are collected too, and closing a session that saw one fails
 * its test: no view may need more than the policy allows (src/build/csp.ts).
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
  /** "directive blocked-URI" of each securitypolicyviolation the page reported. */
  cspViolations: string[];
  /** Closes the context; throws when the page reported a CSP violation. */
  close(): Promise<void>;
}

const CSP_MARK = "vsm-csp-violation:";
/** Reports each violation on the console, where the session collects it (the listener must be
 * there before the app's scripts run). */
const CSP_LISTENER = `document.addEventListener("securitypolicyviolation", (e) =>
  console.error(${JSON.stringify(CSP_MARK)} + " " + e.effectiveDirective + " " + e.blockedURI));`;

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
    cspViolations: [],
    close: async () => {
      await context.close();
      if (s.cspViolations.length)
        throw new Error(`Content-Security-Policy violations: ${s.cspViolations.join("; ")}`);
    },
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
  await context.addInitScript(CSP_LISTENER);
  if (opts.init) await context.addInitScript(opts.init);
  s.page.on("console", (m) => {
    if (m.type() !== "error") return;
    if (m.text().startsWith(CSP_MARK)) s.cspViolations.push(m.text().slice(CSP_MARK.length + 1));
    else s.consoleErrors.push(m.text());
  });
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
