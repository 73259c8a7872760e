// @vitest-environment jsdom
/**
 * The share pages through a real Vite build (the plugin alone, over a tiny entry), from the shipped
 * data and from a dataset with markup in every field: one page and one preview per event, a
 * redirecting page per alias, a page per source; meta tags checked, images decoded.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { PNG } from "pngjs";
import { build } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharePages } from "../../src/build/share-pages.ts";
import type { EventCollection, SourceCollection } from "../../src/model/types.ts";

/** The HTML as a browser parses it (jsdom's DOMParser: this file runs in jsdom). */
const parseHtml = (html: string) => new DOMParser().parseFromString(html, "text/html");

const ROOT = resolve(import.meta.dirname, "../..");
const CSP = "default-src 'self'; script-src 'self'";
const outDirs: string[] = [];

async function buildPages(events: string, siteUrl?: string): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "vsm-share-"));
  outDirs.push(outDir);
  await build({
    configFile: false,
    root: ROOT,
    logLevel: "silent",
    plugins: [sharePages({ root: ROOT, events, csp: CSP, siteUrl })],
    build: {
      outDir,
      emptyOutDir: true,
      write: true,
      rolldownOptions: { input: join(ROOT, "src/open-event.ts") },
    },
  });
  return outDir;
}

const read = <T>(file: string): T => JSON.parse(readFileSync(join(ROOT, file), "utf8")) as T;
const doc = (file: string) => parseHtml(readFileSync(file, "utf8"));
const meta = (d: Document, key: string) =>
  d.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");

afterAll(() => {
  for (const d of outDirs) rmSync(d, { recursive: true, force: true });
});

