/** Small hand-made events shared by the query tests (dates, search, order, filters). */
import type { SituationEvent } from "../../../src/model/types.ts";

export const make = (
  id: string,
  over: Partial<SituationEvent["properties"]> = {},
): SituationEvent => ({
  type: "Feature",
  id,
  geometry: null,
  properties: {
    title: id,
    summary: "",
    category: "raid",
    actors: [],
    status: "reported",
    date: { start: "2026-01-03", precision: "day", basis: "" },
    place: { name: "Caracas", precision: "city", basis: "" },
    citations: [{ source: "001", exact: "quoted words", stance: "reports" }],
    ...over,
  },
});

export const events = [
  make("a-raid"),
  make("b-month", {
    category: "sanctions",
    date: { start: "2025-12-01", end: "2025-12-31", precision: "month", basis: "" },
  }),
  make("c-rodriguez", {
    title: "Delcy Rodríguez calls for ties",
    category: "diplomacy",
    status: "corroborated",
    citations: [{ source: "002", exact: "“improved relations”", stance: "reports" }],
  }),
  make("d-disputed", {
    status: "disputed",
    date: { start: "2025-11-22", precision: "day", basis: "" },
  }),
];
