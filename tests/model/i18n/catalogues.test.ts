/**
 * The catalogues: every key of the English one is in the Spanish one and the other way round,
 * each entry of the same kind (a text, a function of the same arity, a group of the same keys);
 * every key is used by some file in src/; and each message says something in both languages.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import * as i18n from "@solid-primitives/i18n";
import { describe, expect, it } from "vitest";
import { en } from "../../../src/model/i18n/catalogue.ts";
import { es } from "../../../src/model/i18n/es/index.ts";
import { curate as curateEn } from "../../../src/model/i18n/en/curate.ts";
import { embed as embedEn } from "../../../src/model/i18n/en/embed.ts";
import { filters as filtersEn } from "../../../src/model/i18n/en/filters.ts";
import { image as imageEn } from "../../../src/model/i18n/en/image.ts";
import { mapNotices as mapNoticesEn } from "../../../src/model/i18n/en/map-notices.ts";
import { reader as readerEn } from "../../../src/model/i18n/en/reader.ts";
import { scope as scopeEn } from "../../../src/model/i18n/en/scope.ts";
import { curate as curateEs } from "../../../src/model/i18n/es/curate.ts";
import { embed as embedEs } from "../../../src/model/i18n/es/embed.ts";
import { filters as filtersEs } from "../../../src/model/i18n/es/filters.ts";
import { image as imageEs } from "../../../src/model/i18n/es/image.ts";
import { mapNotices as mapNoticesEs } from "../../../src/model/i18n/es/map-notices.ts";
import { reader as readerEs } from "../../../src/model/i18n/es/reader.ts";
import { scope as scopeEs } from "../../../src/model/i18n/es/scope.ts";

type Flat = Record<string, unknown>;
const flat = (m: object): Flat => i18n.flatten(m as i18n.BaseRecordDict) as Flat;
/** The leaves: a text or a function (groups such as playback.modes are flattened into them). */
const leaves = (m: object): Map<string, unknown> =>
  new Map(
    Object.entries(flat(m)).filter(([, v]) => typeof v === "string" || typeof v === "function"),
  );

/** Every .ts and .tsx file under src/, outside the catalogues themselves. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory())
      return path.endsWith(join("model", "i18n")) ? [] : sources(path);
    return /\.tsx?$/.test(name) ? [readFileSync(path, "utf8")] : [];
  });
}

describe("the message catalogues", () => {
  const EN = leaves(en);
  const ES = leaves(es);

  it("lists every English key in Spanish", () => {
    expect([...EN.keys()].filter((k) => !ES.has(k))).toEqual([]);
  });

  it("lists no Spanish key that English lacks", () => {
    expect([...ES.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it("finds a key missing from a catalogue (the check above can fail)", () => {
    const broken = { ...es, story: { ...es.story } } as Record<string, object>;
    delete (broken.story as Record<string, unknown>).next;
    expect([...EN.keys()].filter((k) => !leaves(broken).has(k))).toEqual(["story.next"]);
  });

  it.each([...EN.keys()])("%s: the same kind of message in both", (key) => {
    const a = EN.get(key);
    const b = ES.get(key);
    expect(typeof b).toBe(typeof a);
    if (typeof a === "function") expect((b as () => string).length).toBe(a.length);
    const say = (m: unknown) =>
      typeof m === "function" ? String(m(...Array.from({ length: m.length }, () => 3))) : m;
    expect(String(say(a)).trim()).not.toBe("");
    expect(String(say(b)).trim()).not.toBe("");
  });

  it("uses every key somewhere in src/ (by its dotted name, or its group's)", () => {
    const code = sources("src").join("\n");
    const used = (key: string) => {
      const parts = key.split(".");
      // A group may be read whole (t("playback.modes")[mode], t("dates")): it counts for its keys.
      const groups = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("."));
      return code.includes(`"${key}"`) || groups.some((g) => code.includes(`t("${g}")`));
    };
    expect([...EN.keys()].filter((k) => !used(k))).toEqual([]);
  });
});

/** The lazy areas' pairs: each file name, and its English and Spanish catalogues. */
const PAIRS = [
  ["curate", curateEn, curateEs],
  ["embed", embedEn, embedEs],
  ["filters", filtersEn, filtersEs],
  ["image", imageEn, imageEs],
  ["map-notices", mapNoticesEn, mapNoticesEs],
  ["reader", readerEn, readerEs],
  ["scope", scopeEn, scopeEs],
] as const;

/**
 * A lazy area's pair (read through useAreaText as `words().group.key`, or handed to the model):
 * the same checks, and it is used by its chunk only, never by the catalogue the first chunk loads.
 */
describe.each(PAIRS)("the %s catalogues", (area, pairEn, pairEs) => {
  const EN = leaves(pairEn);
  const ES = leaves(pairEs);

  it("list the same keys in both languages", () => {
    expect([...EN.keys()].filter((k) => !ES.has(k))).toEqual([]);
    expect([...ES.keys()].filter((k) => !EN.has(k))).toEqual([]);
  });

  it.each([...EN.keys()])("%s: the same kind of message in both", (key) => {
    const a = EN.get(key);
    const b = ES.get(key);
    expect(typeof b).toBe(typeof a);
    if (typeof a === "function") expect((b as () => string).length).toBe(a.length);
    // Curate's messages take numbers, texts or lists: the first sample each accepts.
    const call = (m: (...args: unknown[]) => unknown) => {
      for (const sample of [3, "3", ["3"]]) {
        try {
          return String(m(...Array.from({ length: m.length }, () => sample)));
        } catch {}
      }
      return "";
    };
    const say = (m: unknown) => (typeof m === "function" ? call(m as () => unknown) : m);
    expect(String(say(b)).trim()).not.toBe("");
    expect(String(say(a)).trim()).not.toBe("");
  });

  /** Read as `.group.key`, or a group whole: indexed (`.cite.stances[v]`) or passed on
   * (`words().decodeFile`). */
  const usedIn = (code: string) => (key: string) => {
    const parts = key.split(".");
    const groups = parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join("."));
    const dotted = (k: string) => k.replaceAll(".", "\\.");
    return (
      new RegExp(`\\.${dotted(key)}\\b(?!\\.)`).test(code) ||
      groups.some((g) =>
        new RegExp(`\\.${dotted(g)}\\[|\\(\\)\\.${dotted(g)}(?![.\\w])`).test(code),
      )
    );
  };

  it("uses every key somewhere in src/", () => {
    const code = sources("src").join("\n");
    expect([...EN.keys()].filter((k) => !usedIn(code)(k))).toEqual([]);
  });

  it("finds a key used nowhere (the check above can fail)", () => {
    const code = "words().panel.heading; words().cite.stances[v]; f(words().decodeFile)";
    expect(usedIn(code)("panel.heading")).toBe(true);
    expect(usedIn(code)("cite.stances.denies")).toBe(true);
    expect(usedIn(code)("decodeFile.empty")).toBe(true);
    expect(usedIn(code)("panel.leave")).toBe(false);
  });

  it("stays out of the catalogue the first chunk loads", () => {
    for (const lang of ["en", "es"]) {
      const index = readFileSync(`src/model/i18n/${lang}/index.ts`, "utf8");
      expect(index).not.toMatch(new RegExp(`/${area}\\.ts`));
    }
    expect(Object.keys(en)).not.toContain(area);
  });
});
