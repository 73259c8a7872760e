/**
 * "Cite this passage": words selected in the source reader become a TextQuoteSelector
 * (model/curate/cite.ts, with the minimal context), the curator says which event it is evidence
 * of, its stance and what it supports, and the citation goes into the draft. The validator's
 * messages for it are shown beside it at once, and again whenever the draft changes (a quote that
 * no longer anchors after its text changed says so).
 */
import { type Accessor, For, Show, createMemo, createSignal, onCleanup } from "solid-js";
import {
  problemsAt,
  quoteFromSelection,
  type SelectionProblem,
  withCitation,
} from "../../model/curate/cite.ts";
import type { QuoteSelector } from "../../model/text/anchor.ts";
import type { Citation } from "../../model/types.ts";
import type { AppState } from "../../state/app-state.ts";
import type { DraftSession } from "../../state/curate/draft-session.ts";
import { validationOf } from "../../state/curate/draft-validation.ts";
import { CiteForm } from "./CiteForm.tsx";
import { type ReaderSelection, readSelection } from "./reader-selection.ts";
import "./cite.css";
import { curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useAreaText } from "../i18n-area.ts";

interface Pending {
  sourceId: string;
  selector: QuoteSelector;
}

export function CiteSelection(props: { session: DraftSession; state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const s = props.state;
  const [refusal, setRefusal] = createSignal<SelectionProblem | null>(null);
  const [pending, setPending] = createSignal<Pending | null>(null);
  const [last, setLast] = createSignal<{ path: string; eventId: string } | null>(null);
  let section!: HTMLElement;
  const selection = createReaderSelection(
    s,
    () => section,
    () => setRefusal(null),
  );

  const cite = () => {
    const sel = selection();
    if (sel.kind === "none") return void setRefusal("empty");
    if (sel.kind === "outside") return void setRefusal("outside");
    const text = s.data()?.seeds[sel.sourceId] ?? "";
    const quote = quoteFromSelection(text, sel.start, sel.end);
    if (!quote.ok) return void setRefusal(quote.problem);
    setRefusal(null);
    setPending({ sourceId: sel.sourceId, selector: quote.selector });
  };

  const add = async (eventId: string, fields: Omit<Citation, "source" | keyof QuoteSelector>) => {
    const p = pending();
    if (!p) return;
    const made = withCitation(props.session.draft(), eventId, {
      source: p.sourceId,
      ...p.selector,
      ...fields,
    });
    if (!made) return;
    setPending(null);
    setLast({ path: made.path, eventId });
    await props.session.update(made.draft);
  };

  return (
    <section ref={section} class="cite" aria-labelledby="cite-heading" data-testid="cite">
      <h3 id="cite-heading">{words().citeSelection.heading}</h3>
      <p class="field-help" role="status">
        {(() => {
          const sel = selection();
          return sel.kind === "in"
            ? words().citeSelection.selected(Math.abs(sel.end - sel.start))
            : words().citeSelection.hint;
        })()}
      </p>
      <Show when={!pending()}>
        <button type="button" class="btn" onClick={cite}>
          {words().citeSelection.cite}
        </button>
      </Show>
      <Show when={refusal()}>
        {(why) => (
          <p role="alert" class="draft-error">
            {words().selection[why()]}
          </p>
        )}
      </Show>
      <Show when={pending()}>
        {(p) => (
          <CiteForm
            selector={p().selector}
            events={props.session
              .draft()
              .events.features.map((f) => ({ id: f.id, title: f.properties.title }))}
            selectedEvent={s.view.event}
            onAdd={(eventId, fields) => void add(eventId, fields)}
            onCancel={() => setPending(null)}
          />
        )}
      </Show>
      <Show when={last()}>
        {(l) => <CiteVerdict session={props.session} path={l().path} eventId={l().eventId} />}
      </Show>
    </section>
  );
}

/**
 * The page's selection as it concerns the reader, followed through `selectionchange`. Pressing
 * a button of the section may clear the page's selection: the one it was pressed for is kept.
 */
function createReaderSelection(
  s: AppState,
  section: () => HTMLElement,
  onSelected: () => void,
): Accessor<ReaderSelection> {
  const [selection, setSelection] = createSignal<ReaderSelection>({ kind: "none" });
  const onSelectionChange = () => {
    const next = readSelection(document.getSelection(), (id) => s.data()?.seeds[id]);
    if (next.kind === "none" && section().contains(document.activeElement)) return;
    setSelection(next);
    if (next.kind !== "none") onSelected();
  };
  document.addEventListener("selectionchange", onSelectionChange);
  onCleanup(() => document.removeEventListener("selectionchange", onSelectionChange));
  return selection;
}

/** The validator's problems at the citation's path, again on every change of the draft. */
function CiteVerdict(props: { session: DraftSession; path: string; eventId: string }) {
  const words = useAreaText(curateEn, curateEs);
  const verdict = createMemo(() => {
    const draft = props.session.draft();
    const event = draft.events.features.find((f) => f.id === props.eventId);
    return {
      title: event?.properties.title ?? props.eventId,
      problems: problemsAt(validationOf(draft).problems, props.path),
    };
  });
  return (
    <div class="cite-verdict" role="status" data-testid="cite-verdict">
      <p>{words().citeSelection.cited(verdict().title)}</p>
      <Show when={verdict().problems.length > 0} fallback={<p>{words().citeSelection.clean}</p>}>
        <p>{words().citeSelection.problems}</p>
        <ul>
          <For each={verdict().problems}>
            {(problem) => (
              <li class={problem.severity === "error" ? "draft-error" : undefined}>
                {problem.message}
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
