/** Small drafts for the curate tests: one shipped source, and the same with one new source. */
import type { Draft } from "../../../src/model/curate/draft.ts";

export function makeBase(): Draft {
  return {
    events: { type: "FeatureCollection", features: [] },
    sources: {
      sources: [
        {
          id: "000_0000000000000000",
          title: "A shipped report",
          outlet: "Outlet",
          published: { date: "2026-01-05", precision: "day", basis: "Dated in its header." },
          language: "en",
          notes: "",
        },
      ],
    },
    seeds: { "000_0000000000000000": "The shipped text." },
  };
}

/** The base with one more source and its text: one change. */
export function withNewSource(base: Draft): Draft {
  const id = "001_1111111111111111";
  const first = base.sources.sources[0]!;
  return {
    ...base,
    sources: { sources: [...base.sources.sources, { ...first, id, title: "A new report" }] },
    seeds: { ...base.seeds, [id]: "A new text." },
  };
}
