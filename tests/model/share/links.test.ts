import { describe, expect, it } from "vitest";
import { appLinkFromEventPage } from "../../../src/model/share/event-redirect.ts";
import { embedCode, shareUrl, siteRoot } from "../../../src/model/share/share-link.ts";
import { maybeSiteUrl, siteLink } from "../../../src/model/share/site-url.ts";
import { parseHash } from "../../../src/model/url/state.ts";
import { emptyViewState, type ViewState } from "../../../src/model/view-state.ts";

const view = (over: Partial<ViewState> = {}): ViewState => ({ ...emptyViewState(), ...over });
const camera = { zoom: 9, lat: 10.5, lng: -66.9, bearing: 0, pitch: 0 };

describe("maybeSiteUrl and siteLink", () => {
  it.each([
    ["https://example.org/map", "https://example.org/map/"],
    ["https://example.org/map///", "https://example.org/map/"],
    ["http://127.0.0.1:4173/?x=1#y", "http://127.0.0.1:4173/"],
    ["ftp://example.org/", null],
    ["not a url", null],
    ["", null],
    [undefined, null],
  ])("%s → %s", (value, site) => {
    expect(maybeSiteUrl(value)).toBe(site);
  });

  it("is absolute under a site URL, else relative to the page's depth", () => {
    expect(siteLink("https://example.org/m/", "e/raid/", 2)).toBe("https://example.org/m/e/raid/");
    expect(siteLink(null, "e/raid/", 2)).toBe("../../e/raid/");
    expect(siteLink(null, "", 0)).toBe("./");
  });
});

describe("shareUrl", () => {
  const app = "https://example.org/m/index.html?x=1#event=old";
  it("gives the site root whatever page the app was opened as", () => {
    expect(siteRoot(app)).toBe("https://example.org/m/");
    expect(siteRoot("https://example.org/m/")).toBe("https://example.org/m/");
  });

  it("with an event open: the event's page, the rest of the view as its hash", () => {
    const url = shareUrl(app, view({ event: "caracas-night-raid", camera, embed: true }));
    expect(url).toBe("https://example.org/m/e/caracas-night-raid/#map=9/10.5/-66.9&v=2");
  });

  it("in Spanish, the event's Spanish page", () => {
    expect(shareUrl(app, view({ event: "raid", lang: "es" }), "es")).toBe(
      "https://example.org/m/es/e/raid/#lang=es&v=2",
    );
    // Spanish from the browser's languages, with no lang= in the view: still its Spanish page.
    expect(shareUrl(app, view({ event: "raid" }), "es")).toBe("https://example.org/m/es/e/raid/");
  });

  it("with nothing else in the view, the event page alone", () => {
    expect(shareUrl(app, view({ event: "raid" }))).toBe("https://example.org/m/e/raid/");
  });

  it("without an event, or for another dataset, the app's hash link", () => {
    expect(shareUrl(app, view({ camera }))).toBe("https://example.org/m/#map=9/10.5/-66.9&v=2");
    const other = shareUrl(app, view({ event: "x", data: "data/other.geojson" }));
    expect(other.startsWith("https://example.org/m/#")).toBe(true);
    expect(parseHash(other.split("#")[1]!).state).toMatchObject({
      event: "x",
      data: "data/other.geojson",
    });
  });
});

describe("embedCode", () => {
  it("is an iframe of the embed view, its attributes escaped", () => {
    const code = embedCode("https://example.org/m/", view({ event: "raid" }), 'Map "A" & <B>');
    expect(code).toBe(
      '<iframe src="https://example.org/m/#event=raid&amp;embed=1&amp;v=2" width="640" height="480" style="border:0" title="Map &quot;A&quot; &amp; &lt;B&gt;" loading="lazy"></iframe>',
    );
  });
});

describe("appLinkFromEventPage", () => {
  it.each([
    ["", "../../#event=raid&v=2"],
    ["#", "../../#event=raid&v=2"],
    ["#map=9/10.5/-66.9&cat=raid&v=2", "../../#event=raid&map=9/10.5/-66.9&cat=raid&v=2"],
    // The page's own id wins over one in the hash, v2 or v1.
    ["#event=other&e=older&q=x", "../../#event=raid&q=x&v=2"],
  ])("%s → %s", (hash, link) => {
    expect(appLinkFromEventPage("raid", hash)).toBe(link);
  });

  it("from a page in Spanish: up three folders, and the app in Spanish unless the link says", () => {
    expect(appLinkFromEventPage("raid", "#map=9/10.5/-66.9", "../../../", "es")).toBe(
      "../../../#event=raid&map=9/10.5/-66.9&lang=es&v=2",
    );
    expect(appLinkFromEventPage("raid", "#lang=en&v=2", "../../../", "es")).toBe(
      "../../../#event=raid&lang=en&v=2",
    );
  });

  it("opens that event, whatever else the link says", () => {
    const link = appLinkFromEventPage("raid", "#event=other&from=2026-01-01&v=2");
    const parsed = parseHash(link.split("#")[1]!);
    expect(parsed.state.event).toBe("raid");
    expect(parsed.state.filters.from).toBe("2026-01-01");
    expect(parsed.ignored).toEqual([]);
  });
});
