import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, cspDirectives, originsOf } from "../../src/build/csp.ts";

const directive = (policy: string, name: string) =>
  policy
    .split("; ")
    .find((d) => d.startsWith(`${name} `))
    ?.split(" ")
    .slice(1);

describe("the Content-Security-Policy", () => {
  it("allows only the site itself by default, with no inline script, plugins or <base>", () => {
    const p = contentSecurityPolicy();
    expect(directive(p, "default-src")).toEqual(["'self'"]);
    expect(directive(p, "script-src")).toEqual(["'self'"]);
    expect(directive(p, "style-src")).toEqual(["'self'"]);
    expect(directive(p, "connect-src")).toEqual(["'self'"]);
    expect(directive(p, "worker-src")).toEqual(["'self'"]);
    expect(directive(p, "object-src")).toEqual(["'none'"]);
    expect(directive(p, "base-uri")).toEqual(["'none'"]);
    expect(p).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it("names frame-ancestors only in the header, where browsers obey it", () => {
    expect(directive(contentSecurityPolicy({}, "meta"), "frame-ancestors")).toBeUndefined();
    expect(directive(contentSecurityPolicy({}, "header"), "frame-ancestors")).toEqual(["*"]);
    expect(
      directive(contentSecurityPolicy({ frameAncestors: "'self'" }, "header"), "frame-ancestors"),
    ).toEqual(["'self'"]);
  });

  it("adds an online basemap's own origin, and nothing else, to connect-src and img-src", () => {
    const p = contentSecurityPolicy({
      onlineUrls: [
        "https://tiles.example.org/styles/liberty",
        "https://img.example.net/wmts/{z}/{y}/{x}.jpg",
        "https://tiles.example.org/other",
      ],
    });
    expect(directive(p, "connect-src")).toEqual([
      "'self'",
      "https://img.example.net",
      "https://tiles.example.org",
    ]);
    expect(directive(p, "img-src")).toContain("https://img.example.net");
    expect(directive(p, "script-src")).toEqual(["'self'"]);
  });

  it("drops what is not an absolute http(s) URL", () => {
    expect(
      originsOf(["", "styles/local.json", "javascript:alert(1)", "data:text/plain,x"]),
    ).toEqual([]);
    expect(originsOf(["http://127.0.0.1:8080/style.json"])).toEqual(["http://127.0.0.1:8080"]);
  });

  it("keeps every directive one name and at least one value", () => {
    for (const [name, ...values] of cspDirectives(
      { onlineUrls: ["https://a.example"] },
      "header",
    )) {
      expect(name).toMatch(/^[a-z-]+$/);
      expect(values.length).toBeGreaterThan(0);
    }
  });
});
