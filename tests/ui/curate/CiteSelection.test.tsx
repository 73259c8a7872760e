/**
 * "Cite this passage": the selection's problems each get their message (nothing selected, outside
 * the text, across two paragraphs), a good selection becomes a citation on the chosen event with
 * the validator's verdict beside it, and that verdict follows the draft when the text changes.
 */
import "fake-indexeddb/auto";
import { fireEvent, render, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { curate } from "../../../src/model/i18n/en/curate.ts";
import { openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { draftData } from "../../../src/state/curate/draft-data.ts";
import { createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { CiteSelection } from "../../../src/ui/curate/CiteSelection.tsx";
import { SRC, TEXT, withEvent } from "../../state/curate/fixtures.ts";
import { createTestState } from "../../state/fixtures.ts";

let dbs = 0;

function setup(selectedEvent: string | null = null) {
  const base = withEvent();
  const made = draftData(base, "events.geojson");
  if (!made.ok) throw new Error(made.message);
  const { state } = createTestState({ data: made.data });
  if (selectedEvent) state.actions.select(selectedEvent, false);
  let session!: ReturnType<typeof createDraftSession>;
  const view = render(() => {
    session = createDraftSession(base, "k", openDraftDB(`vsm-cite-${++dbs}`));
    return (
      <>
        <article class="reader" data-source-id={SRC}>
          <h2>Header words</h2>
          <div class="source-text">{TEXT}</div>
        </article>
        <CiteSelection session={session} state={state} />
      </>
    );
  });
  const textNode = view.container.querySelector(".source-text")!.firstChild!;
  const select = (start: number, end: number, startNode: Node = textNode) => {
    const range = document.createRange();
    range.setStart(startNode, start);
    range.setEnd(textNode, end);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    document.dispatchEvent(new Event("selectionchange"));
  };
  const cite = () => fireEvent.click(view.getByRole("button", { name: "Cite this passage" }));
  return { view, state, session: () => session, select, cite };
}

describe("Cite this passage", () => {
  it("says that nothing is selected", () => {
    const { view, cite } = setup();
    document.getSelection()!.removeAllRanges();
    cite();
    expect(view.getByRole("alert")).toHaveTextContent(curate.selection.empty);
  });

  it("refuses a selection that starts outside the source's text", () => {
    const { view, select, cite } = setup();
    select(0, 5, view.getByText("Header words").firstChild!);
    cite();
    expect(view.getByRole("alert")).toHaveTextContent(curate.selection.outside);
  });

  it("refuses a selection across two paragraphs", () => {
    const { view, select, cite } = setup();
    select(TEXT.indexOf("ataque"), TEXT.indexOf("Otro") + 4);
    cite();
    expect(view.getByRole("alert")).toHaveTextContent(curate.selection.acrossPassages);
  });

  it("cites on the selected event, and shows the validator's verdict as the draft changes", async () => {
    const { view, select, cite, session } = setup("a-statement");
    const start = TEXT.lastIndexOf("«No hubo ataque»");
    select(start, start + "«No hubo ataque»".length);
    cite();
    expect(view.getByText("«No hubo ataque»", { selector: "blockquote" })).toBeVisible();
    // The words occur twice: the context that picks this occurrence is shown with them.
    expect(view.getByText(/Context that picks this occurrence/)).toBeVisible();
    expect(view.getByLabelText("Evidence of the event")).toHaveValue("a-statement");
    fireEvent.change(view.getByLabelText("Supports"), { target: { value: "date" } });
    fireEvent.click(view.getByRole("button", { name: "Add the citation" }));

    const verdict = await waitFor(() => view.getByTestId("cite-verdict"));
    expect(verdict).toHaveTextContent("The validator finds no problem with this citation.");
    const added = session().draft().events.features[0]!.properties.citations[1]!;
    expect(added).toMatchObject({ source: SRC, exact: "«No hubo ataque»", supports: "date" });
    expect(added.prefix ?? added.suffix).toBeDefined();

    // The text changes under the quote: the validator's own message appears beside it.
    await session().update({
      ...session().draft(),
      seeds: { [SRC]: TEXT.replace("Otro día: «No hubo", "Otro día: «Hubo") },
    });
    await waitFor(() =>
      expect(verdict).toHaveTextContent(
        /in 000_0000000000000000, but never with the given prefix\/suffix/,
      ),
    );
  });

  it("asks for the event when none is selected, and for a whole speaker", () => {
    const { view, select, cite } = setup();
    select(TEXT.indexOf("ministerio"), TEXT.indexOf("ministerio") + 10);
    cite();
    fireEvent.click(view.getByRole("button", { name: "Add the citation" }));
    expect(view.getByRole("alert")).toHaveTextContent(
      "Choose the event this passage is evidence of.",
    );
    fireEvent.change(view.getByLabelText("Evidence of the event"), {
      target: { value: "a-statement" },
    });
    fireEvent.input(view.getByLabelText(/^Their name/), { target: { value: "Ministerio" } });
    fireEvent.click(view.getByRole("button", { name: "Add the citation" }));
    expect(view.getByRole("alert")).toHaveTextContent(/both the speaker's name and the words/);
  });
});
