import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  anchorQuote,
  closestPassage,
  foldText,
  sentenceContext,
} from "../../../src/model/text/anchor.ts";

function seed(id: string): string {
  return readFileSync(new URL(`../../../seeds/${id}.txt`, import.meta.url), "utf8");
}

describe("foldText", () => {
  it("maps typographic quotes and dashes to ASCII, one character for one", () => {
    const text = "‘a’ ‚b‛ “c” „d″ e–f—g‒h―i−j ′";
    const { folded, toOriginal } = foldText(text);
    expect(folded).toBe(`'a' 'b' "c" "d" e-f-g-h-i-j '`);
    expect(toOriginal).toEqual([...Array(text.length + 1).keys()]);
  });

  it("collapses whitespace runs, newlines included, and maps back to the run's start", () => {
    const text = "one  \n\t two\nthree ";
    const { folded, toOriginal } = foldText(text);
    expect(folded).toBe("one two three ");
    expect(toOriginal[3]).toBe(3); // the space stands for "  \n\t "
    expect(toOriginal[4]).toBe(text.indexOf("two"));
    expect(toOriginal[8]).toBe(text.indexOf("three"));
    expect(toOriginal.at(-1)).toBe(text.length);
  });

  it("keeps case unless asked", () => {
    expect(foldText("Maduro’s").folded).toBe("Maduro's");
    expect(foldText("Maduro’s", { ignoreCase: true }).folded).toBe("maduro's");
  });
});

describe("anchorQuote", () => {
  const finnews = seed("001_63de899742715ce7");

  it("finds a quote typed with straight quotes in a source with curly ones, with original offsets", () => {
    const exact = `"Venezuela is in absolute calm, peace, and stability," the ministry said`;
    const result = anchorQuote(finnews, { exact });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(finnews.slice(result.start, result.end)).toBe(
      "“Venezuela is in absolute calm, peace, and stability,” the ministry said",
    );
  });

  it("matches across a line break in the source", () => {
    const source = seed("000_a4a6dae6575a9c10");
    const across = anchorQuote(source, {
      exact: "political upheaval. State Department Issues Critical Security Alert",
    });
    expect(across.ok).toBe(true);
    if (across.ok)
      expect(source.slice(across.start, across.end)).toBe(
        "political upheaval.\nState Department Issues Critical Security Alert",
      );
  });

  it("folds em-dashes in the source", () => {
    const realist = seed("004_de622e2cc4caa2d4");
    const result = anchorQuote(realist, {
      exact: "narcotics trafficking - allegations he rejects",
    });
    expect(result.ok).toBe(true);
    if (result.ok)
      expect(realist.slice(result.start, result.end)).toBe(
        "narcotics trafficking — allegations he rejects",
      );
  });

  it("reports an ambiguous quote with every occurrence", () => {
    const result = anchorQuote(finnews, { exact: "colectivos" });
    expect(result).toEqual({ ok: false, reason: "ambiguous", count: 2, starts: [385, 2071] });
    expect(finnews.slice(2071, 2071 + "colectivos".length)).toBe("colectivos");
  });

  it("picks one occurrence by prefix or by suffix", () => {
    const byPrefix = anchorQuote(finnews, { exact: "colectivos", prefix: "members of the " });
    const bySuffix = anchorQuote(finnews, {
      exact: "colectivos",
      suffix: ", setting up roadblocks",
    });
    expect(byPrefix).toEqual({ ok: true, start: 2071, end: 2081 });
    expect(bySuffix).toEqual({ ok: true, start: 385, end: 395 });
  });

  it("tells apart a quote that occurs but never with the given prefix", () => {
    expect(anchorQuote(finnews, { exact: "colectivos", prefix: "gangs called" })).toMatchObject({
      reason: "context-mismatch",
      count: 2,
    });
  });

  it("points a quote that is not found at the closest passage", () => {
    const result = anchorQuote(finnews, {
      exact: "the state department warning was based on made-up accounts",
    });
    expect(result.ok).toBe(false);
    if (result.ok || result.reason !== "not-found") throw new Error("expected not-found");
    expect(result.closest.text).toContain(
      "the state department warning was “based on fabricated accounts",
    );
    expect(finnews.slice(result.closest.start, result.closest.end)).toBe(result.closest.text);
    expect(result.closest.score).toBeGreaterThan(0.5);
    expect(result.closest.score).toBeLessThan(1);
  });

  it("treats an empty quote as not found", () => {
    expect(anchorQuote(finnews, { exact: "  " })).toMatchObject({ ok: false, reason: "not-found" });
  });

  it("does not modify the selector", () => {
    const selector = Object.freeze({ exact: "colectivos", prefix: "members of the " });
    anchorQuote(finnews, selector);
    expect(selector).toEqual({ exact: "colectivos", prefix: "members of the " });
  });
});

describe("closestPassage", () => {
  it("finds nothing in an empty source", () => {
    expect(closestPassage("", "anything")).toEqual({ start: 0, end: 0, text: "", score: 0 });
  });

  it("scores an exact passage 1", () => {
    expect(closestPassage("a b c d", "b c").score).toBe(1);
  });
});

describe("sentenceContext", () => {
  it("gives the previous and the next sentence around a quote", () => {
    const cnn = seed("003_4bd8e0f197e7c778");
    const exact = "This was a CIA drone strike that hit a port facility";
    const result = anchorQuote(cnn, { exact });
    if (!result.ok) throw new Error("quote should anchor");
    expect(sentenceContext(cnn, result.start, result.end)).toEqual({
      before:
        "The US has conducted strikes on suspected drug boats and, in a significant escalation in December, carried out its first strike on a land target within Venezuela. ",
      quote: exact,
      after:
        ", as reported by CNN.\nFurthermore, the US has employed financial tactics such as a blockade of sanctioned oil vessels.",
    });
  });

  it("does not end a sentence at initials like U.S. or R.", () => {
    const realist = seed("004_de622e2cc4caa2d4");
    const result = anchorQuote(realist, { exact: "joining at least seven other U.S. warships" });
    if (!result.ok) throw new Error("quote should anchor");
    const context = sentenceContext(realist, result.start, result.end);
    expect(context.before).toBe(
      "The military buildup continues. The aircraft carrier USS Gerald R. Ford and its strike group arrived in the Caribbean on November 16, ",
    );
    expect(context.after).toMatch(/^, a nuclear submarine and F-35 aircraft\. While the Pentagon/);
  });

  it("treats a line break as a sentence boundary (headlines have no full stop)", () => {
    const text = "Headline here\nFirst sentence. Quoted bit. Last one.";
    const start = text.indexOf("Quoted");
    expect(sentenceContext(text, start, start + "Quoted bit.".length)).toEqual({
      before: "First sentence. ",
      quote: "Quoted bit.",
      after: " Last one.",
    });
    const first = text.indexOf("First");
    expect(sentenceContext(text, first, first + 5).before).toBe("Headline here\n");
  });

  it("copes with offsets at and beyond the edges", () => {
    expect(sentenceContext("One. Two.", 0, 99)).toEqual({
      before: "",
      quote: "One. Two.",
      after: "",
    });
    expect(sentenceContext("", 3, 1)).toEqual({ before: "", quote: "", after: "" });
  });
});
