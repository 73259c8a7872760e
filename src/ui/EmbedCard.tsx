import { Show, createMemo } from "solid-js";
import type { DatasetIndex } from "../model/dataset.ts";
import { leadCitation } from "../model/evidence/lead.ts";
import { evidenceOf } from "../model/evidence/origins.ts";
import { statusWords } from "../model/evidence/status-words.ts";
import { embed as en } from "../model/i18n/en/embed.ts";
import { embed as es } from "../model/i18n/es/embed.ts";
import { localized } from "../model/i18n/localized.ts";
import { revealInvisible } from "../model/text/invisible.ts";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { useEventDate } from "./format.ts";
import { useI18n } from "./i18n.ts";
import { useAreaText } from "./i18n-area.ts";
import { OriginalMark } from "./OriginalMark.tsx";

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
  const { t, lang } = useI18n();
  const text = useAreaText(en, es);
  const eventDate = useEventDate();
  const title = () => localized(p().title, p().i18n, "title", lang());
  const words = createMemo(() =>
    statusWords(
      p().status,
      evidenceOf(props.index, props.event),
      (origin) => props.index.lineage.nameOf(origin, lang()),
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
              <span aria-hidden="true">←</span> {text().back}
            </button>
          )}
        </Show>
        <p class="eyebrow">
          <CategoryIcon category={p().category} size={14} expected={p().expected} />{" "}
          {t("categories")[p().category] ?? p().category}
        </p>
        <button
          type="button"
          class="close"
          aria-label={text().close}
          onClick={() => props.onClose()}
        >
          ×
        </button>
      </div>
      <h2 id="embed-card-title" tabindex="-1">
        <span lang={title().lang}>{title().text}</span>
        <OriginalMark lang={title().lang} />
      </h2>
      <p class="embed-card-facts">
        <span class="embed-card-date">{eventDate(p().date)}</span> ·{" "}
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
        {text().viewSources}
      </a>
    </article>
  );
}
