import { For, Show, createMemo } from "solid-js";
import type { DatasetIndex, ResolvedCitation } from "../model/dataset.ts";
import { groupCitations } from "../model/evidence/citation-groups.ts";
import { evidenceOf, shortSourceId } from "../model/evidence/origins.ts";
import { listWords, statusWords } from "../model/evidence/status-words.ts";
import type { SituationEvent } from "../model/types.ts";
import { CategoryIcon } from "./CategoryIcon.tsx";
import { CitationCard } from "./CitationCard.tsx";
import { EvidenceNote } from "./EvidenceNote.tsx";
import { useEventDate } from "./format.ts";
import { formatNumber } from "../model/i18n/intl.ts";
import type { Lang } from "../model/i18n/lang.ts";
import { localized, ORIGINAL_LANG } from "../model/i18n/localized.ts";
import type { EventPlace } from "../model/types.ts";
import type { Translator } from "../state/i18n.ts";
import { useI18n } from "./i18n.ts";
import { OriginalMark } from "./OriginalMark.tsx";

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
  const { t, lang } = useI18n();
  const eventDate = useEventDate();
  const p = () => props.event.properties;
  const title = () => localized(p().title, p().i18n, "title", lang());
  const summary = () => localized(p().summary, p().i18n, "summary", lang());
  let heading!: HTMLHeadingElement;
  return (
    <article class="event-panel" aria-labelledby="event-title" data-event-id={props.event.id}>
      <div class="panel-bar">
        <button type="button" class="back" onClick={() => props.onClose()}>
          <span aria-hidden="true">←</span> {t("event.allEvents")}
        </button>
      </div>
      <Show when={props.filteredOut}>
        <FilteredOutNote onClearFilters={props.onClearFilters} />
      </Show>
      <header>
        <p class="eyebrow">
          <CategoryIcon category={p().category} size={18} expected={p().expected} />{" "}
          {t("categories")[p().category] ?? p().category}
          <Show when={p().expected}>
            {" "}
            · <span class="expected-tag">{t("event.expected")}</span>
          </Show>
        </p>
        <h2 id="event-title" ref={heading} tabindex="-1">
          <span lang={title().lang}>{title().text}</span>
          <OriginalMark lang={title().lang} />
        </h2>
        <p class="summary">
          <span class="sr-only">{t("event.summary")}</span>
          <span lang={summary().lang}>{summary().text}</span>
          <OriginalMark lang={summary().lang} />
        </p>
      </header>
      <dl class="facts">
        <dt>{t("event.when")}</dt>
        <dd>
          <strong>{eventDate(p().date)}</strong>{" "}
          <span class="precision">({t("dates.precision")[p().date.precision]})</span>
          <Show when={p().expected}>
            <span class="precision">{t("event.announced")}</span>
          </Show>
          <Basis text={p().date.basis} />
        </dd>
        <dt>{t("event.where")}</dt>
        <dd>
          <strong lang={ORIGINAL_LANG}>{p().place.name}</strong>{" "}
          <span class="precision">({placePrecision(t, lang(), p().place)})</span>
          <Show when={!props.event.geometry}>
            <span class="precision">{t("event.notPlaced")}</span>
          </Show>
          <Basis text={p().place.basis} />
        </dd>
        <dt>{t("event.status")}</dt>
        <StatusFact event={props.event} index={props.index} />
        <Show when={p().actors.length}>
          <dt>{t("event.actors")}</dt>
          <dd lang={ORIGINAL_LANG}>{p().actors.join(", ")}</dd>
        </Show>
      </dl>
      <h3>{t("event.sources")}</h3>
      <CitationGroups {...props} />
    </article>
  );
}

/** Why a date or place is what it is: the curator's words, never translated, so marked as such. */
function Basis(props: { text: string }) {
  return (
    <p class="basis">
      <span lang={ORIGINAL_LANG}>{props.text}</span>
      <OriginalMark lang={ORIGINAL_LANG} />
    </p>
  );
}

function FilteredOutNote(props: { onClearFilters?: () => void }) {
  const { t } = useI18n();
  return (
    <p class="filtered-out" role="note">
      {t("event.filteredOut")}{" "}
      <Show when={props.onClearFilters}>
        <button type="button" class="link" onClick={() => props.onClearFilters?.()}>
          {t("app.clearFilters")}
        </button>
      </Show>
    </p>
  );
}

