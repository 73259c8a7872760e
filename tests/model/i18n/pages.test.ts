/**
 * The built pages' catalogue pair (src/model/i18n/{en,es}/pages.ts): the same keys and kinds in
 * both languages, each saying something, and each read by the page generators.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pages as en } from "../../../src/model/i18n/en/pages.ts";
import { pages as es } from "../../../src/model/i18n/es/pages.ts";

type Tree = { [k: string]: unknown };
function leaves(t: Tree, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(t)) {
    const key = `${prefix}${k}`;
    if (v && typeof v === "object") for (const e of leaves(v as Tree, `${key}.`)) out.set(...e);
    else out.set(key, v);
  }
  return out;
}

const EN = leaves(en);
const ES = leaves(es);
const dir = "src/model/share";
const code = readdirSync(dir)
  .map((f) => readFileSync(join(dir, f), "utf8"))
  .join("\n");

describe("the built pages' words", () => {
  it("list the same keys in both languages", () => {
    expect([...ES.keys()]).toEqual([...EN.keys()]);
  });

  it.each([...EN.keys()])("%s: the same kind, and says something in both", (key) => {
    const a = EN.get(key);
    const b = ES.get(key);
    expect(typeof b).toBe(typeof a);
    const say = (m: unknown) =>
      typeof m === "function" ? String(m(...Array.from({ length: m.length }, () => 2))) : m;
    if (typeof a === "function") expect((b as () => string).length).toBe(a.length);
    expect(String(say(a)).trim()).not.toBe("");
    expect(String(say(b)).trim()).not.toBe("");
  });

  it("are each read by the page generators, by key or by their group whole", () => {
    const used = (key: string) => {
      const group = key.split(".")[0]!;
      return code.includes(`.${key}`) || new RegExp(`\\.${group}\\b(?![.\\w])`).test(code);
    };
    expect([...EN.keys()].filter((k) => !used(k))).toEqual([]);
  });

  it("name the other language in its own words", () => {
    expect(en.other).toEqual({ label: "Leer en español", lang: "es" });
    expect(es.other).toEqual({ label: "Read in English", lang: "en" });
  });
});
