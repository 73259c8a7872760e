import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDataset } from "../../../src/model/dataset.ts";
import { countEvidence, evidenceOf, makeLineage } from "../../../src/model/evidence/origins.ts";
import { anchorQuote } from "../../../src/model/text/anchor.ts";
import type {
  Citation,
  EventCollection,
  SourceCollection,
  SourceDocument,
} from "../../../src/model/types.ts";

const readRepo = (path: string) =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
const A000 = "000_a4a6dae6575a9c10",
  A001 = "001_63de899742715ce7",
  A002 = "002_bf7bde4e343e88ef",
  A003 = "003_4bd8e0f197e7c778";
const REPORT = "unnamed-alert-report";

function makeShipped(): { sources: SourceCollection; seeds: Record<string, string> } {
  const sources = JSON.parse(readRepo("data/sources.json")) as SourceCollection;
  const seeds = Object.fromEntries(
    sources.sources.map((s) => [s.id, readRepo(`seeds/${s.id}.txt`)]),
  );
  return { sources, seeds };
}

/** The range of a passage in a source, as the index anchors it. */
function rangeOf(seeds: Record<string, string>, source: string, exact: string) {
  const at = anchorQuote(seeds[source]!, { exact });
  if (!at.ok) throw new Error(`"${exact}" is not in ${source}`);
  return { start: at.start, end: at.end };
}

function makeSource(id: string, retells?: SourceDocument["retells"]): SourceDocument {
  return {
    id,
    title: id,
    outlet: null,
    published: { date: "", precision: "unknown", basis: "test" },
    language: "en",
    notes: "",
    ...(retells ? { retells } : {}),
  };
}

describe("makeLineage on the shipped sources", () => {
  it("gives a document retold as a whole the origin it retells", () => {
    const { sources, seeds } = makeShipped();
    const lineage = makeLineage(sources, seeds);
    expect(
      lineage.originOf(A000, rangeOf(seeds, A000, "In a security alert disseminated on Saturday")),
    ).toBe(REPORT);
    expect(lineage.originOf(A001, null)).toBe(REPORT);
  });

  it("gives a passage inside a retold part the retold origin, and one outside it its own document", () => {
    const { sources, seeds } = makeShipped();
    const lineage = makeLineage(sources, seeds);
    expect(
      lineage.originOf(
        A002,
        rangeOf(seeds, A002, "The warning, released on Saturday by the State Department"),
      ),
    ).toBe(REPORT);
    expect(
      lineage.originOf(
        A002,
        rangeOf(seeds, A002, "seizing a fifth tanker carrying Venezuelan crude on Friday"),
      ),
    ).toBe(A002);
    // A later sentence that only restates the retold paragraphs is marked as retold too.
    expect(
      lineage.originOf(
        A002,
        rangeOf(seeds, A002, "US diplomats visited Caracas to discuss reopening the embassy"),
      ),
    ).toBe(REPORT);
    // Unanchored, only a retelling of the whole document could apply, and 002 has none.
    expect(lineage.originOf(A002, null)).toBe(A002);
  });

  it("leaves a document that retells nothing as its own origin", () => {
    const { sources, seeds } = makeShipped();
    expect(
      makeLineage(sources, seeds).originOf(
        A003,
        rangeOf(seeds, A003, "a US official informed CNN"),
      ),
    ).toBe(A003);
  });

  it("names an untranslated outside origin by its label in any language", () => {
    const { sources, seeds } = makeShipped();
    const bare = { ...sources, origins: sources.origins!.map(({ i18n: _, ...o }) => o) };
    expect(makeLineage(bare, seeds).nameOf(REPORT, "es")).toBe(
      "an unnamed report retold by 000, 001 and 002",
    );
  });

  it("names outside origins by their label and documents by their number and outlet", () => {
    const { sources, seeds } = makeShipped();
    const lineage = makeLineage(sources, seeds);
    expect(lineage.nameOf(REPORT)).toBe("an unnamed report retold by 000, 001 and 002");
    expect(lineage.isOutside(REPORT)).toBe(true);
    expect(lineage.nameOf("004_de622e2cc4caa2d4")).toBe("004 (Realist)");
    expect(lineage.nameOf(A003)).toBe("003");
    // In Spanish, an outside origin by the curator's translation of its label; a document as ever.
    expect(lineage.nameOf(REPORT, "es")).toBe(
      "un informe sin nombre que reproducen 000, 001 y 002",
    );
    expect(lineage.nameOf("004_de622e2cc4caa2d4", "es")).toBe("004 (Realist)");
  });
});

