import { For, Show, createEffect, createMemo, createSignal, on } from "solid-js";
import type { DatasetIndex } from "../model/dataset.ts";
import { eventsOf, segmentText, type Segment } from "../model/text/segments.ts";
import { revealInvisible } from "../model/text/invisible.ts";
import type { SourceDocument } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { formatDayIn } from "../model/i18n/intl.ts";
import { localized } from "../model/i18n/localized.ts";
import { useI18n } from "./i18n.ts";
import { useAreaText } from "./i18n-area.ts";
import { reader as en } from "../model/i18n/en/reader.ts";
import { reader as es } from "../model/i18n/es/reader.ts";

/** The reader's words in the language shown (its own catalogue pair: the reader is lazy). */
const useText = () => useAreaText(en, es);

export interface SourceReaderProps {
  sourceId: string;
  index: DatasetIndex;
  text: string | undefined;
  /** The passage to scroll to and emphasise. */
  passage: [number, number] | null;
  /** The event the reader was opened from, if any (for the back button). */
  fromEvent: string | null;
  onSelectEvent: (id: string) => void;
  onClose: () => void;
}

/**
 * The whole source document, as text, with every cited passage marked. A marked passage is a
 * button: it selects the event that cites it, or offers the choice when several do.
 */
export function SourceReader(props: SourceReaderProps) {
  const text = useText();
  const { lang } = useI18n();
  const source = () => props.index.sourceById.get(props.sourceId);
  const passages = () => props.index.passagesBySource.get(props.sourceId) ?? [];
  const segments = createMemo(() => segmentText(props.text?.length ?? 0, passages()));
  const [offer, setOffer] = createSignal<string[] | null>(null);
  // The same reader instance is reused when Back/Forward switches sources: drop a stale offer.
  createEffect(
    on(
      () => props.sourceId,
      () => setOffer(null),
      { defer: true },
    ),
  );
  const fromTitle = () => {
    const p = props.fromEvent ? props.index.eventById.get(props.fromEvent)?.properties : undefined;
    return p ? localized(p.title, p.i18n, "title", lang()) : undefined;
  };
  const choose = (ids: string[]) =>
    ids.length === 1 ? props.onSelectEvent(ids[0]!) : setOffer(ids);
  const title = (id: string) => {
    const p = props.index.eventById.get(id)?.properties;
    return p ? localized(p.title, p.i18n, "title", lang()).text : id;
  };

  return (
    <article class="reader" aria-labelledby="reader-title" data-source-id={props.sourceId}>
      {/* The bar and the source's title stay in view while the text scrolls. */}
      <div class="reader-top">
        <div class="panel-bar">
          <button type="button" class="back" onClick={() => props.onClose()}>
            <span aria-hidden="true">←</span>{" "}
            {props.fromEvent ? text().backToEvent : text().allEvents}
          </button>
        </div>
        <ReaderHeader sourceId={props.sourceId} source={source()} passages={passages().length} />
      </div>
      <Show when={source()?.notes}>{(n) => <p class="basis reader-notes">{n()}</p>}</Show>
      <Show when={offer()}>
        {(ids) => (
          <CitingOffer
            ids={ids()}
            index={props.index}
            title={title}
            onSelectEvent={props.onSelectEvent}
            onCancel={() => setOffer(null)}
          />
        )}
      </Show>
      <Show
        when={props.text !== undefined}
        fallback={
          <p class="empty" role="status">
            {text().notLoaded}
          </p>
        }
      >
        <SourceText
          text={props.text!}
          segments={segments()}
          passage={props.passage}
          fromTitle={fromTitle()}
          lang={source()?.language ?? "en"}
          index={props.index}
          title={title}
          onChoose={choose}
        />
      </Show>
    </article>
  );
}

