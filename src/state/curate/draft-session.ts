/**
 * A curator's draft while curate mode is open: restored from this browser's store when one was
 * kept, saved on every change, and discarded only when asked. Saves run one after another, so the
 * store always ends with the latest draft.
 */
import { createMemo, createSignal } from "solid-js";
import { diffDraft, type Draft, type DraftDiff } from "../../model/curate/draft.ts";
import type { DraftDB } from "./draft-db.ts";

export type DraftSession = ReturnType<typeof createDraftSession>;

/** How many things a diff holds: each added, edited or removed event and source counts once. */
export function changeCount(diff: DraftDiff): number {
  const n = (d: DraftDiff["events"]) => d.added.length + d.edited.length + d.removed.length;
  return n(diff.events) + n(diff.sources);
}

export function createDraftSession(base: Draft, key: string, db: DraftDB) {
  const [draft, setDraft] = createSignal<Draft>(base);
  /** The number of changes a draft brought back from the store had, until the next edit; null
   * when none was. */
  const [restored, setRestored] = createSignal<number | null>(null);
  const [saveError, setSaveError] = createSignal<string | null>(null);
  const [ready, setReady] = createSignal(false);
  const diff = createMemo(() => diffDraft(base, draft()));
  const changes = createMemo(() => changeCount(diff()));
  let saving: Promise<void> = Promise.resolve();

  const persist = (next: Draft | null) => {
    saving = saving
      .then(() => (next ? db.save(key, next) : db.remove(key)))
      .then(
        () => void setSaveError(null),
        (e: Error) => void setSaveError(e.message || String(e)),
      );
    return saving;
  };

  const start = db.load(key).then(
    (stored) => {
      if (stored) {
        const n = changeCount(diffDraft(base, stored.draft));
        if (n > 0) {
          setDraft(stored.draft);
          setRestored(n);
        }
      }
      setReady(true);
    },
    (e: Error) => {
      setSaveError(e.message || String(e));
      setReady(true);
    },
  );

  return {
    base,
    draft,
    diff,
    changes,
    restored,
    saveError,
    ready,
    /** Resolves once a stored draft has been looked for (and restored, if there was one). */
    started: start,
    /** Replaces the draft and saves it. */
    update(next: Draft): Promise<void> {
      setDraft(next);
      // From the first edit on, the draft is this session's work, not only what was restored.
      setRestored(null);
      return persist(next);
    },
    /** Drops every change: the draft becomes the loaded data again, and the store forgets it. */
    discard(): Promise<void> {
      setDraft(base);
      setRestored(null);
      return persist(null);
    },
    /** Resolves when every save asked for so far has been written. */
    flushed: () => saving,
  };
}
