/**
 * Where drafts are kept: IndexedDB (through idb), one record per dataset, written on every change
 * so a reload, a crash or a closed tab loses nothing. IndexedDB rather than localStorage: a draft
 * holds whole source documents, past localStorage's few megabytes, and a structured clone keeps
 * it as it was without a JSON round trip on every keystroke's save.
 */
import { type DBSchema, type IDBPDatabase, openDB } from "idb";
import type { Draft } from "../../model/curate/draft.ts";

const DB_NAME = "vsm-curate";
const STORE = "drafts";

export interface StoredDraft {
  draft: Draft;
  /** ISO time of the last save. */
  savedAt: string;
}

interface CurateDB extends DBSchema {
  drafts: { key: string; value: StoredDraft };
}

/** The drafts of this browser, by dataset (draftKey). */
export interface DraftDB {
  load(key: string): Promise<StoredDraft | undefined>;
  save(key: string, draft: Draft): Promise<void>;
  remove(key: string): Promise<void>;
}

/** A draft belongs to the dataset it was made from: another `data=` has drafts of its own. */
export function draftKey(eventsPath: string, sourcesPath: string): string {
  return `${eventsPath}|${sourcesPath}`;
}

export function openDraftDB(name = DB_NAME): DraftDB {
  let db: Promise<IDBPDatabase<CurateDB>> | undefined;
  const get = () =>
    (db ??= openDB<CurateDB>(name, 1, {
      upgrade(d) {
        d.createObjectStore(STORE);
      },
    }));
  return {
    async load(key) {
      return (await get()).get(STORE, key);
    },
    async save(key, draft) {
      await (await get()).put(STORE, { draft, savedAt: new Date().toISOString() }, key);
    },
    async remove(key) {
      await (await get()).delete(STORE, key);
    },
  };
}