/** The source's whole text, each cited run marked; scrolled to the chosen passage, if any. */
function SourceText(props: {
  text: string;
  segments: Segment[];
  passage: [number, number] | null | undefined;
  /** The title of the event the reader was opened from, named at the chosen passage. */
  fromTitle: { text: string; lang: string } | undefined;
  lang: string;
  index: DatasetIndex;
  title: (id: string) => string;
  onChoose: (ids: string[]) => void;
}) {
  const words = useText();
  const { lang } = useI18n();
  const isChosen = (start: number, end: number) =>
    !!props.passage && start < props.passage[1] && end > props.passage[0];
  let body!: HTMLDivElement;
  /** The first marked run of the chosen passage: the event it was opened from is named there. */
  const firstChosen = createMemo(() =>
    props.segments.findIndex((seg) => seg.passages.length > 0 && isChosen(seg.start, seg.end)),
  );
  createEffect(() => {
    if (!props.passage || !props.text) return;
    queueMicrotask(() =>
      body?.querySelector<HTMLElement>("mark.chosen")?.scrollIntoView({ block: "center" }),
    );
  });
  return (
    <div
      class="source-text"
      classList={{ "has-chosen": firstChosen() >= 0 }}
      ref={body}
      lang={props.lang}
    >
      <For each={props.segments}>
        {(seg, k) => {
          const text = revealInvisible(props.text.slice(seg.start, seg.end));
          if (!seg.passages.length) return <>{text}</>;
          return (
            <>
              <Show when={k() === firstChosen() && props.fromTitle}>
                {(t) => (
                  <span class="from-event" lang={lang()}>
                    {words().fromEvent}
                    <span lang={t().lang}>{t().text}</span>
                  </span>
                )}
              </Show>
              <CitedMark
                seg={seg}
                text={text}
                index={props.index}
                chosen={isChosen(seg.start, seg.end)}
                title={props.title}
                onChoose={props.onChoose}
              />
            </>
          );
        }}
      </For>
    </div>
  );
}

function ReaderHeader(props: {
  sourceId: string;
  source: SourceDocument | undefined;
  passages: number;
}) {
  const text = useText();
  const { lang } = useI18n();
  return (
    <header>
      <p class="eyebrow">
        {text().eyebrow}
        {props.sourceId}
      </p>
      <h2 id="reader-title" tabindex="-1">
        {props.source?.title ?? props.sourceId}
      </h2>
      <p class="source-meta">
        {props.source?.outlet ?? text().noOutlet} ·{" "}
        {props.source
          ? `${props.source.published.precision === "day" ? "" : text().circa}${formatDayIn(lang(), props.source.published.date)}`
          : ""}{" "}
        · {text().passages(props.passages)}
      </p>
    </header>
  );
}

/** The events that cite a passage, to choose from. */
function CitingOffer(props: {
  ids: string[];
  index: DatasetIndex;
  title: (id: string) => string;
  onSelectEvent: (id: string) => void;
  onCancel: () => void;
}) {
  const text = useText();
  return (
    // biome-ignore lint/a11y/useSemanticElements: a group of links to events, not a form's fieldset.
    <div class="offer" role="group" aria-label={text().citing}>
      <p>{text().citedByCount(props.ids.length)}</p>
      <ul>
        <For each={props.ids}>
          {(id) => (
            <li>
              <button type="button" class="link" onClick={() => props.onSelectEvent(id)}>
                <Show when={props.index.eventById.get(id)}>
                  {(e) => <CategoryIcon category={e().properties.category} />}
                </Show>{" "}
                {props.title(id)}
              </button>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="link" onClick={() => props.onCancel()}>
        {text().cancel}
      </button>
    </div>
  );
}

/** A cited passage: it stays a <mark> in the running text, and acts as a button (Solid's
 * `tabindex`, which the rules read as missing, makes it focusable). Its name is its own text, as
 * seen; who cites it is its description (the title). */
function CitedMark(props: {
  seg: Segment;
  text: string;
  index: DatasetIndex;
  chosen: boolean;
  title: (id: string) => string;
  onChoose: (ids: string[]) => void;
}) {
  const ids = eventsOf(props.seg.passages);
  const text = useText();
  const label = () =>
    ids.length === 1 ? text().citedBy(props.title(ids[0]!)) : text().citedByMany(ids.length);
  return (
    // biome-ignore lint/a11y/useFocusableInteractive: tabindex="0" is set below.
    // biome-ignore lint/a11y/useSemanticElements: a button would break the text's flow.
    <mark
      classList={{
        cited: true,
        chosen: props.chosen,
        denies: props.seg.passages.some((p) =>
          p.citations.some(
            (c) =>
              props.index.eventById.get(c.eventId)?.properties.citations[c.index]?.stance ===
              "denies",
          ),
        ),
      }}
      // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: as above.
      role="button"
      tabindex="0"
      title={label()}
      data-start={props.seg.start}
      data-end={props.seg.end}
      onClick={() => {
        // A drag that ends in the mark selected words (to copy or cite them): not a choice.
        if (!(document.getSelection()?.isCollapsed ?? true)) return;
        props.onChoose(ids);
      }}
      onKeyDown={(e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          props.onChoose(ids);
        }
      }}
    >
      {props.text}
    </mark>
  );
}
