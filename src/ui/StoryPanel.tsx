/**
 * The story panel: the story's title, the step's text and the passages it rests on (verbatim,
 * each opening the source reader at its passage), previous and next, "3 of 9", close. The
 * arrow keys and PageUp/PageDown move steps while focus is in the panel; Escape closes it. Over
 * the map on a wide screen, a bottom sheet on a phone, compact in the embed view.
 */
import { For, Match, Show, Switch, createEffect, on } from "solid-js";
import { revealInvisible } from "../model/text/invisible.ts";
import type { AppState } from "../state/app-state.ts";
import type { StoryQuote, StoryState } from "../state/story.ts";

/** Every string the panel shows, in one place (for a message catalogue). */
export const STORY_TEXT = {
  kicker: "Story",
  loading: "Loading the story…",
  failed: (id: string, message: string) => `The story “${id}” could not be loaded: ${message}`,
  progress: (n: number, total: number) => `${n} of ${total}`,
  progressLabel: "Step",
  previous: "Previous",
  next: "Next",
  close: "Close the story",
  passages: "The passages it rests on",
  events: "Events in this step",
  read: "Read in source",
  notFound: "(not found in the source)",
} as const;

export function StoryPanel(props: { story: StoryState; state: AppState; compact: boolean }) {
  const st = props.story;
  let panel: HTMLElement | undefined;
  const onKey = (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    // Keys typed into a field of the page are not steps.
    if ((e.target as HTMLElement).closest("input, textarea, select")) return;
    if (e.key === "ArrowRight" || e.key === "PageDown") st.next();
    else if (e.key === "ArrowLeft" || e.key === "PageUp") st.previous();
    else if (e.key === "Escape") st.close();
    else return;
    e.preventDefault();
  };
  // Opened from the button: the reader goes where the story is.
  createEffect(
    on(
      () => st.status().kind,
      (kind, before) => {
        if (before === "closed" && kind !== "closed") queueMicrotask(() => panel?.focus());
      },
    ),
  );
  return (
    <Show when={st.status().kind !== "closed"}>
      <section
        ref={panel}
        class="story-panel"
        classList={{ compact: props.compact }}
        aria-labelledby="story-title"
        tabindex="-1"
        onKeyDown={onKey}
        data-testid="story-panel"
      >
        <div class="story-head">
          <p class="story-kicker">{STORY_TEXT.kicker}</p>
          <button
            type="button"
            class="story-close"
            aria-label={STORY_TEXT.close}
            title={STORY_TEXT.close}
            onClick={() => st.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <Switch>
          <Match when={st.status().kind === "loading"}>
            <h2 id="story-title" class="story-title">
              {STORY_TEXT.kicker}
            </h2>
            <p class="story-loading" role="status">
              {STORY_TEXT.loading}
            </p>
          </Match>
          <Match
            when={(() => {
              const s = st.status();
              return s.kind === "error" ? s : null;
            })()}
          >
            {(err) => (
              <>
                <h2 id="story-title" class="story-title">
                  {STORY_TEXT.kicker}
                </h2>
                <p class="story-error" role="alert">
                  {STORY_TEXT.failed(err().id, err().message)}
                </p>
              </>
            )}
          </Match>
          <Match when={st.story()}>
            {(story) => <StoryBody story={st} title={story().title} state={props.state} />}
          </Match>
        </Switch>
      </section>
    </Show>
  );
}

function StoryBody(props: { story: StoryState; title: string; state: AppState }) {
  const st = props.story;
  const total = () => st.story()?.steps.length ?? 0;
  return (
    <>
      <h2 id="story-title" class="story-title">
        {props.title}
      </h2>
      <p class="story-progress" aria-live="polite">
        <span class="sr-only">{STORY_TEXT.progressLabel} </span>
        {STORY_TEXT.progress(st.stepNo(), total())}
      </p>
      <div class="story-scroll">
        <p class="story-text">{st.step()?.text}</p>
        <h3 class="story-sub">{STORY_TEXT.passages}</h3>
        <ul class="story-quotes">
          <For each={st.quotes()}>{(q) => <QuoteItem quote={q} state={props.state} />}</For>
        </ul>
        <StepEvents story={st} state={props.state} />
      </div>
      <div class="story-nav">
        <button type="button" class="btn" disabled={st.stepNo() <= 1} onClick={() => st.previous()}>
          <span aria-hidden="true">← </span>
          {STORY_TEXT.previous}
        </button>
        <button
          type="button"
          class="btn primary"
          disabled={st.stepNo() >= total()}
          onClick={() => st.next()}
        >
          {STORY_TEXT.next}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </>
  );
}

function QuoteItem(props: { quote: StoryQuote; state: AppState }) {
  const q = () => props.quote;
  return (
    <li class="story-quote" data-source={q().citation.source}>
      <blockquote class="passage" cite={`seeds/${q().citation.source}.txt`}>
        <mark>{revealInvisible(q().citation.exact)}</mark>
      </blockquote>
      <p class="story-quote-source">
        <span>{q().sourceTitle}</span>{" "}
        <Show when={q().range} fallback={<span class="warn">{STORY_TEXT.notFound}</span>}>
          {(range) => (
            <button
              type="button"
              class="link"
              onClick={() => props.state.actions.openSource(q().citation.source, range())}
            >
              {STORY_TEXT.read}
            </button>
          )}
        </Show>
      </p>
    </li>
  );
}

/** The step's events by title: choosing one opens it, as in the list. */
function StepEvents(props: { story: StoryState; state: AppState }) {
  const s = props.state;
  const titled = () =>
    (props.story.step()?.events ?? []).flatMap((id) => {
      const e = s.data()?.index.eventById.get(id);
      return e ? [{ id, title: e.properties.title }] : [];
    });
  return (
    <Show when={titled().length > 0}>
      <h3 class="story-sub">{STORY_TEXT.events}</h3>
      <ul class="story-events">
        <For each={titled()}>
          {(e) => (
            <li>
              <button type="button" class="link" onClick={() => s.actions.select(e.id, false)}>
                {e.title}
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
