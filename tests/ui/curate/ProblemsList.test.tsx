/**
 * The live problems list: the validator's messages word for word, a count in the heading that
 * follows the draft, and a click on a problem goes to its event, passage or source.
 */
import "fake-indexeddb/auto";
import { fireEvent, render, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { type Draft, validateDraft } from "../../../src/model/curate/draft.ts";
import { openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { ProblemsList } from "../../../src/ui/curate/ProblemsList.tsx";
import { SRC, TEXT, withEvent } from "../../state/curate/fixtures.ts";
import { createTestState } from "../../state/fixtures.ts";

let dbs = 0;

function broken(): Draft {
  const draft = withEvent();
  const citations = draft.events.features[0]!.properties.citations;
  citations.push({
    source: SRC,
    exact: "Otro día",
    stance: "reports",
    speaker: { name: "X", words: "nobody" },
  });
  citations.push({ source: SRC, exact: "never said", stance: "reports" });
  draft.sources.sources[0]!.title = "";
  return draft;
}

function setup(draft: Draft) {
  const { state } = createTestState();
  let session!: ReturnType<typeof createDraftSession>;
  const view = render(() => {
    session = createDraftSession(withEvent(), "k", openDraftDB(`vsm-problems-${++dbs}`));
    void session.update(draft);
    return <ProblemsList session={session} state={state} />;
  });
  return { view, state, session: () => session };
}

describe("the problems list", () => {
  it("shows the validator's messages word for word, counted in the heading", async () => {
    const draft = broken();
    const { view } = setup(draft);
    const expected = validateDraft(draft).problems;
    expect(expected.length).toBeGreaterThan(1);
    await waitFor(() =>
      expect(view.getByRole("heading", { level: 3 })).toHaveTextContent(
        `${expected.length} problems`,
      ),
    );
    for (const p of expected) expect(view.getByText(p.message)).toBeInTheDocument();
  });

  it("follows the draft: fixing it empties the list", async () => {
    const { view, session } = setup(broken());
    await waitFor(() => expect(view.getByRole("heading")).toHaveTextContent(/^\d+ problems$/));
    await session().update(withEvent());
    await waitFor(() => expect(view.getByRole("heading")).toHaveTextContent("No problems"));
  });

  it("goes to the event, the cited passage, or the source", async () => {
    const { view, state } = setup(broken());
    const button = (text: RegExp) => waitFor(() => view.getByRole("button", { name: text }));

    fireEvent.click(await button(/quote not found/));
    expect(state.view.event).toBe("a-statement");
    expect(state.view.source).toBeNull();

    fireEvent.click(await button(/speaker "nobody"/));
    const start = TEXT.indexOf("Otro día");
    expect(state.view.event).toBe("a-statement");
    expect(state.view.source).toBe(SRC);
    expect(state.view.passage).toEqual([start, start + "Otro día".length]);

    fireEvent.click(await button(/"title" is empty/));
    expect(state.view.source).toBe(SRC);
    expect(state.view.passage).toBeNull();
  });
});
