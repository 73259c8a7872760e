/**
 * The draft as the app's loaded data. In curate mode the map, the list, the filters, the counts,
 * search and the reader all show the draft, a new document included, through the same code that
 * shows the shipped data: nothing in them knows about drafts.
 */
import type { Draft } from "../../model/curate/draft.ts";
import { resolveDataset } from "../../model/dataset.ts";
import { sizeProfile } from "../../model/size-profile.ts";
import { runSteps } from "../../model/slices.ts";
import { checkEventsSteps, checkSources, ShapeError } from "../../model/validate/loaded.ts";
import type { LoadedData } from "../load.ts";

/** The draft's data, or why the app cannot show it (a shape the loader would refuse too). */
export type DraftData = { ok: true; data: LoadedData } | { ok: false; message: string };

export function draftData(draft: Draft, eventsFile: string): DraftData {
  try {
    checkSources(draft.sources);
    runSteps(checkEventsSteps(draft.events));
  } catch (e) {
    if (e instanceof ShapeError) return { ok: false, message: e.message };
    throw e;
  }
  // No prototype, as in load.ts: a source named `constructor` without a text reads as missing.
  const seeds: Record<string, string> = Object.assign(Object.create(null), draft.seeds);
  const missingTexts = draft.sources.sources
    .filter((s) => typeof seeds[s.id] !== "string")
    .map((s) => `seeds/${s.id}.txt: not in the draft`);
  return {
    ok: true,
    data: {
      index: resolveDataset(draft.events, draft.sources, seeds),
      profile: sizeProfile(draft.events.features.length),
      seeds,
      eventsFile,
      reading: "whole",
      missingTexts,
    },
  };
}
