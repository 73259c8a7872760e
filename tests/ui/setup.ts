/**
 * Setup for the "component" test project (jsdom). Only jest-dom's matchers and minimal
 * polyfills for browser APIs jsdom lacks; nothing of our own code is mocked here.
 */
import "@testing-library/jest-dom/vitest";

// jsdom implements no layout, so it has no scrollIntoView; the list and the reader call it.
if (typeof Element.prototype.scrollIntoView !== "function") {
  Element.prototype.scrollIntoView = function scrollIntoView() {};
}

// CSS.escape (used to build attribute selectors from event ids) is missing in some jsdom builds.
const css = (globalThis as { CSS?: { escape?: (s: string) => string } }).CSS ?? {};
if (typeof css.escape !== "function") {
  css.escape = (s: string) => String(s).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
  (globalThis as { CSS?: unknown }).CSS = css;
}

// jsdom has no matchMedia; share.ts asks it whether the pointer is coarse.
if (typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener() {},
    removeListener() {},
    addEventListener() {},
    removeEventListener() {},
    dispatchEvent: () => false,
  });
}

// @solidjs/testing-library only unmounts by itself when `afterEach` is a global (vitest
// globals are off here), so unmount every rendered tree after each test explicitly.
import { cleanup } from "@solidjs/testing-library";
import { afterEach } from "vitest";
afterEach(cleanup);
