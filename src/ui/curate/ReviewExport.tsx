/**
 * "Review changes": what the draft adds, edits and removes against the loaded data, events and
 * sources by title, each a way to it; then the export. A draft the validator rejects exports only
 * when the curator ticks that it is a draft with errors, and the export then says so in its name
 * and in DRAFT-ERRORS.txt.
 */
import { For, Show, createSignal } from "solid-js";
import type { IdDiff } from "../../model/curate/draft.ts";
import { draftExport } from "../../model/curate/export-files.ts";
import type { Problem } from "../../model/validate/validate.ts";
import type { AppState } from "../../state/app-state.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { folderPicker, writeExport, zipExport } from "../../state/curate/export-draft.ts";
import type { CurateMessages } from "../../model/i18n/en/curate.ts";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

type Kind = keyof CurateMessages["review"]["kinds"];

export function ReviewExport(props: {
  session: DraftSession;
  state: AppState;
  problems: () => readonly Problem[];
}) {
  const words = useAreaText(curateEn, curateEs);
  const [open, setOpen] = createSignal(false);
  return (
    <section class="curate-review" aria-labelledby="curate-review-heading">
      <div class="curate-bar">
        <h3 id="curate-review-heading">{words().review.export}</h3>
        <button
          type="button"
          class="btn"
          aria-expanded={open()}
          aria-controls="curate-review"
          onClick={() => setOpen(!open())}
        >
          {open() ? words().review.close : words().review.open}
        </button>
      </div>
      <div id="curate-review" hidden={!open()} data-testid="review">
        <Show when={open()}>
          <Review session={props.session} state={props.state} />
        </Show>
      </div>
      <Exporter session={props.session} problems={props.problems} />
    </section>
  );
}

function Review(props: { session: DraftSession; state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const s = props.state;
  const base = () => props.session.base;
  const draft = () => props.session.draft();
  const eventTitle = (id: string) =>
    (
      draft().events.features.find((f) => f.id === id) ??
      base().events.features.find((f) => f.id === id)
    )?.properties.title ?? id;
  const sourceTitle = (id: string) =>
    (
      draft().sources.sources.find((x) => x.id === id) ??
      base().sources.sources.find((x) => x.id === id)
    )?.title ?? id;
  const restore = (id: string) => {
    const was = base().events.features.find((f) => f.id === id);
    if (!was) return;
    const d = draft();
    void props.session.update({
      ...d,
      events: { ...d.events, features: [...d.events.features, was] },
    });
    s.actions.select(id, false);
  };
  const empty = () => props.session.changes() === 0;
  return (
    <>
      <h4>{words().review.heading}</h4>
      <Show when={!empty()} fallback={<p>{words().review.none}</p>}>
        <Changes
          label={words().review.events}
          diff={props.session.diff().events}
          title={eventTitle}
          open={(id) => s.actions.select(id)}
          restore={restore}
        />
        <Changes
          label={words().review.sources}
          diff={props.session.diff().sources}
          title={sourceTitle}
          open={(id) => s.actions.openSource(id)}
        />
      </Show>
    </>
  );
}

function Changes(props: {
  label: string;
  diff: IdDiff;
  title: (id: string) => string;
  open: (id: string) => void;
  restore?: (id: string) => void;
}) {
  const words = useAreaText(curateEn, curateEs);
  const kinds: Kind[] = ["added", "edited", "removed"];
  return (
    <For each={kinds.filter((k) => props.diff[k].length > 0)}>
      {(kind) => (
        <div class="review-group">
          <h5>{`${props.label}: ${words().review.kinds[kind]} (${props.diff[kind].length})`}</h5>
          <ul data-kind={kind}>
            <For each={props.diff[kind]}>
              {(id) => (
                <li>
                  <Show
                    when={kind !== "removed"}
                    fallback={
                      <>
                        <s>{props.title(id)}</s>{" "}
                        <Show when={props.restore}>
                          {(restore) => (
                            <button type="button" class="link" onClick={() => restore()(id)}>
                              {words().review.restore(props.title(id))}
                            </button>
                          )}
                        </Show>
                      </>
                    }
                  >
                    <button type="button" class="link" onClick={() => props.open(id)}>
                      {props.title(id)}
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </div>
      )}
    </For>
  );
}

function Exporter(props: { session: DraftSession; problems: () => readonly Problem[] }) {
  const words = useAreaText(curateEn, curateEs);
  const errors = () => props.problems().filter((p) => p.severity === "error");
  const [asDraft, setAsDraft] = createSignal(false);
  const [done, setDone] = createSignal<{ ok: boolean; text: string } | null>(null);
  const allowed = () => errors().length === 0 || asDraft();
  const made = () =>
    draftExport(
      props.session.draft(),
      props.session.base.sources.sources.map((x) => x.id),
      errors(),
      new Date().toISOString().slice(0, 10),
    );
  const picker = folderPicker();
  const download = () => {
    const exp = made();
    const url = URL.createObjectURL(
      new Blob([zipExport(exp) as Uint8Array<ArrayBuffer>], { type: "application/zip" }),
    );
    const a = document.createElement("a");
    a.href = url;
    a.download = exp.name;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setDone({ ok: true, text: words().review.zipped(exp.name) });
  };
  const write = async () => {
    const exp = made();
    try {
      await writeExport(await picker!({ mode: "readwrite", id: "vsm-export" }), exp);
      setDone({ ok: true, text: words().review.written(exp.files.length) });
    } catch (e) {
      // Closing the picker is a choice, not a failure: said as such, and the draft stays.
      if ((e as Error).name === "AbortError")
        setDone({ ok: true, text: words().review.folderCancelled });
      else setDone({ ok: false, text: words().review.failed(String(e)) });
    }
  };
  return (
    <div class="curate-export">
      <p class="event-note">
        {errors().length === 0 ? words().review.valid : words().review.invalid(errors().length)}
      </p>
      <Show when={errors().length > 0}>
        <label class="export-as-draft">
          <input
            type="checkbox"
            checked={asDraft()}
            onChange={(e) => setAsDraft(e.currentTarget.checked)}
          />
          {words().review.asDraft(errors().length)}
        </label>
      </Show>
      <div class="event-actions">
        <button type="button" class="btn" disabled={!allowed()} onClick={download}>
          {words().review.zip}
        </button>
        <Show when={picker}>
          <button type="button" class="btn" disabled={!allowed()} onClick={() => void write()}>
            {words().review.folder}
          </button>
        </Show>
      </div>
      <Show when={done()}>
        {(d) => (
          <p role={d().ok ? "status" : "alert"} class={d().ok ? "event-note" : "draft-error"}>
            {d().text}
          </p>
        )}
      </Show>
    </div>
  );
}
