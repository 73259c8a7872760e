import { For, Show } from "solid-js";
import { CATEGORY_STYLE, STATUS_LABEL } from "../model/category-style.ts";
import type { DatasetIndex } from "../model/dataset.ts";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { CitationCard } from "./CitationCard.tsx";
import { DATE_PRECISION_LABEL, formatEventDate, formatPlacePrecision } from "./format.ts";

export interface EventPanelProps {
  event: SituationEvent;
  index: DatasetIndex;
  seeds: Record<string, string>;
  onClose: () => void;
  onRead: (sourceId: string, range: [number, number] | null) => void;
  onLink?: (sourceId: string, range: [number, number]) => void;
  /** The event does not match the current filters (it stays open, and marked on the map). */
  filteredOut?: boolean;
  onClearFilters?: () => void;
}

/** Everything known about one event, and every passage it rests on. */
export function EventPanel(props: EventPanelProps) {
  const p = () => props.event.properties;
  const cited = () => props.index.citationsByEvent.get(props.event.id) ?? [];
  const sourceCount = () => new Set(p().citations.map((c) => c.source)).size;
  const denials = () => p().citations.filter((c) => c.stance === "denies").length;
  let heading!: HTMLHeadingElement;
  return (
    <article class="event-panel" aria-labelledby="event-title" data-event-id={props.event.id}>
      <div class="panel-bar">
        <button type="button" class="back" onClick={() => props.onClose()} aria-label="Close event and return to the list">← All events</button>
      </div>
      <Show when={props.filteredOut}>
        <p class="filtered-out" role="note">
          Outside the current filters: not in the list or the count, shown because it is open.{" "}
          <Show when={props.onClearFilters}>
            <button type="button" class="link" onClick={() => props.onClearFilters?.()}>Clear filters</button>
          </Show>
        </p>
      </Show>
      <header>
        <p class="eyebrow">
          <CategoryIcon category={p().category} size={18} /> {CATEGORY_STYLE[p().category]?.label ?? p().category}
        </p>
        <h2 id="event-title" ref={heading} tabindex="-1">{p().title}</h2>
        <p class="summary"><span class="sr-only">Curator's summary: </span>{p().summary}</p>
      </header>
      <dl class="facts">
        <dt>When</dt>
        <dd>
          <strong>{formatEventDate(p().date)}</strong> <span class="precision">({DATE_PRECISION_LABEL[p().date.precision]})</span>
          <p class="basis">{p().date.basis}</p>
        </dd>
        <dt>Where</dt>
        <dd>
          <strong>{p().place.name}</strong> <span class="precision">({formatPlacePrecision(p().place)})</span>
          <Show when={!props.event.geometry}><span class="precision"> · not placed on the map</span></Show>
          <p class="basis">{p().place.basis}</p>
        </dd>
        <dt>Status</dt>
        <dd>
          <span class={`badge status-${p().status}`}>{STATUS_LABEL[p().status]}</span>{" "}
          {p().citations.length} passage{p().citations.length === 1 ? "" : "s"} from {sourceCount()} source{sourceCount() === 1 ? "" : "s"}
          <Show when={denials() > 0}>, {denials()} disputing</Show>
        </dd>
        <Show when={p().actors.length}>
          <dt>Actors</dt>
          <dd>{p().actors.join(", ")}</dd>
        </Show>
      </dl>
      <h3>Sources</h3>
      <ol class="citations">
        <For each={cited()}>
          {(c) => (
            <CitationCard
              cited={c}
              source={props.index.sourceById.get(c.citation.source)}
              text={props.seeds[c.citation.source]}
              onRead={props.onRead}
              onLink={props.onLink}
            />
          )}
        </For>
      </ol>
    </article>
  );
}
