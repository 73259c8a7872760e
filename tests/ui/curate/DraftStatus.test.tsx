/**
 * The draft's status line and "Discard draft": what it says before and after a change, after a
 * restore, and that discarding asks first, in the page, with keeping as the focused answer.
 */
import "fake-indexeddb/auto";
import { fireEvent, render, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { DraftStatus } from "../../../src/ui/curate/DraftStatus.tsx";
import { makeBase, withNewSource } from "../../state/curate/fixtures.ts";

let dbs = 0;
const freshDB = () => openDraftDB(`vsm-draft-status-${++dbs}-${Math.random()}`);

function setup(db = freshDB()) {
  let session!: ReturnType<typeof createDraftSession>;
  const view = render(() => {
    session = createDraftSession(makeBase(), "k", db);
    return <DraftStatus session={session} />;
  });
  const line = () => view.getByRole("status");
  return { view, session, line, db };
}

describe("the draft status", () => {
  it("says there are no changes yet, and offers no discard", async () => {
    const { view, line } = setup();
    await waitFor(() => expect(line()).toHaveTextContent("No changes yet."));
    expect(view.queryByRole("button", { name: "Discard draft" })).toBeNull();
  });

  it("counts the changes as they are made and saved", async () => {
    const { view, session, line } = setup();
    await session.started;
    await session.update(withNewSource(session.base));
    expect(line()).toHaveTextContent("1 change, saved in this browser");
    expect(view.getByRole("button", { name: "Discard draft" })).toBeInTheDocument();
  });

  it("says a draft was restored, with its count", async () => {
    const db = freshDB();
    await db.save("k", withNewSource(makeBase()));
    const { line } = setup(db);
    await waitFor(() => expect(line()).toHaveTextContent("Draft restored (1 change)"));
  });

  it("asks before discarding; keeping changes nothing", async () => {
    const db = freshDB();
    await db.save("k", withNewSource(makeBase()));
    const { view, line, session } = setup(db);
    await waitFor(() => expect(line()).toHaveTextContent("Draft restored (1 change)"));
    fireEvent.click(view.getByRole("button", { name: "Discard draft" }));
    expect(view.getByText("Discard 1 change? This cannot be undone.")).toBeInTheDocument();
    const keep = view.getByRole("button", { name: "Keep the draft" });
    await waitFor(() => expect(document.activeElement).toBe(keep));
    fireEvent.click(keep);
    expect(session.changes()).toBe(1);
    expect(await db.load("k")).toBeDefined();
    await waitFor(() =>
      expect(document.activeElement).toBe(view.getByRole("button", { name: "Discard draft" })),
    );
  });

  it("discards when confirmed: no changes, and the store forgets the draft", async () => {
    const db = freshDB();
    await db.save("k", withNewSource(makeBase()));
    const { view, line, session } = setup(db);
    await waitFor(() => expect(line()).toHaveTextContent("Draft restored (1 change)"));
    fireEvent.click(view.getByRole("button", { name: "Discard draft" }));
    fireEvent.click(view.getByRole("button", { name: "Discard" }));
    await session.flushed();
    expect(line()).toHaveTextContent("No changes yet.");
    expect(await db.load("k")).toBeUndefined();
  });
});
