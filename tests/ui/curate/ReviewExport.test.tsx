/**
 * "Review changes": the draft's added, edited and removed events and sources by title, each a way
 * to it (a removed event can be restored); and an export that a draft with errors gets only when
 * the curator ticks that it is a draft.
 */
import "fake-indexeddb/auto";
import { fireEvent, render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { addEvent, newEvent, removeEvent } from "../../../src/model/curate/event-edit.ts";
import type { Draft } from "../../../src/model/curate/draft.ts";
import type { Problem } from "../../../src/model/validate/validate.ts";
import { openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { ReviewExport } from "../../../src/ui/curate/ReviewExport.tsx";
import { createTestState } from "../../state/fixtures.ts";
import { makeBase, withNewSource } from "../../state/curate/fixtures.ts";

let dbs = 0;

function baseWithEvent(): Draft {
  const base = makeBase();
  return addEvent(
    base,
    newEvent(base, { title: "Old raid", category: "raid", start: "2026-01-03" }),
  );
}

const ERROR: Problem = {
  severity: "error",
  code: "no-citations",
  file: "events.geojson",
  message: "the event cites nothing",
  hint: "",
};

function setup(problems: Problem[] = []) {
  const { state } = createTestState();
  let session!: ReturnType<typeof createDraftSession>;
  const view = render(() => {
    session = createDraftSession(baseWithEvent(), "k", openDraftDB(`vsm-review-${++dbs}`));
    return <ReviewExport session={session} state={state} problems={() => problems} />;
  });
  fireEvent.click(view.getByRole("button", { name: "Review changes" }));
  return { view, session, state };
}

describe("Review changes", () => {
  it("says when nothing changed", async () => {
    const { view, session } = setup();
    await session.started;
    expect(view.getByTestId("review")).toHaveTextContent("No changes yet.");
    expect(view.getByRole("button", { name: "Hide review" })).toHaveAttribute(
      "aria-expanded",
      "true",
    );
  });

  it("lists added and removed events and added sources by title, each a way to it", async () => {
    const { view, session, state } = setup();
    await session.started;
    const d = session.draft();
    const added = newEvent(d, {
      title: "Drone over Maracay",
      category: "airspace",
      start: "2026-01-05",
    });
    await session.update(withNewSource(removeEvent(addEvent(d, added), "old-raid")));
    const review = view.getByTestId("review");
    expect(review).toHaveTextContent("Events: Added (1)Drone over Maracay");
    expect(review).toHaveTextContent("Events: Removed (1)Old raid");
    expect(review).toHaveTextContent("Sources: Added (1)A new report");

    fireEvent.click(view.getByRole("button", { name: "Drone over Maracay" }));
    expect(state.view.event).toBe("drone-over-maracay");
    fireEvent.click(view.getByRole("button", { name: "A new report" }));
    expect(state.view.source).toBe("001_1111111111111111");

    fireEvent.click(view.getByRole("button", { name: "Restore “Old raid”" }));
    expect(session.draft().events.features.map((f) => f.id)).toContain("old-raid");
    expect(view.getByTestId("review")).not.toHaveTextContent("Removed");
  });
});

describe("Export", () => {
  it("exports a valid draft at once", () => {
    const { view } = setup();
    expect(view.getByText("The validator accepts this draft.")).toBeInTheDocument();
    expect(view.getByRole("button", { name: "Download as zip" })).toBeEnabled();
    expect(view.queryByRole("checkbox")).toBeNull();
  });

  it("exports a draft with errors only once it is ticked as a draft", () => {
    const { view } = setup([ERROR, { ...ERROR, severity: "warning" }]);
    expect(
      view.getByText("The validator reports 1 error: the export would be refused."),
    ).toBeInTheDocument();
    const zip = view.getByRole("button", { name: "Download as zip" });
    expect(zip).toBeDisabled();
    fireEvent.click(
      view.getByRole("checkbox", {
        name: "Export as a draft with errors (1 error, listed in DRAFT-ERRORS.txt)",
      }),
    );
    expect(zip).toBeEnabled();
  });
});
