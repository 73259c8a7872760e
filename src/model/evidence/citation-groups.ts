/**
 * An event's citations grouped by who stands behind them: the denials by their speaker (first,
 * so who disputes an event is never missed), then the passages about the event by origin (a
 * document's own text, or the report it retells), then the passages that only fix the date or the
 * place, which are listed but never counted as evidence.
 */
import { status as ENGLISH } from "../i18n/en/status.ts";
import type { Citation } from "../types.ts";

/** The groups' headings in a language (its `status.groups` catalogue; English by default). */
export type GroupWords = typeof ENGLISH.groups;

export type GroupKind = "denies" | "event" | "date" | "place";

export interface CitationGroup<C> {
  /** Unique among the groups: the kind, and the speaker or origin. */
  key: string;
  kind: GroupKind;
  /** The origin of the group's first passage (for a denial: the first denial of that speaker). */
  origin: string;
  heading: string;
  citations: C[];
}

const kindOf = (c: Pick<Citation, "stance" | "supports">): GroupKind =>
  c.supports === "date" || c.supports === "place"
    ? c.supports
    : c.stance === "denies"
      ? "denies"
      : "event";

const KIND_ORDER: readonly GroupKind[] = ["denies", "event", "date", "place"];

/**
 * Groups in order: denials by speaker (an unnamed one by origin), then the event's passages by
 * origin, each in order of first citation; then the date-only and place-only passages.
 * `originOf(c)` is a citation's origin (Lineage.originOf), `nameOf` names an origin.
 */
export function groupCitations<C extends { citation: Citation }>(
  cited: readonly C[],
  originOf: (c: C) => string,
  nameOf: (origin: string) => string,
  words: GroupWords = ENGLISH.groups,
): CitationGroup<C>[] {
  const groups = new Map<string, CitationGroup<C>>();
  for (const c of cited) {
    const kind = kindOf(c.citation);
    const origin = originOf(c);
    const speaker = kind === "denies" ? (c.citation.speaker?.name ?? null) : null;
    const key =
      kind === "denies"
        ? `denies:${speaker ?? `\u0000${origin}`}`
        : kind === "event"
          ? `event:${origin}`
          : kind;
    let g = groups.get(key);
    if (!g)
      groups.set(
        key,
        (g = {
          key,
          kind,
          origin,
          heading: heading(words, kind, speaker ?? nameOf(origin)),
          citations: [],
        }),
      );
    g.citations.push(c);
  }
  return [...groups.values()].sort(
    (a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind),
  );
}

function heading(words: GroupWords, kind: GroupKind, who: string): string {
  return kind === "denies" || kind === "event" ? words[kind](who) : words[kind];
}
