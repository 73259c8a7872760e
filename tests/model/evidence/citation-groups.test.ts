import { describe, expect, it } from "vitest";
import { groupCitations } from "../../../src/model/evidence/citation-groups.ts";
import { status as es } from "../../../src/model/i18n/es/status.ts";
import type { Citation } from "../../../src/model/types.ts";

const c = (source: string, stance: Citation["stance"], over: Partial<Citation> = {}) => ({
  citation: { source, exact: `${source}-${stance}`, stance, ...over } as Citation,
});
// 001 and 003 retell the same outside report; 002 is its own origin.
const originOf = (x: { citation: Citation }) => (x.citation.source === "002" ? "002" : "report");
const nameOf = (o: string) => (o === "report" ? "an unnamed report" : `${o} (Outlet)`);

describe("groupCitations", () => {
  it("puts denials first by speaker, then passages by origin, then date and place", () => {
    const cited = [
      c("001", "reports"),
      c("002", "reports", { supports: "date" }),
      c("002", "claims"),
      c("003", "reports"),
      c("002", "denies", { speaker: { name: "Foreign Ministry", words: "the ministry" } }),
      c("001", "denies", { speaker: { name: "Foreign Ministry", words: "ministry" } }),
      c("002", "reports", { supports: "place" }),
    ];
    const groups = groupCitations(cited, originOf, nameOf);
    expect(
      groups.map((g) => [g.kind, g.heading, g.citations.map((x) => x.citation.exact)]),
    ).toEqual([
      ["denies", "Denied by Foreign Ministry", ["002-denies", "001-denies"]],
      ["event", "From an unnamed report", ["001-reports", "003-reports"]],
      ["event", "From 002 (Outlet)", ["002-claims"]],
      ["date", "Passages that only fix the date", ["002-reports"]],
      ["place", "Passages that only fix the place", ["002-reports"]],
    ]);
  });

  it("words the headings from a language's catalogue", () => {
    const cited = [
      c("002", "denies"),
      c("001", "reports"),
      c("002", "reports", { supports: "place" }),
    ];
    expect(groupCitations(cited, originOf, nameOf, es.groups).map((g) => g.heading)).toEqual([
      "Desmentido por 002 (Outlet)",
      "De an unnamed report",
      "Pasajes que solo fijan el lugar",
    ]);
  });

  it("keeps unnamed denials apart by origin", () => {
    const groups = groupCitations([c("001", "denies"), c("002", "denies")], originOf, nameOf);
    expect(groups.map((g) => g.heading)).toEqual([
      "Denied by an unnamed report",
      "Denied by 002 (Outlet)",
    ]);
  });
});
