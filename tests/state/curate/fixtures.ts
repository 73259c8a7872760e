/** Small drafts for the curate tests: one shipped source, and the same with one new source. */
import type { Draft } from "../../../src/model/curate/draft.ts";
import type { SituationEvent } from "../../../src/model/types.ts";

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

export const SRC = "000_0000000000000000";
/** Two paragraphs, with a «quote» in each: a selection of it needs context. */
export const TEXT = "El ministerio dijo: «No hubo ataque».\nOtro día: «No hubo ataque».\n";

/** The base with TEXT as its source and one event citing it. */
export function withEvent(): Draft {
  const base = makeBase();
  const event: SituationEvent = {
    type: "Feature",
    id: "a-statement",
    geometry: null,
    properties: {
      title: "A statement",
      summary: "The ministry denied an attack.",
      category: "statement",
      actors: [],
      date: { start: "2026-01-05", precision: "day", basis: "El ministerio dijo" },
      place: { name: "Caracas", precision: "city", basis: "El ministerio dijo" },
      status: "reported",
      citations: [{ source: SRC, exact: "El ministerio dijo", stance: "reports" }],
    },
  };
  return {
    ...base,
    events: { type: "FeatureCollection", features: [event] },
    seeds: { [SRC]: TEXT },
  };
}
