import { describe, expect, it } from "vitest";
import {
  EMPTY_SOURCE_FORM,
  lineageChoices,
  makeSourceRecord,
  sourceFormProblems,
  withSource,
} from "../../../src/model/curate/add-source.ts";
import { validateDraft } from "../../../src/model/curate/draft.ts";
import {
  MAX_SOURCE_BYTES,
  decodeMessage,
  decodePastedText,
} from "../../../src/model/curate/source-text.ts";
import { curate } from "../../../src/model/i18n/en/curate.ts";
import { makeBase } from "../../state/curate/fixtures.ts";

const filled = () => ({
  ...EMPTY_SOURCE_FORM,
  title: "  Un informe  ",
  date: "2026-01-12",
  basis: "Fechado en su cabecera.",
  language: "es",
});

describe("sourceFormProblems", () => {
  it("names each missing field", () => {
    expect(Object.keys(sourceFormProblems(EMPTY_SOURCE_FORM)).sort()).toEqual([
      "basis",
      "date",
      "title",
    ]);
  });

  it("accepts no date when the precision is unknown, and asks why a lineage holds", () => {
    const form = { ...filled(), date: "", precision: "unknown" as const, retells: "000_x" };
    expect(sourceFormProblems(form)).toEqual({
      retellsBasis: "noRetellsBasis",
    });
  });

  it("refuses a language that is not a BCP 47 tag", () => {
    expect(sourceFormProblems({ ...filled(), language: "Spanish" }).language).toBe("badLanguage");
  });
});

describe("makeSourceRecord and withSource", () => {
  it("make a record the validator accepts, with the next id, and leave the draft as it was", async () => {
    const base = makeBase();
    const before = JSON.stringify(base);
    const text = "«No hubo tal alerta», dijo el ministerio.\n";
    const record = await makeSourceRecord(base, filled(), text);
    expect(record.id).toMatch(/^001_[0-9a-f]{16}$/);
    expect(record).toMatchObject({ title: "Un informe", outlet: null, language: "es" });
    const next = withSource(base, record, text);
    expect(JSON.stringify(base)).toBe(before);
    expect(next.seeds[record.id]).toBe(text);
    expect(validateDraft(next).problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("records the lineage chosen, which the validator then checks", async () => {
    const base = makeBase();
    const form = { ...filled(), retells: "000_0000000000000000", retellsBasis: "Same claims." };
    const record = await makeSourceRecord(base, form, "Texto.");
    expect(record.retells).toEqual([{ of: "000_0000000000000000", basis: "Same claims." }]);
    expect(lineageChoices(base).map((c) => c.id)).toEqual(["000_0000000000000000"]);
  });
});

describe("decodePastedText", () => {
  it("normalises line endings and says so", () => {
    expect(decodePastedText("a\r\nb")).toEqual({
      ok: true,
      text: "a\nb",
      removedBom: false,
      convertedLineEndings: true,
    });
  });

  it.each([
    ["empty", "  \n ", /empty/],
    ["binary", "a\0b", /NUL/],
    ["over the limit", "x".repeat(MAX_SOURCE_BYTES + 1), /at most 2097152 bytes \(2 MiB\)/],
  ])("refuses %s text, worded by the catalogue", (_name, raw, message) => {
    const result = decodePastedText(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && decodeMessage(curate.decodeText, result.problem)).toMatch(message);
  });
});
