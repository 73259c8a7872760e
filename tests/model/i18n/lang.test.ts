/** Which language a reader gets: the link's, else the first of the browser's that we speak. */
import { describe, expect, it } from "vitest";
import { browserLang, resolveLang } from "../../../src/model/i18n/lang.ts";

describe("the browser's languages", () => {
  it.each([
    [["es-VE", "en"], "es"],
    [["es"], "es"],
    [["ES-ar"], "es"],
    [["es_419"], "es"],
    [["en-US", "es"], "en"],
    [["fr-FR", "es-VE"], "es"],
    [["fr-FR", "de"], "en"],
    [["pt-BR"], "en"],
    [["esperanto"], "en"],
    [[], "en"],
    [undefined, "en"],
  ])("%j → %s", (languages, lang) => {
    expect(browserLang(languages)).toBe(lang);
  });

  it("yields to the link's choice", () => {
    expect(resolveLang("en", ["es-VE"])).toBe("en");
    expect(resolveLang("es", ["en-GB"])).toBe("es");
    expect(resolveLang(null, ["es-VE"])).toBe("es");
  });
});
