import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { foldForSearch } from "../../../src/model/query/search-text.ts";

describe("foldForSearch", () => {
  it("folds for search", () => {
    expect(foldForSearch("Nicolás  “Maduro” — X")).toBe('nicolas "maduro" - x');
  });
  it.each([
    ["Plain ASCII, Upper Case", "plain ascii, upper case"],
    ["two  spaces", "two spaces"],
    ["tab\tand\nnewline", "tab and newline"],
    ["El Rodeo I (#12)", "el rodeo i (#12)"],
    ["Title \u0001 Summary", "title \u0001 summary"],
    ["Bogotá – ‘quoted’", "bogota - 'quoted'"],
  ])("folds %j to %j (plain ASCII is only lowercased)", (s, folded) => {
    expect(foldForSearch(s)).toBe(folded);
  });
});

describe("foldForSearch on Latin-1 text", () => {
  // The general folding, spelled out: what the Latin-1 table must agree with.
  const reference = (s: string) =>
    s
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[‘’‚‛]/g, "'")
      .replace(/[“”„]/g, '"')
      .replace(/[‐-―−]/g, "-")
      .replace(/\s+/g, " ")
      .toLowerCase();

  it("folds every Latin-1 text as the general folding does", () => {
    const latin1 = fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(latin1, fc.constantFrom("á", "Ñ", "  ", "\u00a0", "ß", "Ø", "ÿ", "A")), {
          maxLength: 40,
        }),
        (cs) => {
          const s = cs.join("");
          expect(foldForSearch(s)).toBe(reference(s));
        },
      ),
      { numRuns: 2000 },
    );
    for (let c = 0; c <= 0xff; c++)
      expect(foldForSearch(`x${String.fromCharCode(c)}á`)).toBe(
        reference(`x${String.fromCharCode(c)}á`),
      );
  });

  it("folds accented place names to what a plain search types", () => {
    expect(foldForSearch("Bogotá, Cúcuta  y Maiquetía")).toBe("bogota, cucuta y maiquetia");
    expect(foldForSearch("Rodríguez’s")).toBe("rodriguez's");
  });
});
