import { describe, expect, it } from "vitest";
import { foldText } from "../../../src/model/text/anchor.ts";
import { foldForSearch } from "../../../src/model/query/search-text.ts";
import { foldLatin1, foldPunctuation, PUNCTUATION_FOLDS } from "../../../src/model/text/fold.ts";

describe("the one folding table", () => {
  const typographic = Object.keys(PUNCTUATION_FOLDS);

  it("folds every typographic quote, prime and dash to ASCII, one character for one", () => {
    for (const c of typographic) {
      const folded = foldPunctuation(`a${c}b`);
      expect(folded).toHaveLength(3);
      expect(folded[1]).toMatch(/^['"-]$/);
    }
    expect(foldPunctuation("plain 'ascii' - text")).toBe("plain 'ascii' - text");
  });

  it("is what quote anchoring and search both fold: a passage typed straight finds the typographic text", () => {
    for (const c of typographic) {
      const source = `He said ${c}yes${c} on Monday`;
      const straight = `He said ${PUNCTUATION_FOLDS[c]}yes${PUNCTUATION_FOLDS[c]} on Monday`;
      expect(foldText(source).folded).toBe(straight);
      expect(foldForSearch(source)).toBe(straight.toLowerCase());
    }
  });

  it("drops Latin-1 accents letter by letter", () => {
    expect(foldLatin1("Cúcuta, Bogotá, Maiquetía, Ñ")).toBe("Cucuta, Bogota, Maiquetia, N");
  });
});
