import { Show, createMemo } from "solid-js";
import { CATEGORY_STYLE } from "../model/category-style.ts";
import type { DatasetIndex } from "../model/dataset.ts";
import { leadCitation } from "../model/evidence/lead.ts";
import { evidenceOf } from "../model/evidence/origins.ts";
import { statusWords } from "../model/evidence/status-words.ts";
import { revealInvisible } from "../model/text/invisible.ts";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { formatEventDate } from "./format.ts";
import { useI18n } from "./i18n.ts";

/**
 * An event, compactly, for the embed: its date, its status in words, its lead quote and a link
 * that opens the full map at it (in a new tab: the embed stays as the article placed it).
 */
export function EmbedCard(props: {
  event: SituationEvent;
  index: DatasetIndex;
  /** The full map's link to this event. */
  href: string;
  onClose: () => void;
  /** Back to the list it was chosen from, when it was. */
  onBack?: (() => void) | undefined;
}) {
  const p = () => props.event.properties;
  const { t } = useI18n();
  const words = createMemo(() =>
    statusWords(
      p().status,
      evidenceOf(props.index, props.event),
      props.index.lineage.nameOf,
      t("status"),
    ),
  );
  // The lead quote, as the event's page and its link preview quote it.
  const lead = createMemo(() => leadCitation(props.index, props.event));
  return (
    <article class="embed-card" aria-labelledby="embed-card-title" data-testid="embed-card">
      <div class="embed-card-bar">
        <Show when={props.onBack}>
          {(back) => (
            <button type="button" class="back" onClick={() => back()()}>
              <span aria-hidden="true">←</span> List
            </button>
          )}
        </Show>
        <p class="eyebrow">
          <CategoryIcon category={p().category} size={14} expected={p().expected} />{" "}
          {CATEGORY_STYLE[p().category]?.label ?? p().category}
        </p>
        <button
          type="button"
          class="close"
          aria-label="Close this event"
          onClick={() => props.onClose()}
        >
          ×
        </button>
      </div>
      <h2 id="embed-card-title" tabindex="-1">
        {p().title}
      </h2>
      <p class="embed-card-facts">
        <span class="embed-card-date">{formatEventDate(p().date)}</span> ·{" "}
        <span class={`badge status-${p().status}`}>{words().label}</span>{" "}
        <span class="embed-card-status">{words().detail}</span>
      </p>
      <Show when={lead()}>
        {(c) => (
          <blockquote class="embed-card-quote">
            “{revealInvisible(c().citation.exact)}”
            <footer>
              — {props.index.sourceById.get(c().citation.source)?.title ?? c().citation.source}
            </footer>
          </blockquote>
        )}
      </Show>
      <a class="embed-card-link" href={props.href} target="_blank" rel="noopener">
        View sources ↗
      </a>
    </article>
  );
}
