import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type Draft,
  diffDraft,
  draftFiles,
  validateDraft,
} from "../../../src/model/curate/draft.ts";
import { minimalSelector } from "../../../src/model/curate/selector.ts";
import { newSourceId } from "../../../src/model/curate/source-text.ts";
import type { SituationEvent } from "../../../src/model/types.ts";

function loadShipped(): Draft {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync("seeds")) {
    seeds[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
  }
  return {
    events: JSON.parse(readFileSync("data/events.geojson", "utf8")),
    sources: JSON.parse(readFileSync("data/sources.json", "utf8")),
    seeds,
  };
}

const SPANISH =
  "CARACAS. El ministro dijo: «Las tropas se retiraron de La Guaira». Más tarde, «las tropas se retiraron» también de Maiquetía.\n";

async function withSixthDocument(): Promise<{ draft: Draft; sourceId: string }> {
  const draft = structuredClone(loadShipped());
  const sourceId = await newSourceId(Object.keys(draft.seeds), SPANISH);
  draft.seeds[sourceId] = SPANISH;
  draft.sources.sources.push({
    ...structuredClone(draft.sources.sources[4]),
    id: sourceId,
    title: "Tropas se retiran de La Guaira",
    language: "es",
    notes: "A test document.",
  } as Draft["sources"]["sources"][number]);
  // "tropas se retiraron" occurs twice: the citation needs context, inside «».
  const start = SPANISH.indexOf("tropas se retiraron");
  const picked = minimalSelector(SPANISH, start, start + "tropas se retiraron".length);
  if (!picked.ok || !(picked.selector.prefix || picked.selector.suffix))
    throw new Error("fixture quote needs context");
  const event = structuredClone(draft.events.features[0]) as SituationEvent;
  event.id = "troops-leave-la-guaira";
  event.geometry = { type: "Point", coordinates: [-66.93, 10.6] };
  event.properties.citations = [{ source: sourceId, ...picked.selector, stance: "reports" }];
  draft.events.features.push(event);
  return { draft, sourceId };
}

describe("the curation draft, checked and compared like the shipped files", () => {
  it("validates the shipped data unchanged with no errors and an empty diff", () => {
    const loaded = loadShipped();
    const result = validateDraft(loaded);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(diffDraft(loaded, structuredClone(loaded))).toEqual({
      events: { added: [], edited: [], removed: [] },
      sources: { added: [], edited: [], removed: [] },
    });
  });

  it("accepts a sixth, Spanish document cited by a new event", async () => {
    const { draft, sourceId } = await withSixthDocument();
    const errors = validateDraft(draft).problems.filter((p) => p.severity === "error");
    expect(errors.map((p) => p.message)).toEqual([]);
    expect(diffDraft(loadShipped(), draft)).toEqual({
      events: { added: ["troops-leave-la-guaira"], edited: [], removed: [] },
      sources: { added: [sourceId], edited: [], removed: [] },
    });
    const files = draftFiles(draft, Object.keys(loadShipped().seeds));
    expect(files.newSeeds).toEqual({ [sourceId]: SPANISH });
    expect(JSON.parse(files.eventsText)).toEqual(draft.events);
    expect(files.sourcesText.endsWith("}\n")).toBe(true);
  });

  it("reports a quote that no longer anchors after its source text is edited", async () => {
    const { draft, sourceId } = await withSixthDocument();
    draft.seeds[sourceId] = SPANISH.replace("Las tropas se retiraron de", "Los soldados dejaron");
    // The other occurrence survives, but not with the context that picked this one.
    const codes = validateDraft(draft).problems.map((p) => p.code);
    expect(codes).toContain("quote-context");
    draft.seeds[sourceId] = "Nada que ver.\n";
    expect(validateDraft(draft).problems.map((p) => p.code)).toContain("quote-not-found");
    expect(diffDraft(loadShipped(), draft).sources.added).toEqual([sourceId]);
  });

  it("tells edited from removed events, and ignores reordered keys", () => {
    const loaded = loadShipped();
    const draft = structuredClone(loaded);
    const [first, second] = draft.events.features as [SituationEvent, SituationEvent];
    first.properties.title = `${first.properties.title} (updated)`;
    const { type, id, geometry, properties } = second;
    draft.events.features[1] = { properties, geometry, id, type };
    const removed = draft.events.features.pop() as SituationEvent;
    expect(diffDraft(loaded, draft).events).toEqual({
      added: [],
      edited: [first.id],
      removed: [removed.id],
    });
  });
});
