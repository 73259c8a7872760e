import { describe, expect, it } from "vitest";
import { problemsAt, quoteFromSelection, withCitation } from "../../../src/model/curate/cite.ts";
import { validateDraft } from "../../../src/model/curate/draft.ts";
import { sourceOffset } from "../../../src/model/curate/shown-offset.ts";
import { SRC, TEXT, withEvent } from "../../state/curate/fixtures.ts";

describe("quoteFromSelection", () => {
  it("quotes words that occur once with no context", () => {
    const start = TEXT.indexOf("dijo");
    expect(quoteFromSelection(TEXT, start, start + 4)).toEqual({
      ok: true,
      selector: { exact: "dijo" },
    });
  });

  it("gives a repeated «quote» just enough context", () => {
    const start = TEXT.lastIndexOf("«No hubo");
    const result = quoteFromSelection(TEXT, start, start + "«No hubo ataque»".length);
    expect(result.ok && result.selector.exact).toBe("«No hubo ataque»");
    expect(result.ok && (result.selector.prefix ?? "") + (result.selector.suffix ?? "")).not.toBe(
      "",
    );
  });

  it.each([
    ["blank", 19, 20, "empty"],
    ["across two paragraphs", 25, 45, "acrossPassages"],
  ])("refuses a %s selection, saying why", (_name, start, end, problem) => {
    expect(quoteFromSelection(TEXT, start, end)).toEqual({ ok: false, problem });
  });
});

describe("withCitation", () => {
  it("appends to the event, names the path, and leaves the draft given alone", () => {
    const draft = withEvent();
    const before = JSON.stringify(draft);
    const made = withCitation(draft, "a-statement", {
      source: SRC,
      exact: "dijo",
      stance: "reports",
      supports: "date",
    });
    expect(made?.path).toBe("features[0].properties.citations[1]");
    expect(made?.draft.events.features[0]?.properties.citations).toHaveLength(2);
    expect(JSON.stringify(draft)).toBe(before);
    expect(problemsAt(validateDraft(made!.draft).problems, made!.path)).toEqual([]);
    expect(
      withCitation(draft, "no-such-event", { source: SRC, exact: "x", stance: "reports" }),
    ).toBeUndefined();
  });

  it("finds the validator's message for that citation once its quote no longer anchors", () => {
    const made = withCitation(withEvent(), "a-statement", {
      source: SRC,
      exact: "Otro día",
      stance: "reports",
    })!;
    const edited = { ...made.draft, seeds: { [SRC]: TEXT.replace("Otro día", "Al otro día") } };
    const problems = problemsAt(validateDraft(edited).problems, made.path);
    expect(problems.map((p) => p.code)).toEqual(["quote-not-found"]);
    expect(
      problemsAt(validateDraft(edited).problems, "features[0].properties.citations[0]"),
    ).toEqual([]);
  });
});

describe("sourceOffset", () => {
  it("is the identity for text without invisible characters", () => {
    expect(sourceOffset("abc", 2, "start")).toBe(2);
  });

  it("maps past a shown mark, and takes a partly selected mark whole", () => {
    const text = "a\u202Eb";
    // shown: "a⟨U+202E⟩b"; the mark is 8 characters wide
    expect(sourceOffset(text, 9, "start")).toBe(2);
    expect(sourceOffset(text, 3, "start")).toBe(1);
    expect(sourceOffset(text, 3, "end")).toBe(2);
    expect(sourceOffset(text, 10, "end")).toBe(3);
  });
});
