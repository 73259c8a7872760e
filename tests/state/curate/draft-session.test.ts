/**
 * Drafts are never lost: every change is saved to IndexedDB (fake-indexeddb stands in for the
 * browser's, under the real idb code), a new session finds it again with its change count, and
 * only Discard forgets it.
 */
import "fake-indexeddb/auto";
import { createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { draftKey, openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { changeCount, createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { makeBase, withNewSource } from "./fixtures.ts";

let dbs = 0;
/** A store of its own per test: no state shared between tests. */
const freshDB = () => openDraftDB(`vsm-curate-test-${++dbs}-${Math.random()}`);

function session(db: ReturnType<typeof openDraftDB>, base = makeBase(), key = "k") {
  return createRoot((dispose) => ({ s: createDraftSession(base, key, db), dispose }));
}

describe("a draft session", () => {
  it("starts as the loaded data, with no changes and nothing restored", async () => {
    const { s, dispose } = session(freshDB());
    await s.started;
    expect(s.ready()).toBe(true);
    expect(s.changes()).toBe(0);
    expect(s.restored()).toBeNull();
    dispose();
  });

  it("saves every change, and a new session restores it with its count", async () => {
    const db = freshDB();
    const first = session(db);
    await first.s.started;
    await first.s.update(withNewSource(first.s.base));
    expect(first.s.changes()).toBe(1);
    first.dispose();

    const second = session(db);
    await second.s.started;
    expect(second.s.restored()).toBe(1);
    expect(second.s.changes()).toBe(1);
    expect(second.s.draft().seeds["001_1111111111111111"]).toBe("A new text.");
    second.dispose();
  });

  it("stops saying restored at the first edit after it", async () => {
    const db = freshDB();
    const first = session(db);
    await first.s.started;
    await first.s.update(withNewSource(first.s.base));
    first.dispose();

    const second = session(db);
    await second.s.started;
    expect(second.s.restored()).toBe(1);
    const d = second.s.draft();
    await second.s.update({ ...d, seeds: { ...d.seeds, "001_1111111111111111": "Edited." } });
    expect(second.s.restored()).toBeNull();
    expect(second.s.changes()).toBe(1);
    second.dispose();
  });

  it("keeps the last of quick successive saves", async () => {
    const db = freshDB();
    const { s, dispose } = session(db);
    await s.started;
    const one = withNewSource(s.base);
    const two = { ...one, seeds: { ...one.seeds, "001_1111111111111111": "Edited again." } };
    void s.update(one);
    await s.update(two);
    expect((await db.load("k"))?.draft.seeds["001_1111111111111111"]).toBe("Edited again.");
    dispose();
  });

  it("forgets the draft on discard: the store is empty and the draft is the loaded data", async () => {
    const db = freshDB();
    const { s, dispose } = session(db);
    await s.started;
    await s.update(withNewSource(s.base));
    await s.discard();
    expect(s.changes()).toBe(0);
    expect(s.draft()).toBe(s.base);
    expect(await db.load("k")).toBeUndefined();
    dispose();
  });

  it("keeps drafts of different datasets apart", async () => {
    const db = freshDB();
    const a = session(db, makeBase(), draftKey("data/events.geojson", "data/sources.json"));
    await a.s.started;
    await a.s.update(withNewSource(a.s.base));
    const b = session(db, makeBase(), draftKey("data/other.geojson", "data/sources.json"));
    await b.s.started;
    expect(b.s.restored()).toBeNull();
    expect(b.s.changes()).toBe(0);
    a.dispose();
    b.dispose();
  });

  it("does not restore a stored draft with no changes", async () => {
    const db = freshDB();
    await db.save("k", makeBase());
    const { s, dispose } = session(db);
    await s.started;
    expect(s.restored()).toBeNull();
    dispose();
  });

  it("counts each added, edited and removed event and source once", () => {
    expect(
      changeCount({
        events: { added: ["a", "b"], edited: ["c"], removed: [] },
        sources: { added: ["s"], edited: [], removed: ["t"] },
      }),
    ).toBe(5);
  });
});
