import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { minimalSelector } from "../../../src/model/curate/selector.ts";
import { anchorQuote } from "../../../src/model/text/anchor.ts";

function select(text: string, words: string, occurrence = 0) {
  let at = -1;
  for (let k = 0; k <= occurrence; k++) at = text.indexOf(words, at + 1);
  if (at === -1) throw new Error(`fixture lacks ${words}`);
  return minimalSelector(text, at, at + words.length);
}

describe("minimalSelector: the shortest selector that anchors the selection", () => {
  it("gives exact alone when the words occur once", () => {
    expect(select("The raid on January 3 ended at dawn.", "raid on January 3")).toEqual({
      ok: true,
      selector: { exact: "raid on January 3" },
    });
  });

  it("adds just enough context to pick the second of two occurrences", () => {
    const text = "Troops moved north. Later, troops moved south.";
    const result = select(text, "moved", 1);
    // "s " precedes both; two characters after are the shortest context that differs.
    expect(result).toEqual({ ok: true, selector: { exact: "moved", suffix: " s" } });
    if (!result.ok) return;
    const second = text.lastIndexOf("moved");
    expect(anchorQuote(text, result.selector)).toEqual({
      ok: true,
      start: second,
      end: second + 5,
    });
  });

  it("prefers a prefix when it is as short as a suffix", () => {
    const text = "Old port closed. New port closed.";
    expect(select(text, "port closed", 1)).toEqual({
      ok: true,
      selector: { exact: "port closed", prefix: "w " },
    });
  });

  it("uses a suffix where no prefix tells the occurrences apart", () => {
    const text = "a b x. a b y.";
    const result = select(text, "a b", 0);
    expect(result).toEqual({ ok: true, selector: { exact: "a b", suffix: " x" } });
  });

  it("trims whitespace at the selection's edges and refuses an empty one", () => {
    const text = "one  two three";
    expect(minimalSelector(text, 3, 9)).toEqual({ ok: true, selector: { exact: "two" } });
    expect(minimalSelector(text, 3, 5)).toEqual({ ok: false, reason: "empty" });
    expect(minimalSelector(text, 4, 4)).toEqual({ ok: false, reason: "empty" });
  });

  it("says when no context within the limit makes a repeat unique", () => {
    const text = "na ".repeat(200);
    expect(select(text, "na", 100)).toEqual({ ok: false, reason: "not-unique" });
  });

  it("anchors every sentence of a shipped document where the validator does", () => {
    const text = readFileSync("seeds/002_bf7bde4e343e88ef.txt", "utf8");
    for (const match of text.matchAll(/the\b/g)) {
      const result = minimalSelector(text, match.index, match.index + 3);
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      const anchored = anchorQuote(text, result.selector);
      expect(anchored).toEqual({ ok: true, start: match.index, end: match.index + 3 });
    }
  });
});
