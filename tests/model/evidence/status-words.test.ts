import { describe, expect, it } from "vitest";
import { countEvidence } from "../../../src/model/evidence/origins.ts";
import { listWords, statusWords } from "../../../src/model/evidence/status-words.ts";
import { status as es } from "../../../src/model/i18n/es/status.ts";
import type { Citation } from "../../../src/model/types.ts";

const c = (
  source: string,
  stance: Citation["stance"],
  supports?: Citation["supports"],
): Citation => ({ source, exact: "x", stance, ...(supports ? { supports } : {}) });
const nameOf = (origin: string) => (origin === "r" ? "an unnamed report" : origin);

describe("statusWords", () => {
  it("says one origin told in three documents, not three sources", () => {
    const ev = countEvidence(
      [c("d1", "reports"), c("d2", "reports"), c("d3", "reports"), c("d3", "reports", "date")],
      false,
      () => "r",
    );
    expect(statusWords("reported", ev, nameOf)).toEqual({
      label: "Reported",
      brief: "1 origin",
      tag: "1 origin",
      detail: "1 origin, told in 3 documents",
      sentence: "Reported: 1 origin, told in 3 documents",
    });
  });

  it("counts independent origins for a corroborated event", () => {
    const ev = countEvidence(
      [c("d1", "reports"), c("d2", "reports")],
      false,
      (k) => ["d1", "d2"][k]!,
    );
    expect(statusWords("corroborated", ev, nameOf).sentence).toBe(
      "Corroborated: 2 independent origins",
    );
  });

  it("names who denies a disputed event", () => {
    const ev = countEvidence(
      [c("d1", "claims"), c("d2", "denies"), c("d3", "denies")],
      false,
      (k) => ["r", "r", "d3"][k]!,
    );
    const words = statusWords("disputed", ev, nameOf);
    expect(words.sentence).toBe(
      "Disputed: denied by an unnamed report (1 passage) and d3 (1 passage); told by 1 origin, in 1 document",
    );
    expect(words.brief).toBe("denied by 2 origins");
  });

  it("names a speaker once for all the passages that name them, across origins", () => {
    const ministry = { name: "Venezuelan Foreign Ministry", words: "the foreign ministry" };
    const ev = countEvidence(
      [
        c("d1", "reports"),
        { ...c("d2", "denies"), speaker: ministry },
        { ...c("d3", "denies"), speaker: ministry },
      ],
      false,
      (k) => ["d1", "d2", "d3"][k]!,
    );
    expect(ev.disputers).toEqual([{ name: ministry.name, origin: "d2", citations: [1, 2] }]);
    expect(statusWords("disputed", ev, nameOf).sentence).toBe(
      "Disputed: denied by Venezuelan Foreign Ministry (2 passages); told by 1 origin, in 1 document",
    );
    expect(statusWords("disputed", ev, nameOf).brief).toBe("denied by 2 origins");
  });

  it("says why two origins are not corroboration when only one reports it as fact", () => {
    const ev = countEvidence(
      [c("d1", "claims"), c("d2", "reports")],
      false,
      (k) => ["d1", "d2"][k]!,
    );
    expect(statusWords("reported", ev, nameOf).sentence).toBe(
      "Reported: 2 origins, told in 2 documents; only 1 reports it as fact",
    );
  });
});

describe("statusWords in Spanish", () => {
  it("says one origin told in three documents", () => {
    const ev = countEvidence(
      [c("d1", "reports"), c("d2", "reports"), c("d3", "reports")],
      false,
      () => "r",
    );
    expect(statusWords("reported", ev, nameOf, es).sentence).toBe(
      "Reportado: 1 origen, contado en 3 documentos",
    );
  });

  it("names who denies, joined with «y»", () => {
    const ev = countEvidence(
      [c("d1", "claims"), c("d2", "denies"), c("d3", "denies")],
      false,
      (k) => ["r", "r", "d3"][k]!,
    );
    expect(statusWords("disputed", ev, nameOf, es).sentence).toBe(
      "Desmentido: desmentido por an unnamed report (1 pasaje) y d3 (1 pasaje); contado por 1 origen, en 1 documento",
    );
  });

  it("says why two origins are not corroboration", () => {
    const ev = countEvidence(
      [c("d1", "claims"), c("d2", "reports")],
      false,
      (k) => ["d1", "d2"][k]!,
    );
    expect(statusWords("reported", ev, nameOf, es).detail).toBe(
      "2 orígenes, contado en 2 documentos; solo 1 lo reporta como hecho",
    );
  });
});

describe("listWords", () => {
  it.each([
    [[], ""],
    [["a"], "a"],
    [["a", "b"], "a and b"],
    [["a", "b", "c"], "a, b and c"],
  ])("%j → %s", (items, words) => expect(listWords(items)).toBe(words));
});
