import { Show } from "solid-js";
import type { ResolvedCitation } from "../model/dataset.ts";
import { sentenceContext } from "../model/text/anchor.ts";
import { revealInvisible } from "../model/text/invisible.ts";
import type { Citation, SourceDocument } from "../model/types.ts";
import { CopyCitation } from "./CopyCitation.tsx";
import { formatDay } from "./format.ts";
import { ORIGINAL_LANG } from "../model/i18n/localized.ts";
import { useI18n } from "./i18n.ts";

/**
 * One cited passage, verbatim, with a sentence of context either side and the quoted words
 * highlighted. Everything is rendered as text: markup in a source shows up as characters, and
 * invisible or bidirectional-control characters as visible marks (invisible.ts).
 */
export function CitationCard(props: {
  cited: ResolvedCitation;
  source: SourceDocument | undefined;
  text: string | undefined;
  /** The origin this passage retells, named, when it is not the document's own. */
  retells?: string | undefined;
  onRead: (sourceId: string, range: [number, number] | null) => void;
  onLink?: (sourceId: string, range: [number, number]) => void;
  linkOf?: (sourceId: string, range: [number, number]) => string;
}) {
  const { t } = useI18n();
  const c = () => props.cited.citation;
  const ctx = () => {
    const r = props.cited.range;
    return r && props.text !== undefined ? sentenceContext(props.text, r.start, r.end) : null;
  };
  return (
    <li
      class={`citation stance-${c().stance} supports-${c().supports ?? "event"}`}
      data-source={c().source}
      data-index={props.cited.index}
      data-range={
        props.cited.range ? `${props.cited.range.start}-${props.cited.range.end}` : undefined
      }
    >
      <CitationHead citation={c()} source={props.source} />
      <Show when={props.retells}>{(o) => <p class="retells">{t("event.retells", o())}</p>}</Show>
      <blockquote class="passage" cite={`seeds/${c().source}.txt`}>
        <Show when={ctx()} fallback={<mark>{revealInvisible(c().exact)}</mark>}>
          {(x) => (
            <>
              <span class="context">{revealInvisible(x().before)}</span>
              <mark>{revealInvisible(x().quote)}</mark>
              <span class="context">{revealInvisible(x().after)}</span>
            </>
          )}
        </Show>
      </blockquote>
      <QuoteTranslation citation={c()} />
      <Show when={!props.cited.range}>
        <p class="warn">
          {t("event.quoteNotFound").split("{cmd}")[0]}
          <code>npm run check:data</code>
          {t("event.quoteNotFound").split("{cmd}")[1]}
        </p>
      </Show>
      <CitationActions
        cited={props.cited}
        source={props.source}
        onRead={props.onRead}
        onLink={props.onLink}
        linkOf={props.linkOf}
      />
    </li>
  );
}

/**
 * A curator's translation of the passage into the language shown, beside the quote and
 * labelled as one: the quote above stays as the source has it.
 */
function QuoteTranslation(props: { citation: Citation }) {
  const { t, lang } = useI18n();
  const text = () => {
    const x = props.citation.i18n?.[lang()]?.quote;
    return lang() !== ORIGINAL_LANG && typeof x === "string" && x.trim() ? x : null;
  };
  return (
    <Show when={text()}>
      {(x) => (
        <p class="quote-translation" lang={lang()}>
          <span class="quote-translation-label">{t("event.quoteTranslation")}: </span>
          {x()}
        </p>
      )}
    </Show>
  );
}

/** What the passage does (its stance, or that it only fixes the date or place), and where from. */
function CitationHead(props: { citation: Citation; source: SourceDocument | undefined }) {
  const { t, lang } = useI18n();
  const c = () => props.citation;
  return (
    <div class="citation-head">
      <span class={`stance stance-${c().stance}`}>{t("event.stance")[stanceKey(c())]}</span>
      <span class="citation-source">
        {props.source?.title ?? c().source}
        <Show when={props.source?.outlet}>{(o) => <> · {o()}</>}</Show>
        <Show when={props.source?.published}>
          {(p) => (
            <>
              {" "}
              · {p().precision === "day" ? "" : t("event.circa")}
              {formatDay(p().date, lang())}
            </>
          )}
        </Show>
      </span>
    </div>
  );
}

/** Reading the passage in its source, a link to it, and its stance for a screen reader. */
function CitationActions(props: {
  cited: ResolvedCitation;
  source: SourceDocument | undefined;
  onRead: (sourceId: string, range: [number, number] | null) => void;
  onLink?: (sourceId: string, range: [number, number]) => void;
  linkOf?: (sourceId: string, range: [number, number]) => string;
}) {
  const { t } = useI18n();
  const c = () => props.cited.citation;
  return (
    <div class="citation-actions">
      <button
        type="button"
        class="link"
        onClick={() => {
          const r = props.cited.range;
          props.onRead(c().source, r ? [r.start, r.end] : null);
        }}
      >
        {t("story.read")}
      </button>
      <Show when={props.onLink && props.cited.range}>
        <button
          type="button"
          class="link"
          onClick={() => {
            const r = props.cited.range!;
            props.onLink!(c().source, [r.start, r.end]);
          }}
        >
          {t("event.linkPassage")}
        </button>
      </Show>
      <CopyCitation cited={props.cited} source={props.source} linkOf={props.linkOf} />
      <span class="sr-only">{t("event.stanceSaid")[stanceKey(c())]}</span>
    </div>
  );
}

/** What a passage does: its stance, unless it only fixes the date or the place. */
const stanceKey = (c: Citation) =>
  c.supports === "date" || c.supports === "place" ? c.supports : c.stance;