describe("the shipped data's pages", () => {
  let out = "";
  const shipped = read<EventCollection>("data/events.geojson");
  beforeAll(async () => {
    out = await buildPages("data/events.geojson", "https://example.org/ve-map");
  }, 120_000);

  it("makes one page and one preview image per event, and no other event folder", () => {
    const ids = shipped.features.map((e) => e.id);
    const aliases = Object.keys(shipped.aliases ?? {});
    expect(readdirSync(join(out, "e")).sort()).toEqual([...ids, ...aliases].sort());
    for (const id of ids) {
      expect(existsSync(join(out, "e", id, "index.html")), id).toBe(true);
      expect(existsSync(join(out, "e", id, "preview.png")), id).toBe(true);
    }
  });

  it.each(shipped.features.map((e) => [e.id, e] as const))("%s: its meta tags", (id, e) => {
    const d = doc(join(out, "e", id, "index.html"));
    const url = `https://example.org/ve-map/e/${id}/`;
    expect(meta(d, "og:title")).toBe(e.properties.title);
    expect(meta(d, "og:url")).toBe(url);
    expect(d.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(url);
    expect(meta(d, "og:image")).toBe(`${url}preview.png`);
    expect(meta(d, "og:image:width")).toBe("1200");
    expect(meta(d, "og:image:height")).toBe("630");
    expect(meta(d, "twitter:card")).toBe("summary_large_image");
    // The description is the lead quote, one of the event's own, verbatim.
    const quoted = /^“(.+)”/.exec(meta(d, "og:description") ?? "")?.[1];
    expect(e.properties.citations.map((c) => c.exact.replace(/\s+/g, " "))).toContain(quoted);
  });

  it.each(shipped.features.map((e) => [e.id, e] as const))(
    "%s: the page holds its quotes",
    (id, e) => {
      const d = doc(join(out, "e", id, "index.html"));
      const text = d.body.textContent!.replace(/\s+/g, " ");
      expect(text).toContain(e.properties.title);
      for (const c of e.properties.citations) expect(text).toContain(c.exact.replace(/\s+/g, " "));
      expect(d.querySelectorAll("blockquote mark")).toHaveLength(e.properties.citations.length);
    },
  );

  it.each(shipped.features.map((e) => e.id))("%s: its preview is a 1200×630 PNG", (id) => {
    const png = PNG.sync.read(readFileSync(join(out, "e", id, "preview.png")));
    expect([png.width, png.height]).toEqual([1200, 630]);
    // Not blank: the map's sea, its land and the card's white are all there.
    const colours = new Set<number>();
    for (let k = 0; k < png.data.length; k += 4 * 97) colours.add(png.data.readUInt32BE(k));
    expect(colours.size).toBeGreaterThan(20);
  });

  it("makes the site's own preview image too", () => {
    const png = PNG.sync.read(readFileSync(join(out, "preview.png")));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });

  it("a renamed id's page redirects to the current one", () => {
    for (const [old, to] of Object.entries(shipped.aliases ?? {})) {
      const d = doc(join(out, "e", old, "index.html"));
      const target = `https://example.org/ve-map/e/${to}/`;
      expect(d.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content")).toBe(
        `0; url=${target}`,
      );
      expect(d.querySelector('link[rel="canonical"]')?.getAttribute("href")).toBe(target);
      expect(d.querySelector(`a[href="${target}"]`)).not.toBeNull();
    }
  });

  it("a source's page holds its whole text with every cited passage marked", () => {
    const { sources } = read<SourceCollection>("data/sources.json");
    for (const s of sources) {
      const d = doc(join(out, "s", s.id, "index.html"));
      const text = readFileSync(join(ROOT, "seeds", `${s.id}.txt`), "utf8");
      const shown = d.querySelector(".source-text")!;
      // The cited-by links aside, the text is the file's, character for character.
      for (const a of shown.querySelectorAll(".cited-in")) a.remove();
      expect(shown.textContent).toBe(text);
      const cited = shipped.features.flatMap((e) =>
        e.properties.citations.filter((c) => c.source === s.id),
      );
      // Every shipped source is cited; each cited quote is inside the marked text.
      expect(cited.length).toBeGreaterThan(0);
      const marked = [...shown.querySelectorAll("mark")].map((m) => m.textContent).join("");
      for (const c of cited)
        expect(marked.replace(/\s+/g, " ")).toContain(c.exact.replace(/\s+/g, " "));
    }
  });

  describe("the pages in Spanish", () => {
    // The shipped data's build above.
    const { sources } = read<SourceCollection>("data/sources.json");

    it("makes each event's and each source's page, and its preview, under es/", () => {
      expect(readdirSync(join(out, "es", "e")).sort()).toEqual(
        shipped.features.map((e) => e.id).sort(),
      );
      expect(readdirSync(join(out, "es", "s")).sort()).toEqual(sources.map((s) => s.id).sort());
      for (const e of shipped.features)
        expect(existsSync(join(out, "es", "e", e.id, "preview.png")), e.id).toBe(true);
    });

    it.each(shipped.features.map((e) => [e.id, e] as const))(
      "%s: in Spanish, with its quotes as written",
      (id, e) => {
        const d = doc(join(out, "es", "e", id, "index.html"));
        const es = e.properties.i18n?.es;
        expect(d.documentElement.lang).toBe("es");
        expect(meta(d, "og:locale")).toBe("es_VE");
        expect(meta(d, "og:title")).toBe(es?.title ?? e.properties.title);
        expect(d.querySelector("h1")?.textContent).toContain(es?.title ?? e.properties.title);
        expect(d.querySelector(".open-map")?.textContent).toBe("Abrir en el mapa");
        expect(d.querySelector(".open-map")?.getAttribute("href")).toBe(
          `../../../#event=${id}&lang=es&v=2`,
        );
        expect(meta(d, "vsm-root")).toBe("../../../");
        // Each language names the other, and the basis (the curator's English) is marked.
        const en = `https://example.org/ve-map/e/${id}/`;
        expect(d.querySelector('link[rel="alternate"][hreflang="en"]')?.getAttribute("href")).toBe(
          en,
        );
        const english = doc(join(out, "e", id, "index.html"));
        expect(
          english.querySelector('link[rel="alternate"][hreflang="es"]')?.getAttribute("href"),
        ).toBe(`https://example.org/ve-map/es/e/${id}/`);
        expect(d.querySelector('.basis [lang="en"]')?.textContent).toBe(e.properties.date.basis);
        expect(d.querySelector(".basis .original-mark")?.textContent).toBe("(original en inglés)");
        const text = d.body.textContent!.replace(/\s+/g, " ");
        for (const c of e.properties.citations)
          expect(text).toContain(c.exact.replace(/\s+/g, " "));
        for (const a of d.querySelectorAll<HTMLAnchorElement>(".read a"))
          expect(a.getAttribute("href")).toMatch(/^\.\.\/\.\.\/\.\.\/es\/s\/[^/]+\/(#p-\d+-\d+)?$/);
      },
    );

    it("a source's page in Spanish: the same text, its frame and links in Spanish", () => {
      for (const s of sources) {
        const d = doc(join(out, "es", "s", s.id, "index.html"));
        expect(d.documentElement.lang).toBe("es");
        const shown = d.querySelector(".source-text")!;
        const cited = [...shown.querySelectorAll(".cited-in")];
        expect(cited.length).toBeGreaterThan(0);
        for (const a of cited) {
          expect(a.textContent).toMatch(/^ \[citado en: /);
          for (const link of a.querySelectorAll("a"))
            expect(link.getAttribute("href")).toMatch(/^\.\.\/\.\.\/\.\.\/es\/e\/[^/]+\/$/);
          a.remove();
        }
        expect(shown.textContent).toBe(readFileSync(join(ROOT, "seeds", `${s.id}.txt`), "utf8"));
        expect(meta(d, "og:description")).toMatch(
          /\. El texto completo; \d+ pasajes? citados? por el mapa/,
        );
      }
    });
  });
});

describe("an event with markup in every field", () => {
  let out = "";
  const hostile = read<EventCollection>("tests/fixtures/share/events.geojson");
  const e = hostile.features[0]!;
  beforeAll(async () => {
    out = await buildPages("tests/fixtures/share/events.geojson");
  }, 120_000);

  it("comes out as text: in the title, the meta tags and the body", () => {
    const html = readFileSync(join(out, "e", e.id, "index.html"), "utf8");
    const d = parseHtml(html);
    expect(d.title).toBe(`${e.properties.title} · Venezuela situation map`);
    expect(meta(d, "og:title")).toBe(e.properties.title);
    expect(meta(d, "twitter:title")).toBe(e.properties.title);
    expect(d.querySelector("h1")?.textContent).toBe(e.properties.title);
    expect(d.body.textContent).toContain(e.properties.summary);
    expect(d.body.textContent).toContain(e.properties.place.name);
    expect(d.body.textContent).toContain("<i>actor</i>");
    // The only elements are the page's own: no script but the module, no img but the preview.
    expect([...d.querySelectorAll("script")].map((s) => s.getAttribute("src"))).toEqual([
      expect.stringMatching(/^\.\.\/\.\.\/assets\/open-event-.+\.js$/),
    ]);
    expect(d.querySelectorAll("img")).toHaveLength(1);
    expect(d.querySelectorAll("b, i")).toHaveLength(0);
    expect(html).not.toMatch(/<script>alert|<img src=x|<b>|<i>|<\/p><img/);
  });

  it("relative links without a site URL, and the alias page escapes the title too", () => {
    const d = doc(join(out, "e", e.id, "index.html"));
    expect(meta(d, "og:url")).toBe("./");
    expect(meta(d, "og:image")).toBe("preview.png");
    const alias = doc(join(out, "e", "old-markup-id", "index.html"));
    expect(alias.querySelector("main a")?.textContent).toBe(e.properties.title);
  });

  it("still makes its preview image", () => {
    const png = PNG.sync.read(readFileSync(join(out, "e", e.id, "preview.png")));
    expect([png.width, png.height]).toEqual([1200, 630]);
  });
});
