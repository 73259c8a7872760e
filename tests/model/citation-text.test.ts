import { describe, expect, it } from "vitest";
import { citationText } from "../../src/model/citation-text.ts";

const source = {
  id: "002_x",
  title: "Fifth tanker seized",
  outlet: "Reuters",
  published: { date: "2026-01-09", precision: "day" as const, basis: "" },
};

describe("citationText", () => {
  it("gives the quote, title, outlet, date and link, a line each", () => {
    expect(citationText("the fifth\n tanker", source, "002_x", "https://x/#source=002_x")).toBe(
      "“the fifth tanker”\n— Fifth tanker seized, Reuters, 9 Jan 2026\nhttps://x/#source=002_x",
    );
  });

  it("says an approximate date is approximate, and leaves out an unnamed outlet", () => {
    const s = {
      ...source,
      outlet: null,
      published: { ...source.published, precision: "month" as const },
    };
    expect(citationText("q", s, "002_x", "L")).toBe("“q”\n— Fifth tanker seized, c. 9 Jan 2026\nL");
  });

  it("names an unknown source by its id", () => {
    expect(citationText("q", undefined, "009", "L")).toBe("“q”\n— 009\nL");
  });

  it("shows invisible and bidi-control characters as marks, as the page does", () => {
    expect(citationText("was \u202eeslaf\u202c Ma\u200bduro", undefined, "009", "L")).toBe(
      "“was ⟨U+202E⟩eslaf⟨U+202C⟩ Ma⟨U+200B⟩duro”\n— 009\nL",
    );
  });
});
