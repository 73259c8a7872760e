import { Show } from "solid-js";
import type { ResolvedCitation } from "../model/dataset.ts";
import { STANCE_LABEL } from "../model/category-style.ts";
import { sentenceContext } from "../model/text/anchor.ts";
import type { SourceDocument } from "../model/types.ts";
import { formatDay } from "./format.ts";

/**
 * One cited passage, verbatim, with a sentence of context either side and the quoted words
 * highlighted. Everything is rendered as text: markup in a source shows up as characters.
 */
export function CitationCard(props: {
  cited: ResolvedCitation;
  source: SourceDocument | undefined;
  text: string | undefined;
  onRead: (sourceId: string, range: [number, number] | null) => void;
  onLink?: (sourceId: string, range: [number, number]) => void;
}) {
  const c = () => props.cited.citation;
  const ctx = () => {
    const r = props.cited.range;
    return r && props.text !== undefined ? sentenceContext(props.text, r.start, r.end) : null;
  };
  return (
    <li class={`citation stance-${c().stance}`} data-source={c().source}>
      <div class="citation-head">
        <span class={`stance stance-${c().stance}`}>{c().stance === "denies" ? "Disputes" : c().stance === "claims" ? "Relays a claim" : "Reports"}</span>
        <span class="citation-source">
          {props.source?.title ?? c().source}
          <Show when={props.source?.outlet}>{(o) => <> · {o()}</>}</Show>
          <Show when={props.source?.published}>{(p) => <> · {p().precision === "day" ? "" : "c. "}{formatDay(p().date)}</>}</Show>
        </span>
      </div>
      <blockquote class="passage" cite={`seeds/${c().source}.txt`}>
        <Show when={ctx()} fallback={<mark>{c().exact}</mark>}>
          {(x) => (
            <>
              <span class="context">{x().before}</span>
              <mark>{x().quote}</mark>
              <span class="context">{x().after}</span>
            </>
          )}
        </Show>
      </blockquote>
      <Show when={!props.cited.range}>
        <p class="warn">This quote could not be found in its source; run <code>npm run check:data</code>.</p>
      </Show>
      <div class="citation-actions">
        <button type="button" class="link" onClick={() => { const r = props.cited.range; props.onRead(c().source, r ? [r.start, r.end] : null); }}>
          Read in source
        </button>
        <Show when={props.onLink && props.cited.range}>
          <button type="button" class="link" onClick={() => { const r = props.cited.range!; props.onLink!(c().source, [r.start, r.end]); }}>
            Link to this passage
          </button>
        </Show>
        <span class="sr-only">The source {STANCE_LABEL[c().stance]}.</span>
      </div>
    </li>
  );
}
