/**
 * "Add a source": each bad input gets its own message (binary, over the limit, not UTF-8, empty),
 * a BOM and CRLF are accepted and the form says what it changed, the fields say what is missing,
 * and a good document lands in the draft and opens in the reader.
 */
import "fake-indexeddb/auto";
import { fireEvent, render, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { MAX_SOURCE_BYTES } from "../../../src/model/curate/source-text.ts";
import { openDraftDB } from "../../../src/state/curate/draft-db.ts";
import { createDraftSession } from "../../../src/state/curate/draft-session.ts";
import { AddSource } from "../../../src/ui/curate/AddSource.tsx";
import { makeBase } from "../../state/curate/fixtures.ts";
import { createTestState } from "../../state/fixtures.ts";

let dbs = 0;

function setup() {
  const { state } = createTestState();
  let session!: ReturnType<typeof createDraftSession>;
  const view = render(() => {
    session = createDraftSession(makeBase(), "k", openDraftDB(`vsm-add-source-${++dbs}`));
    return <AddSource session={session} state={state} />;
  });
  fireEvent.click(view.getByRole("button", { name: "Add a source" }));
  const fileInput = view.container.querySelector<HTMLInputElement>('input[type="file"]')!;
  const openFile = (bytes: Uint8Array<ArrayBuffer>, name = "report.txt") => {
    const file = new File([bytes], name, { type: "text/plain" });
    Object.defineProperty(fileInput, "files", { value: [file], configurable: true });
    fireEvent.change(fileInput);
  };
  return { view, state, session: () => session, openFile };
}

const utf8 = (s: string) => new Uint8Array(new TextEncoder().encode(s));

describe("Add a source", () => {
  it("says that line endings are normalised, before anything is given", () => {
    const { view } = setup();
    expect(view.getByLabelText("Text of the document")).toHaveAccessibleDescription(
      /kept exactly as given, except that line endings become LF/,
    );
  });

  it.each([
    ["binary", new Uint8Array([72, 0, 73]), /This file cannot be added: .*binary/],
    [
      "over the limit",
      new Uint8Array(MAX_SOURCE_BYTES + 1).fill(65),
      /at most 2097152 bytes \(2 MiB\)/,
    ],
    ["not UTF-8", new Uint8Array([0x63, 0x61, 0x66, 0xe9]), /not UTF-8 text/],
    ["empty", utf8("  \r\n"), /the file has no text/],
  ])("refuses a %s file with a message naming why", async (_name, bytes, message) => {
    const { view, openFile } = setup();
    openFile(bytes);
    await waitFor(() => expect(view.getByRole("alert")).toHaveTextContent(message));
  });

  it("accepts a BOM and CRLF, and says what it changed", async () => {
    const { view, openFile } = setup();
    openFile(utf8("\uFEFF«Hola»\r\nAdiós\r\n"));
    await waitFor(() =>
      expect(view.getByText(/A byte order mark \(BOM\) at the start was removed/)).toBeVisible(),
    );
    expect(view.getByText(/\(CRLF\).*converted to LF/)).toBeVisible();
    expect(view.getByLabelText("Text of the document")).toHaveValue("«Hola»\nAdiós\n");
    expect(view.queryByRole("alert")).toBeNull();
  });

  it("refuses pasted binary text, and names each missing field on adding", async () => {
    const { view } = setup();
    fireEvent.input(view.getByLabelText("Text of the document"), {
      target: { value: "a\0b" },
    });
    expect(view.getByRole("alert")).toHaveTextContent(/NUL characters/);
    fireEvent.click(view.getByRole("button", { name: "Add to the draft" }));
    await waitFor(() => expect(view.getByLabelText("Title")).toHaveAccessibleDescription(/title/));
    expect(view.getByLabelText("How the date is known")).toHaveAccessibleDescription(
      "Say how the publication date is known.",
    );
    expect(view.getByLabelText("Published")).toBeInvalid();
  });

  it("adds a Spanish document to the draft and opens it in the reader", async () => {
    const { view, state, session } = setup();
    const text = "El ministerio dijo: «No hubo ataque».\n";
    fireEvent.input(view.getByLabelText("Text of the document"), { target: { value: text } });
    fireEvent.input(view.getByLabelText("Title"), { target: { value: "Comunicado" } });
    fireEvent.input(view.getByLabelText("Published"), { target: { value: "2026-01-12" } });
    fireEvent.input(view.getByLabelText("How the date is known"), {
      target: { value: "Fechado en su encabezado." },
    });
    fireEvent.input(view.getByLabelText(/Language/), { target: { value: "es" } });
    fireEvent.change(view.getByLabelText("It retells (lineage)"), {
      target: { value: "000_0000000000000000" },
    });
    fireEvent.input(view.getByLabelText("Why it retells that one"), {
      target: { value: "Mismas frases." },
    });
    fireEvent.click(view.getByRole("button", { name: "Add to the draft" }));
    await waitFor(() => expect(view.getByRole("status")).toHaveTextContent(/^Added 001_/));
    const added = session().draft().sources.sources[1]!;
    expect(added).toMatchObject({
      title: "Comunicado",
      language: "es",
      retells: [{ of: "000_0000000000000000", basis: "Mismas frases." }],
    });
    expect(session().draft().seeds[added.id]).toBe(text);
    expect(state.view.source).toBe(added.id);
    expect(view.getByRole("button", { name: "Add a source" })).toHaveFocus();
  });
});
