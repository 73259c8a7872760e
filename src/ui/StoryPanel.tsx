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
import { localized } from "../model/i18n/localized.ts";
import type { Story } from "../model/story/types.ts";
import { useI18n } from "./i18n.ts";
import { OriginalMark } from "./OriginalMark.tsx";

export function StoryPanel(props: { story: StoryState; state: AppState; compact: boolean }) {
  const { t } = useI18n();
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
          <p class="story-kicker">{t("story.kicker")}</p>
          <button
            type="button"
            class="story-close"
            aria-label={t("story.close")}
            title={t("story.close")}
            onClick={() => st.close()}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
        <Switch>
          <Match when={st.status().kind === "loading"}>
            <h2 id="story-title" class="story-title">
              {t("story.kicker")}
            </h2>
            <p class="story-loading" role="status">
              {t("story.loading")}
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
                  {t("story.kicker")}
                </h2>
                <p class="story-error" role="alert">
                  {t("story.failed", err().id, err().message)}
                </p>
              </>
            )}
          </Match>
          <Match when={st.story()}>
            {(story) => <StoryBody story={st} title={story()} state={props.state} />}
          </Match>
        </Switch>
      </section>
    </Show>
  );
}

function StoryBody(props: { story: StoryState; title: Story; state: AppState }) {
  const { t, lang } = useI18n();
  const st = props.story;
  const total = () => st.story()?.steps.length ?? 0;
  const title = () => localized(props.title.title, props.title.i18n, "title", lang());
  const text = () => {
    const step = st.step();
    return step ? localized(step.text, step.i18n, "text", lang()) : null;
  };
  return (
    <>
      <h2 id="story-title" class="story-title">
        <span lang={title().lang}>{title().text}</span>
        <OriginalMark lang={title().lang} />
      </h2>
      <p class="story-progress" aria-live="polite">
        <span class="sr-only">{t("story.progressLabel")} </span>
        {t("story.progress", st.stepNo(), total())}
      </p>
      <div class="story-scroll">
        <Show when={text()}>
          {(x) => (
            <p class="story-text">
              <span lang={x().lang}>{x().text}</span>
              <OriginalMark lang={x().lang} />
            </p>
          )}
        </Show>
        <h3 class="story-sub">{t("story.passages")}</h3>
        <ul class="story-quotes">
          <For each={st.quotes()}>{(q) => <QuoteItem quote={q} state={props.state} />}</For>
        </ul>
        <StepEvents story={st} state={props.state} />
      </div>
      <div class="story-nav">
        <button type="button" class="btn" disabled={st.stepNo() <= 1} onClick={() => st.previous()}>
          <span aria-hidden="true">← </span>
          {t("story.previous")}
        </button>
        <button
          type="button"
          class="btn primary"
          disabled={st.stepNo() >= total()}
          onClick={() => st.next()}
        >
          {t("story.next")}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </>
  );
}

function QuoteItem(props: { quote: StoryQuote; state: AppState }) {
  const { t } = useI18n();
  const q = () => props.quote;
  return (
    <li class="story-quote" data-source={q().citation.source}>
      <blockquote class="passage" cite={`seeds/${q().citation.source}.txt`}>
        <mark>{revealInvisible(q().citation.exact)}</mark>
      </blockquote>
      <p class="story-quote-source">
        <span>{q().sourceTitle}</span>{" "}
        <Show when={q().range} fallback={<span class="warn">{t("story.notFound")}</span>}>
          {(range) => (
            <button
              type="button"
              class="link"
              onClick={() => props.state.actions.openSource(q().citation.source, range())}
            >
              {t("story.read")}
            </button>
          )}
        </Show>
      </p>
    </li>
  );
}

/** The step's events by title: choosing one opens it, as in the list. */
function StepEvents(props: { story: StoryState; state: AppState }) {
  const { t, lang } = useI18n();
  const s = props.state;
  const titled = () =>
    (props.story.step()?.events ?? []).flatMap((id) => {
      const p = s.data()?.index.eventById.get(id)?.properties;
      return p ? [{ id, title: localized(p.title, p.i18n, "title", lang()) }] : [];
    });
  return (
    <Show when={titled().length > 0}>
      <h3 class="story-sub">{t("story.events")}</h3>
      <ul class="story-events">
        <For each={titled()}>
          {(e) => (
            <li>
              <button type="button" class="link" onClick={() => s.actions.select(e.id, false)}>
                <span lang={e.title.lang}>{e.title.text}</span>
              </button>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
