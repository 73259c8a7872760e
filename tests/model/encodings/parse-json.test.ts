import { describe, expect, it } from "vitest";
import { parseJson } from "../../../src/model/encodings/parse-json.ts";

describe("parseJson", () => {
  it("returns the value and where each value is", () => {
    const result = parseJson('{\n  "a": [1, {"b": true}]\n}', "x.json");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toEqual({ a: [1, { b: true }] });
    expect(result.offsets.get("a[1].b")).toBe(19);
  });

  it.each([
    { text: '{\n  "a": 1\n  "b": 2\n}', line: 3, column: 3, says: "missing comma" },
    { text: '{\n  "a": 1,\n}', line: 3, column: 1, says: "trailing comma" },
    { text: "[1, 2,\n  3", line: 2, column: 4, says: "found end of file" },
    {
      text: '{"a": "line\nbreak"}',
      line: 1,
      column: 12,
      says: "control character inside a string",
    },
    { text: "", line: 1, column: 1, says: "expected a value" },
    { text: "{}}", line: 1, column: 3, says: "after the end" },
    { text: "{'a': 1}", line: 1, column: 2, says: "property name in double quotes" },
  ])("locates $says at $line:$column", ({ text, line, column, says }) => {
    const result = parseJson(text, "broken.json");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({
      file: "broken.json",
      code: "invalid-json",
      severity: "error",
      line,
      column,
    });
    expect(result.problem.message).toContain(says);
  });

  it("accepts a byte-order mark", () => {
    expect(parseJson('\uFEFF{"a": 1}', "bom.json")).toMatchObject({ ok: true, value: { a: 1 } });
  });
});
