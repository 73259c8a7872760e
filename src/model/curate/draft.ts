/**
 * A curator's draft is the whole dataset as it will be exported, not a patch: the files the
 * validator reads are made from it, so the problems shown while editing are exactly the ones
 * `npm run check:data` reports on the export.
 */
import type { EventCollection, SourceCollection } from "../types.ts";
import { type ValidationResult, validateDataset } from "../validate/validate.ts";

export interface Draft {
  /** Parsed events.geojson, including members the app does not model (`$schema`). */
  events: EventCollection;
  sources: SourceCollection;
  /** Source id → document text, every source, not only the new ones. */
  seeds: Record<string, string>;
}

export interface DraftFiles {
  eventsText: string;
  sourcesText: string;
  /** Only the documents the loaded data lacks: shipped seeds are never rewritten. */
  newSeeds: Record<string, string>;
}

/** Serialises like the shipped files (two-space JSON, final newline), so a diff shows only edits. */
export function draftFiles(draft: Draft, loadedSeedIds: readonly string[]): DraftFiles {
  const shipped = new Set(loadedSeedIds);
  const newSeeds: Record<string, string> = {};
  for (const [id, text] of Object.entries(draft.seeds)) if (!shipped.has(id)) newSeeds[id] = text;
  return {
    eventsText: `${JSON.stringify(draft.events, null, 2)}\n`,
    sourcesText: `${JSON.stringify(draft.sources, null, 2)}\n`,
    newSeeds,
  };
}

export function validateDraft(draft: Draft): ValidationResult {
  return validateDataset({
    eventsFile: "events.geojson",
    eventsText: `${JSON.stringify(draft.events, null, 2)}\n`,
    sourcesFile: "sources.json",
    sourcesText: `${JSON.stringify(draft.sources, null, 2)}\n`,
    seeds: draft.seeds,
  });
}

export interface IdDiff {
  added: string[];
  edited: string[];
  removed: string[];
}

export interface DraftDiff {
  events: IdDiff;
  sources: IdDiff;
}

/** What changed against the loaded data, by id; order follows the draft, then the loaded data. */
export function diffDraft(loaded: Draft, draft: Draft): DraftDiff {
  return {
    events: diffById(loaded.events.features, draft.events.features),
    sources: diffById(
      loaded.sources.sources.map((s) => ({ ...s, text: loaded.seeds[s.id] })),
      draft.sources.sources.map((s) => ({ ...s, text: draft.seeds[s.id] })),
    ),
  };
}

function diffById<T extends { id: string }>(before: readonly T[], after: readonly T[]): IdDiff {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const diff: IdDiff = { added: [], edited: [], removed: [] };
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) diff.added.push(item.id);
    else if (canonical(was) !== canonical(item)) diff.edited.push(item.id);
  }
  for (const item of before) if (!now.has(item.id)) diff.removed.push(item.id);
  return diff;
}

/** JSON with sorted keys: reordering an object's members in an editor is not an edit. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