/** The status in words, and where the passages behind it come from. */
function StatusFact(props: { event: SituationEvent; index: DatasetIndex }) {
  const { t, lang } = useI18n();
  const evidence = createMemo(() => evidenceOf(props.index, props.event));
  const nameOf = (origin: string) => props.index.lineage.nameOf(origin, lang());
  const words = () => statusWords(props.event.properties.status, evidence(), nameOf, t("status"));
  const docs = (ids: readonly string[]) => listWords(ids.map(shortSourceId), t("status.and"));
  return (
    <dd class="status-fact">
      <span class={`badge status-${props.event.properties.status}`}>{words().label}</span>{" "}
      <span class="status-words">{words().detail}</span>
      <ul class="origins" aria-label={t("event.origins")}>
        <For each={evidence().telling}>
          {(teller) => (
            <li>
              <strong>{nameOf(teller.origin)}</strong>
              {props.index.lineage.isOutside(teller.origin)
                ? `: ${t("status.toldIn", docs(teller.documents))}`
                : t("status.ownText")}
              {teller.vouches ? "" : t("status.hedges")}
            </li>
          )}
        </For>
        <For each={evidence().disputers}>
          {(d) => (
            <li class="denied-by">
              {t("status.disputedBy")}
              <strong>{d.name ?? nameOf(d.origin)}</strong>{" "}
              {/* One unit, so a line never breaks between the parenthesis and its link. */}
              <span class="nowrap">
                (
                <button type="button" class="link" onClick={() => showDenials(d.name, d.origin)}>
                  {t("event.passages", d.citations.length)}
                </button>
                )
              </span>
            </li>
          )}
        </For>
      </ul>
      <EvidenceNote />
    </dd>
  );
}

/** Brings one speaker's denials into view, and focus to their heading. */
function showDenials(name: string | null, origin: string): void {
  const groups = [...document.querySelectorAll<HTMLElement>(".group-denies")];
  const group =
    groups.find((g) => (name ? g.dataset.speaker === name : g.dataset.origin === origin)) ??
    groups[0];
  const heading = group?.querySelector<HTMLElement>("h4");
  heading?.scrollIntoView({ block: "start" });
  heading?.focus();
}

/** The event's citations as cards: denials by speaker, then by origin (see groupCitations). */
function CitationGroups(props: EventPanelProps) {
  const { t, lang } = useI18n();
  const nameOf = (origin: string) => props.index.lineage.nameOf(origin, lang());
  // The date and place groups say under their heading why they are not evidence.
  const note = (kind: string) =>
    kind === "date" || kind === "place" ? t("status.groupNotes")[kind] : "";
  const origin = (c: ResolvedCitation) => props.index.lineage.originOf(c.citation.source, c.range);
  const groups = createMemo(() =>
    groupCitations(
      props.index.citationsByEvent.get(props.event.id) ?? [],
      origin,
      nameOf,
      t("status.groups"),
    ),
  );
  return (
    <For each={groups()}>
      {(g) => (
        <section
          class={`citation-group group-${g.kind}`}
          aria-label={g.heading}
          data-origin={g.origin}
          data-speaker={g.kind === "denies" ? g.citations[0]!.citation.speaker?.name : undefined}
        >
          <h4 tabindex="-1">
            {g.heading} <span class="group-count">({g.citations.length})</span>
          </h4>
          <Show when={note(g.kind)}>
            <p class="basis group-note">{note(g.kind)}</p>
          </Show>
          <ol class="citations">
            <For each={g.citations}>
              {(c) => (
                <CitationCard
                  cited={c}
                  source={props.index.sourceById.get(c.citation.source)}
                  text={props.seeds[c.citation.source]}
                  retells={origin(c) !== c.citation.source ? nameOf(origin(c)) : undefined}
                  onRead={props.onRead}
                  onLink={props.onLink}
                />
              )}
            </For>
          </ol>
        </section>
      )}
    </For>
  );
}

/** "city-level, ±5 km": how precisely the place is known, in words. */
function placePrecision(t: Translator, lang: Lang, p: EventPlace): string {
  const base = t("dates.place")[p.precision];
  return p.radius_km ? `${base}, ±${formatNumber(lang, p.radius_km)} km` : base;
}
