import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDataset } from "../../../src/model/dataset.ts";
import { leadCitation } from "../../../src/model/evidence/lead.ts";
import type {
  EventCollection,
  SituationEvent,
  SourceCollection,
} from "../../../src/model/types.ts";

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");

function shipped() {
  const events = JSON.parse(read("data/events.geojson")) as EventCollection;
  const sources = JSON.parse(read("data/sources.json")) as SourceCollection;
  const seeds = Object.fromEntries(sources.sources.map((s) => [s.id, read(`seeds/${s.id}.txt`)]));
  return { events, sources, seeds };
}

/** An event whose first citation only dates it, then one that denies it, then one that reports it. */
function reordered(e: SituationEvent): SituationEvent {
  const copy = structuredClone(e);
  const [first, ...rest] = copy.properties.citations;
  copy.properties.citations = [
    { ...first!, supports: "date" },
    { ...first!, stance: "denies", speaker: { name: "X", words: "X" } },
    ...rest,
    first!,
  ];
  return copy;
}

describe("leadCitation", () => {
  const { events, sources, seeds } = shipped();
  const index = resolveDataset(events, sources, seeds);

  it.each(events.features.map((e) => [e.id, e] as const))(
    "%s: one of its own passages about the event itself",
    (_id, e) => {
      const lead = leadCitation(index, e)!;
      expect(e.properties.citations).toContainEqual(lead.citation);
      expect(lead.citation.supports ?? "event").toBe("event");
      expect(lead.citation.stance).not.toBe("denies");
    },
  );

  it("skips passages that only fix the date, and denials, for the first that tells the event", () => {
    const e = reordered(events.features.find((f) => f.id === "caracas-night-raid")!);
    const idx = resolveDataset({ ...events, features: [e] }, sources, seeds);
    expect(leadCitation(idx, e)?.index).toBe(2);
  });

  it("is undefined for an event without citations", () => {
    const e = structuredClone(events.features[0]!);
    e.properties.citations = [];
    const idx = resolveDataset({ ...events, features: [e] }, sources, seeds);
    expect(leadCitation(idx, e)).toBeUndefined();
  });
});
