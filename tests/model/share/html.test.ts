// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { attrs, esc, metaTag } from "../../../src/model/share/html.ts";

/** The HTML as a browser parses it (jsdom's DOMParser: this file runs in jsdom). */
const parseHtml = (html: string) => new DOMParser().parseFromString(html, "text/html");

const parse = (html: string) => parseHtml(`<!doctype html><body>${html}`).body;

describe("esc", () => {
  it.each([
    ["<script>", "&lt;script&gt;"],
    ["Tom & Jerry", "Tom &amp; Jerry"],
    [`"double" 'single'`, "&quot;double&quot; &#39;single&#39;"],
    ["&amp;", "&amp;amp;"],
    ["«acentos» ñ “curly”", "«acentos» ñ “curly”"],
  ])("%s", (raw, escaped) => {
    expect(esc(raw)).toBe(escaped);
  });

  it("round-trips through an HTML parser as the same text, in content and attributes", () => {
    const raw = `</p><img src=x onerror="alert(1)"> & 'q' "dq"`;
    const body = parse(`<p title="${esc(raw)}" data-x='${esc(raw)}'>${esc(raw)}</p>`);
    const p = body.querySelector("p")!;
    expect(p.textContent).toBe(raw);
    expect(p.getAttribute("title")).toBe(raw);
    expect(p.getAttribute("data-x")).toBe(raw);
    expect(body.querySelectorAll("img")).toHaveLength(0);
  });
});

describe("attrs and metaTag", () => {
  it("leaves out null and undefined values, keeps 0 and empty strings", () => {
    expect(attrs({ a: "1", b: null, c: undefined, d: 0, e: "" })).toBe(' a="1" d="0" e=""');
  });

  it("writes Open Graph names as property, others as name", () => {
    expect(metaTag("og:title", 'A "b"')).toBe(
      '<meta property="og:title" content="A &quot;b&quot;">',
    );
    expect(metaTag("twitter:card", "x")).toBe('<meta name="twitter:card" content="x">');
  });
});
