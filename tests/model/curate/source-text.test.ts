import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { newSourceId, normaliseSourceText } from "../../../src/model/curate/source-text.ts";

describe("normaliseSourceText: line endings and BOM only", () => {
  it("turns CRLF and lone CR into LF and says so", () => {
    expect(normaliseSourceText("a\r\nb\rc\n")).toEqual({
      text: "a\nb\nc\n",
      removedBom: false,
      convertedLineEndings: true,
    });
  });

  it("drops a leading BOM and keeps everything else as given", () => {
    const raw = "\uFEFF«Dijo» —  “así”\n\n";
    expect(normaliseSourceText(raw)).toEqual({
      text: raw.slice(1),
      removedBom: true,
      convertedLineEndings: false,
    });
  });
});

describe("newSourceId: next sequence number and a content hash", () => {
  it("follows the highest number in use with SHA-256 of the text", async () => {
    const text = "«Texto» en español\n";
    const hash = createHash("sha256").update(text, "utf8").digest("hex").slice(0, 16);
    const ids = ["000_a4a6dae6575a9c10", "004_de622e2cc4caa2d4", "002_bf7bde4e343e88ef"];
    expect(await newSourceId(ids, text)).toBe(`005_${hash}`);
    expect(await newSourceId([], text)).toBe(`000_${hash}`);
  });

  it("matches the schema's id pattern", async () => {
    expect(await newSourceId(["custom-id"], "x")).toMatch(/^\d{3}_[0-9a-f]{16}$/);
  });
});
