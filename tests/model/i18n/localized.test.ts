/** Which text a reader sees: the curator's translation in their language, else the original,
 * said to be in English so the page can mark it. */
import { describe, expect, it } from "vitest";
import { localized } from "../../../src/model/i18n/localized.ts";

const t = { es: { title: "Incursión nocturna", summary: "  " } };

describe("localized", () => {
  it("shows the translation in its language", () => {
    expect(localized("Night raid", t, "title", "es")).toEqual({
      text: "Incursión nocturna",
      lang: "es",
    });
  });

  it("shows the original in English, whatever the translations", () => {
    expect(localized("Night raid", t, "title", "en")).toEqual({ text: "Night raid", lang: "en" });
  });

  it.each([
    ["no translations", undefined],
    ["a blank translation", t],
    ["a translation that is not text", { es: { summary: 42 } }],
  ])("falls back to the original, in English, with %s", (_why, translations) => {
    expect(localized("A summary", translations as typeof t, "summary", "es")).toEqual({
      text: "A summary",
      lang: "en",
    });
  });

  it("does not change its input", () => {
    const before = structuredClone(t);
    localized("Night raid", t, "title", "es");
    expect(t).toEqual(before);
  });
});
