/**
 * "Add a source": a document pasted or opened from a .txt file, kept exactly as given but for its
 * line endings (the form says so), and its record: title, outlet, publication date with its
 * precision and basis, language, and what it retells. Adding it puts both in the draft, and the
 * new document opens in the reader like a shipped one.
 */
import { For, Show, createSignal } from "solid-js";
import {
  EMPTY_SOURCE_FORM,
  lineageChoices,
  makeSourceRecord,
  type SourceForm,
  sourceFormProblems,
  withSource,
} from "../../model/curate/add-source.ts";
import {
  type DecodedSource,
  MAX_SOURCE_BYTES,
  decodePastedText,
  decodeSourceFile,
} from "../../model/curate/source-text.ts";
import { SOURCE_DATE_PRECISIONS } from "../../model/types.ts";
import type { AppState } from "../../state/app-state.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { SourceFields } from "./SourceFields.tsx";
import "./add-source.css";

const T = {
  open: "Add a source",
  heading: "Add a source",
  cancel: "Cancel",
  text: "Text of the document",
  textHelp: `Paste it, or open a .txt file (UTF-8, at most ${MAX_SOURCE_BYTES / 1024 / 1024} MiB). It is kept exactly as given, except that line endings become LF and a leading byte order mark is dropped.`,
  file: "Open a .txt file",
  fileRefused: (why: string) => `This file cannot be added: ${why}.`,
  textRefused: (why: string) => `This text cannot be added: ${why}.`,
  bomRemoved: "A byte order mark (BOM) at the start was removed.",
  crlfConverted: "Windows (CRLF) or old Mac (CR) line endings were converted to LF.",
  add: "Add to the draft",
  fix: "Fill in the fields marked above first.",
  added: (id: string) => `Added ${id} to the draft; it is open in the reader.`,
};

export function AddSource(props: { session: DraftSession; state: AppState }) {
  const [open, setOpen] = createSignal(false);
  const [added, setAdded] = createSignal<string | null>(null);
  let opener: HTMLButtonElement | undefined;
  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <section class="add-source" aria-label={T.heading} data-testid="add-source">
      <Show
        when={open()}
        fallback={
          <>
            <button
              ref={opener}
              type="button"
              class="btn"
              onClick={() => {
                setAdded(null);
                setOpen(true);
              }}
            >
              {T.open}
            </button>
            <Show when={added()}>
              {(id) => (
                <p role="status" class="add-source-done">
                  {T.added(id())}
                </p>
              )}
            </Show>
          </>
        }
      >
        <SourceFormView
          session={props.session}
          onCancel={close}
          onAdded={(id) => {
            setAdded(id);
            close();
            props.state.actions.openSource(id);
          }}
        />
      </Show>
    </section>
  );
}

function SourceFormView(props: {
  session: DraftSession;
  onCancel: () => void;
  onAdded: (id: string) => void;
}) {
  const [form, setForm] = createSignal<SourceForm>({ ...EMPTY_SOURCE_FORM });
  const [decoded, setDecoded] = createSignal<DecodedSource | null>(null);
  const [refusal, setRefusal] = createSignal<string | null>(null);
  const [tried, setTried] = createSignal(false);
  const problems = () => (tried() ? sourceFormProblems(form()) : {});
  const edit = (patch: Partial<SourceForm>) => setForm({ ...form(), ...patch });

  const paste = (raw: string) => {
    const d = raw === "" ? null : decodePastedText(raw);
    setDecoded(d);
    setRefusal(d && !d.ok ? T.textRefused(d.message) : null);
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    const d = decodeSourceFile(await readBytes(file));
    setDecoded(d);
    setRefusal(d.ok ? null : T.fileRefused(d.message));
    if (d.ok && textArea) textArea.value = d.text;
  };
  const submit = async (e: SubmitEvent) => {
    e.preventDefault();
    setTried(true);
    const d = decoded();
    if (!d?.ok || Object.keys(sourceFormProblems(form())).length > 0) return;
    const draft = props.session.draft();
    const record = await makeSourceRecord(draft, form(), d.text);
    await props.session.update(withSource(draft, record, d.text));
    props.onAdded(record.id);
  };
  let textArea: HTMLTextAreaElement | undefined;

  return (
    <form class="add-source-form" onSubmit={(e) => void submit(e)} novalidate>
      <h3>{T.heading}</h3>
      <label for="add-source-text">{T.text}</label>
      <p id="add-source-text-help" class="field-help">
        {T.textHelp}
      </p>
      <textarea
        id="add-source-text"
        ref={textArea}
        rows="6"
        aria-describedby="add-source-text-help add-source-text-note"
        aria-invalid={!!refusal() || (tried() && !decoded()?.ok)}
        onInput={(e) => paste(e.currentTarget.value)}
      />
      <label class="file-pick">
        {T.file}{" "}
        <input
          type="file"
          accept=".txt,text/plain"
          onChange={(e) => void openFile(e.currentTarget.files?.[0])}
        />
      </label>
      <TextNotes refusal={refusal()} missing={tried() && !decoded()} decoded={decoded()} />
      <SourceFields
        form={form()}
        problems={problems()}
        precisions={SOURCE_DATE_PRECISIONS}
        lineage={lineageChoices(props.session.draft())}
        onEdit={edit}
      />
      <Show when={tried() && Object.keys(problems()).length > 0}>
        <p role="alert" class="draft-error">
          {T.fix}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn primary">
          {T.add}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {T.cancel}
        </button>
      </div>
    </form>
  );
}

/** Why the text was refused, or what normalising it changed; the text area's description. */
function TextNotes(props: {
  refusal: string | null;
  missing: boolean;
  decoded: DecodedSource | null;
}) {
  const notes = () => {
    const d = props.decoded;
    return d?.ok ? [d.removedBom && T.bomRemoved, d.convertedLineEndings && T.crlfConverted] : [];
  };
  return (
    <div id="add-source-text-note">
      <Show when={props.refusal}>
        {(why) => (
          <p role="alert" class="draft-error">
            {why()}
          </p>
        )}
      </Show>
      <Show when={props.missing}>
        <p role="alert" class="draft-error">
          {T.textRefused("the text is empty")}
        </p>
      </Show>
      <For each={notes()}>{(note) => (note ? <p class="field-note">{note}</p> : null)}</For>
    </div>
  );
}

/** A file's bytes through FileReader, which every browser (and jsdom) has. */
function readBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
}