describe("makeLineage on made-up sources", () => {
  const text = "First part retold. Second part own. Third part retold again.";
  const seeds = { a: text, b: "B text.", c: "C text." };

  it("follows retellings of whole documents to the first that is not one", () => {
    const sources: SourceCollection = {
      sources: [
        makeSource("a", [{ of: "b", basis: "t" }]),
        makeSource("b", [{ of: "c", basis: "t" }]),
        makeSource("c"),
      ],
    };
    expect(makeLineage(sources, seeds).originOf("a", null)).toBe("c");
  });

  it("stops at a loop instead of following it for ever", () => {
    const sources: SourceCollection = {
      sources: [
        makeSource("a", [{ of: "b", basis: "t" }]),
        makeSource("b", [{ of: "a", basis: "t" }]),
      ],
    };
    expect(["a", "b"]).toContain(makeLineage(sources, seeds).originOf("a", null));
  });

  it("counts a passage that overlaps a retold part as retold, and one beside it as its own", () => {
    const sources: SourceCollection = {
      sources: [
        makeSource("a", [
          { of: "elsewhere", parts: [{ exact: "First part retold." }], basis: "t" },
        ]),
        makeSource("b"),
        makeSource("c"),
      ],
      origins: [{ id: "elsewhere", label: "a report elsewhere", notes: "" }],
    };
    const lineage = makeLineage(sources, seeds);
    const second = text.indexOf("Second");
    expect(lineage.originOf("a", { start: 0, end: 5 })).toBe("elsewhere");
    expect(lineage.originOf("a", { start: second - 8, end: second + 6 })).toBe("elsewhere");
    expect(lineage.originOf("a", { start: second, end: second + 16 })).toBe("a");
  });

  it("ignores a part that does not anchor, and does not modify its input", () => {
    const sources: SourceCollection = {
      sources: [
        makeSource("a", [{ of: "b", parts: [{ exact: "not in the text" }], basis: "t" }]),
        makeSource("b"),
      ],
    };
    const copy = structuredClone(sources);
    expect(makeLineage(sources, seeds).originOf("a", { start: 0, end: 5 })).toBe("a");
    expect(sources).toEqual(copy);
  });

  it("never throws on garbage", () => {
    for (const junk of [
      null,
      {},
      { sources: "x" },
      { sources: [null, 1, { id: 3 }], origins: [{}] },
      {
        sources: [
          { id: "a", retells: [null, { of: 1 }, { of: "b", parts: [null, { exact: 2 }] }] },
        ],
      },
    ]) {
      expect(() =>
        makeLineage(junk as unknown as SourceCollection, seeds).originOf("a", { start: 0, end: 1 }),
      ).not.toThrow();
    }
  });
});

describe("countEvidence", () => {
  const c = (
    source: string,
    stance: Citation["stance"],
    supports?: Citation["supports"],
  ): Citation => ({ source, exact: "x", stance, ...(supports ? { supports } : {}) });
  const origins =
    (...list: string[]) =>
    (k: number) =>
      list[k]!;

  it("counts two documents that retell one report as one origin, told in two documents", () => {
    const ev = countEvidence([c("d1", "reports"), c("d2", "reports")], false, origins("r", "r"));
    expect(ev.telling).toEqual([{ origin: "r", documents: ["d1", "d2"], vouches: true }]);
    expect(ev.documents).toEqual(["d1", "d2"]);
    expect(ev.independent).toBe(1);
  });

  it("counts two independent origins that report the event", () => {
    expect(
      countEvidence([c("d1", "reports"), c("d2", "reports")], false, origins("d1", "d2"))
        .independent,
    ).toBe(2);
  });

  it("never counts passages of only the date or the place", () => {
    const ev = countEvidence(
      [c("d1", "reports"), c("d2", "reports", "date"), c("d3", "reports", "place")],
      false,
      origins("d1", "d2", "d3"),
    );
    expect(ev).toMatchObject({ independent: 1, dateOnly: 1, placeOnly: 1, documents: ["d1"] });
    expect(ev.telling.map((t) => t.origin)).toEqual(["d1"]);
  });

  it("keeps denials apart, and does not let a relayed claim vouch", () => {
    const ev = countEvidence(
      [c("d1", "claims"), c("d2", "reports"), c("d3", "denies")],
      false,
      origins("d1", "d2", "d3"),
    );
    expect(ev.telling).toEqual([
      { origin: "d1", documents: ["d1"], vouches: false },
      { origin: "d2", documents: ["d2"], vouches: true },
    ]);
    expect(ev.denying).toEqual([{ origin: "d3", documents: ["d3"], vouches: false }]);
    expect(ev.independent).toBe(1);
  });

  it("lets a forecast vouch for an expected event only", () => {
    const cs = [c("d1", "forecasts"), c("d2", "forecasts")];
    expect(countEvidence(cs, true, origins("d1", "d2")).independent).toBe(2);
    expect(countEvidence(cs, false, origins("d1", "d2")).independent).toBe(0);
  });
});

describe("evidenceOf on the shipped data", () => {
  const makeIndex = () => {
    const { sources, seeds } = makeShipped();
    const events = JSON.parse(readRepo("data/events.geojson")) as EventCollection;
    return resolveDataset(events, sources, seeds);
  };

  it("finds one origin behind the security alert that three documents tell", () => {
    const index = makeIndex();
    const ev = evidenceOf(index, index.eventById.get("us-security-alert-leave-venezuela")!);
    expect(ev.telling).toEqual([{ origin: REPORT, documents: [A000, A001, A002], vouches: true }]);
    expect(ev).toMatchObject({ independent: 1, dateOnly: 1 });
  });

  it("counts no shipped event's retellings as corroboration", () => {
    const index = makeIndex();
    for (const event of index.events) {
      const ev = evidenceOf(index, event);
      if (event.properties.status === "corroborated")
        expect(ev.independent, event.id).toBeGreaterThanOrEqual(2);
      if (ev.documents.includes(A000) || ev.documents.includes(A001))
        expect(
          ev.telling.map((t) => t.origin),
          event.id,
        ).toContain(REPORT);
    }
  });
});
