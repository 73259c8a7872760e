/**
 * The `lang=` key: en and es round-trip, the key is written after the story and before v, a link
 * without it leaves the choice to the browser, and hostile values are dropped with a note while
 * the rest of the link applies.
 */
import { describe, expect, it } from "vitest";
import { emptyViewState } from "../../../src/model/view-state.ts";
import { formatHash, parseHash, parseLocation } from "../../../src/model/url/state.ts";
import { formatLang } from "../../../src/model/url/lang.ts";
import { stateProblems } from "../../../src/model/url/validate.ts";
import type { Lang } from "../../../src/model/i18n/lang.ts";

describe("lang= in the URL", () => {
  it.each([
    ["es", "#lang=es&v=2"],
    ["en", "#lang=en&v=2"],
  ] as const)("%s round-trips as %s", (lang, hash) => {
    const state = { ...emptyViewState(), lang };
    expect(formatHash(state)).toBe(hash);
    const parsed = parseHash(hash);
    expect(parsed).toEqual({ state, ignored: [], legacy: false });
    expect(stateProblems(parsed.state)).toEqual([]);
  });

  it("is not written when the browser decides", () => {
    expect(formatHash(emptyViewState())).toBe("");
    expect(parseHash("#cat=raid").state.lang).toBeNull();
  });

  it("is written after the story and before v", () => {
    const hash = formatHash({
      ...emptyViewState(),
      basemap: "streets",
      story: { id: "carrier-to-raid", step: 3 },
      lang: "es",
    });
    expect(hash).toBe("#basemap=streets&story=carrier-to-raid&step=3&lang=es&v=2");
  });

  it("is read from the query string too, and the hash wins", () => {
    expect(parseLocation("?lang=es", "").state.lang).toBe("es");
    expect(parseLocation("?lang=es", "#lang=en").state.lang).toBe("en");
  });

  it.each([
    ["ES", "is not en or es"],
    ["es-VE", "is not en or es"],
    ["fr", "is not en or es"],
    ["es,en", "is not en or es"],
    ["%3Cscript%3Ealert(1)%3C%2Fscript%3E", "is not en or es"],
    ["%E0%A4%A", "malformed percent-encoding"],
    ["e%00s", "is not en or es"],
    ["__proto__", "is not en or es"],
  ])("lang=%s is ignored with a note, and the rest of the link applies", (value, why) => {
    const r = parseHash(`#lang=${value}&cat=raid`);
    expect(r.state.lang).toBeNull();
    expect(r.state.filters.categories).toEqual(["raid"]);
    expect(r.ignored).toHaveLength(1);
    expect(r.ignored[0]).toContain(why);
  });

  it("keeps the first of two", () => {
    const r = parseHash("#lang=es&lang=en");
    expect(r.state.lang).toBe("es");
    expect(r.ignored[0]).toContain("repeated key");
  });

  it("never writes a value that is not a language", () => {
    expect(formatLang("fr" as Lang)).toBe("");
    expect(formatHash({ ...emptyViewState(), lang: "<b>" as Lang })).toBe("");
    expect(stateProblems({ ...emptyViewState(), lang: "fr" as Lang })).toEqual(["lang"]);
  });
});
