import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import {
  hasInvisible,
  invisibleMarks,
  revealInvisible,
} from "../../../src/model/text/invisible.ts";

describe("revealInvisible", () => {
  it("shows bidirectional controls, zero-width and tag characters as marks", () => {
    expect(revealInvisible("was \u202Etnaligiv\u202C")).toBe("was ⟨U+202E⟩tnaligiv⟨U+202C⟩");
    expect(revealInvisible("Ma\u200Bduro\uFEFF")).toBe("Ma⟨U+200B⟩duro⟨U+FEFF⟩");
    expect(revealInvisible("a\u2066b\u2069\u200E\u061C")).toBe(
      "a⟨U+2066⟩b⟨U+2069⟩⟨U+200E⟩⟨U+061C⟩",
    );
    expect(revealInvisible("x\u{E0041}")).toBe("x⟨U+E0041⟩");
    expect(revealInvisible("soft\u00ADhyphen")).toBe("soft⟨U+00AD⟩hyphen");
  });

  it("leaves ordinary text, accents, Arabic and emoji alone", () => {
    for (const s of ["Nicolás Maduro «¡Sí!» — “ok”", "عربي", "🇻🇪 café", "a\tb\nc"]) {
      expect(revealInvisible(s)).toBe(s);
      expect(hasInvisible(s)).toBe(false);
    }
  });

  it("leaves no invisible character behind", () => {
    const all = Array.from({ length: 0x3000 }, (_, k) => String.fromCharCode(k)).join("");
    expect(hasInvisible(revealInvisible(all))).toBe(false);
  });

  it("lists the marks once each", () => {
    expect(invisibleMarks("\u200B\u200Ba\u202E")).toEqual(["⟨U+200B⟩", "⟨U+202E⟩"]);
  });

  it("finds none in the shipped documents (so the reader shows them unchanged)", () => {
    const dir = new URL("../../../seeds/", import.meta.url);
    for (const name of readdirSync(dir))
      expect(hasInvisible(readFileSync(new URL(name, dir), "utf8")), name).toBe(false);
  });
});
