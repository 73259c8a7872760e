/**
 * Curate mode's panel, above the list or the reader in the side column: what curate mode is, the
 * draft's state, and the way out. It is a chunk of its own (App.tsx loads it with import()), so
 * readers who never curate never download it.
 */
import { Show, createEffect, createSignal, createResource, on, onCleanup, untrack } from "solid-js";
import type { AppState } from "../../state/app-state.ts";
import { type BaseDraftProblem, loadBaseDraft } from "../../state/curate/base-draft.ts";
import { draftData } from "../../state/curate/draft-data.ts";
import { draftKey, openDraftDB } from "../../state/curate/draft-db.ts";
import { createDraftSession } from "../../state/curate/draft-session.ts";
import { DEFAULT_EVENTS, SOURCES } from "../../state/load.ts";
import type { Draft } from "../../model/curate/draft.ts";
import { AddSource } from "./AddSource.tsx";
import { CiteSelection } from "./CiteSelection.tsx";
import { CurateEvents } from "./CurateEvents.tsx";
import { DraftStatus } from "./DraftStatus.tsx";
import { ProblemsList } from "./ProblemsList.tsx";
import "./curate.css";
import { type CurateMessages, curate as curateEn } from "../../model/i18n/en/curate.ts";
import { curate as curateEs } from "../../model/i18n/es/curate.ts";
import { useI18n } from "../i18n.ts";
import { useAreaText } from "../i18n-area.ts";

/** One store for the page: every panel opened reads and writes the same drafts. */
const db = openDraftDB();

export function CuratePanel(props: { state: AppState }) {
  const words = useAreaText(curateEn, curateEs);
  const { lang } = useI18n();
  const s = props.state;
  const eventsPath = () => s.view.data ?? DEFAULT_EVENTS;
  const sourcesPath = () => s.view.sourcesFile ?? SOURCES;
  // Read once the data is in, and not again when the draft replaces the app's data.
  const [base] = createResource(
    () => s.data() !== null,
    () => loadBaseDraft(document.baseURI, eventsPath(), sourcesPath(), untrack(s.data)!.seeds),
  );
  return (
    <section class="curate-panel" aria-labelledby="curate-heading" data-testid="curate">
      <div class="curate-bar">
        <h2 id="curate-heading">{words().panel.heading}</h2>
        <button type="button" class="btn" onClick={() => s.actions.setCurate(false)}>
          {words().panel.leave}
        </button>
      </div>
      <p class="curate-intro">{words().panel.intro}</p>
      {/* The validator's problems are shown word for word, as check:data says them. */}
      <Show when={lang() !== "en"}>
        <p class="curate-intro" data-testid="validator-note">
          {words().panel.validatorNote}
        </p>
      </Show>
      <Show when={base()} fallback={<p role="status">{words().panel.loading}</p>}>
        {(b) => {
          const read = b();
          return read.ok ? (
            <DraftArea
              state={s}
              base={read.draft}
              dataKey={draftKey(eventsPath(), sourcesPath())}
            />
          ) : (
            <p role="alert" class="draft-error">
              {baseProblem(words(), read)}
            </p>
          );
        }}
      </Show>
    </section>
  );
}

/** Why the dataset could not be read for curation, in the language shown. */
function baseProblem(words: CurateMessages, p: BaseDraftProblem): string {
  if (p.code === "unreadable") return words.baseLoad.unreadable(p.why);
  return p.code === "noSources"
    ? words.baseLoad.noSources(p.file)
    : words.baseLoad.notGeojson(p.file);
}

/** The draft itself, once its base is read: restored from the store or made anew. */
function DraftArea(props: { state: AppState; base: Draft; dataKey: string }) {
  const words = useAreaText(curateEn, curateEs);
  const s = props.state;
  const session = createDraftSession(props.base, props.dataKey, db);
  const loaded = untrack(s.data);
  const [shapeError, setShapeError] = createSignal<string | null>(null);
  // The app shows the draft while curate mode is open (the base draft is the loaded data already),
  // and the loaded data again when it closes.
  createEffect(
    on(
      session.draft,
      (d) => {
        const made = draftData(d, loaded?.eventsFile ?? "");
        setShapeError(made.ok ? null : made.message);
        if (made.ok) s.actions.loaded(made.data);
      },
      { defer: true },
    ),
  );
  onCleanup(() => loaded && s.actions.loaded(loaded));
  return (
    <>
      <DraftStatus session={session} />
      <AddSource session={session} state={s} />
      <CiteSelection session={session} state={s} />
      <ProblemsList session={session} state={s} />
      <CurateEvents session={session} state={s} />
      <Show when={shapeError()}>
        {(why) => (
          <p role="alert" class="draft-error">
            {words().panel.unshowable(why())}
          </p>
        )}
      </Show>
    </>
  );
}
