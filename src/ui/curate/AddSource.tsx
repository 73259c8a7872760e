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
  decodeMessage,
  decodePastedText,
  decodeSourceFile,
} from "../../model/curate/source-text.ts";
import { SOURCE_DATE_PRECISIONS } from "../../model/types.ts";
import type { AppState } from "../../state/app-state.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { SourceFields } from "./SourceFields.tsx";
import "./add-source.css";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

export function AddSource(props: { session: DraftSession; state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const [open, setOpen] = createSignal(false);
  const [added, setAdded] = createSignal<string | null>(null);
  let opener: HTMLButtonElement | undefined;
  const close = () => {
    setOpen(false);
    queueMicrotask(() => opener?.focus());
  };
  return (
    <section class="add-source" aria-label={words().addSource.heading} data-testid="add-source">
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
              {words().addSource.open}
            </button>
            <Show when={added()}>
              {(id) => (
                <p role="status" class="add-source-done">
                  {words().addSource.added(id())}
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
  const words = useAreaText(curateEn, curateEs);
  const [form, setForm] = createSignal<SourceForm>({ ...EMPTY_SOURCE_FORM });
  const [decoded, setDecoded] = createSignal<DecodedSource | null>(null);
  const [from, setFrom] = createSignal<"file" | "text">("text");
  /** Worded when shown, so a switch of language rewords it. */
  const refusal = () => {
    const d = decoded();
    if (!d || d.ok) return null;
    return from() === "file"
      ? words().addSource.fileRefused(decodeMessage(words().decodeFile, d.problem))
      : words().addSource.textRefused(decodeMessage(words().decodeText, d.problem));
  };
  const [tried, setTried] = createSignal(false);
  const problems = () => (tried() ? sourceFormProblems(form()) : {});
  const edit = (patch: Partial<SourceForm>) => setForm({ ...form(), ...patch });

  const paste = (raw: string) => {
    const d = raw === "" ? null : decodePastedText(raw);
    setFrom("text");
    setDecoded(d);
  };
  const openFile = async (file: File | undefined) => {
    if (!file) return;
    const d = decodeSourceFile(await readBytes(file));
    setFrom("file");
    setDecoded(d);
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
      <h3>{words().addSource.heading}</h3>
      <label for="add-source-text">{words().addSource.text}</label>
      <p id="add-source-text-help" class="field-help">
        {words().addSource.textHelp}
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
        {words().addSource.file}{" "}
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
          {words().addSource.fix}
        </p>
      </Show>
      <div class="form-actions">
        <button type="submit" class="btn primary">
          {words().addSource.add}
        </button>
        <button type="button" class="btn" onClick={() => props.onCancel()}>
          {words().addSource.cancel}
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
  const words = useAreaText(curateEn, curateEs);
  const notes = () => {
    const d = props.decoded;
    return d?.ok
      ? [
          d.removedBom && words().addSource.bomRemoved,
          d.convertedLineEndings && words().addSource.crlfConverted,
        ]
      : [];
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
          {words().addSource.textRefused(words().decodeText.empty)}
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
