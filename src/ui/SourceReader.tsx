import { For, Show, createEffect, createMemo, createSignal, on } from "solid-js";
import type { DatasetIndex } from "../model/dataset.ts";
import { eventsOf, segmentText } from "../model/text/segments.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { formatDay } from "./format.ts";

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
  const isChosen = (start: number, end: number) =>
    !!props.passage && start < props.passage[1] && end > props.passage[0];
  let body!: HTMLDivElement;

  createEffect(() => {
    if (!props.passage || !props.text) return;
    queueMicrotask(() =>
      body?.querySelector<HTMLElement>("mark.chosen")?.scrollIntoView({ block: "center" }),
    );
  });

  const choose = (ids: string[]) =>
    ids.length === 1 ? props.onSelectEvent(ids[0]!) : setOffer(ids);
  const title = (id: string) => props.index.eventById.get(id)?.properties.title ?? id;

  return (
    <article class="reader" aria-labelledby="reader-title" data-source-id={props.sourceId}>
      <div class="panel-bar">
        <button type="button" class="back" onClick={() => props.onClose()}>
          {props.fromEvent ? "← Back to event" : "← All events"}
        </button>
      </div>
      <header>
        <p class="eyebrow">Source document · {props.sourceId}</p>
        <h2 id="reader-title" tabindex="-1">
          {source()?.title ?? props.sourceId}
        </h2>
        <p class="source-meta">
          {source()?.outlet ?? "Outlet not named in the text"} ·{" "}
          {source()
            ? `${source()!.published.precision === "day" ? "" : "c. "}${formatDay(source()!.published.date)}`
            : ""}{" "}
          · {passages().length} cited passage{passages().length === 1 ? "" : "s"}
        </p>
        <Show when={source()?.notes}>{(n) => <p class="basis">{n()}</p>}</Show>
      </header>
      <Show when={offer()}>
        {(ids) => (
          // biome-ignore lint/a11y/useSemanticElements: a group of links to events, not a form's fieldset.
          <div class="offer" role="group" aria-label="Events citing this passage">
            <p>This passage is cited by {ids().length} events:</p>
            <ul>
              <For each={ids()}>
                {(id) => (
                  <li>
                    <button type="button" class="link" onClick={() => props.onSelectEvent(id)}>
                      <Show when={props.index.eventById.get(id)}>
                        {(e) => <CategoryIcon category={e().properties.category} />}
                      </Show>{" "}
                      {title(id)}
                    </button>
                  </li>
                )}
              </For>
            </ul>
            <button type="button" class="link" onClick={() => setOffer(null)}>
              Cancel
            </button>
          </div>
        )}
      </Show>
      <Show
        when={props.text !== undefined}
        fallback={
          <p class="empty" role="status">
            This source's text could not be loaded.
          </p>
        }
      >
        <div class="source-text" ref={body} lang={source()?.language ?? "en"}>
          <For each={segments()}>
            {(seg) => {
              const text = props.text!.slice(seg.start, seg.end);
              if (!seg.passages.length) return <>{text}</>;
              const ids = eventsOf(seg.passages);
              const label =
                ids.length === 1 ? `Cited by: ${title(ids[0]!)}` : `Cited by ${ids.length} events`;
              // A cited passage stays a <mark> in the running text, and acts as a button
              // (Solid's `tabindex`, which the rules read as missing, makes it focusable).
              return (
                // biome-ignore lint/a11y/useFocusableInteractive: tabindex="0" is set below.
                // biome-ignore lint/a11y/useSemanticElements: a button would break the text's flow.
                <mark
                  classList={{
                    cited: true,
                    chosen: isChosen(seg.start, seg.end),
                    denies: seg.passages.some((p) =>
                      p.citations.some(
                        (c) =>
                          props.index.eventById.get(c.eventId)?.properties.citations[c.index]
                            ?.stance === "denies",
                      ),
                    ),
                  }}
                  // biome-ignore lint/a11y/noNoninteractiveElementToInteractiveRole: as above.
                  role="button"
                  tabindex="0"
                  aria-label={`${text.trim().slice(0, 60)}… — ${label}`}
                  title={label}
                  data-start={seg.start}
                  data-end={seg.end}
                  onClick={() => choose(ids)}
                  onKeyDown={(e) => {
                    if (e.key === "Enter" || e.key === " ") {
                      e.preventDefault();
                      choose(ids);
                    }
                  }}
                >
                  {text}
                </mark>
              );
            }}
          </For>
        </div>
      </Show>
    </article>
  );
}
