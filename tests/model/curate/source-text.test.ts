import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  MAX_SOURCE_BYTES,
  decodeSourceFile,
  newSourceId,
  normaliseSourceText,
} from "../../../src/model/curate/source-text.ts";

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

describe("decodeSourceFile: bad input gets a message", () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it("reads UTF-8 with a BOM and CRLF, saying what it changed", () => {
    expect(decodeSourceFile(utf8("\uFEFF«Sí»\r\n"))).toEqual({
      ok: true,
      text: "«Sí»\n",
      removedBom: true,
      convertedLineEndings: true,
    });
  });

  it("refuses Windows-1252, binary, empty and oversized files, naming the limit", () => {
    expect(decodeSourceFile(new Uint8Array([0x53, 0xed, 0x0a]))).toMatchObject({
      ok: false,
      problem: { code: "notUtf8" },
    });
    expect(decodeSourceFile(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0]))).toMatchObject({
      ok: false,
      problem: { code: "binary" },
    });
    expect(decodeSourceFile(utf8(" \n\n"))).toEqual({ ok: false, problem: { code: "empty" } });
    const huge = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    expect(decodeSourceFile(huge)).toMatchObject({
      ok: false,
      problem: { code: "tooLarge", bytes: MAX_SOURCE_BYTES + 1 },
    });
    expect(decodeSourceFile(huge.subarray(1))).toMatchObject({ ok: true });
  });
});
