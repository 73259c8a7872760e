/**
 * Where a cited passage really comes from. A document that retells another report is not a
 * second witness: each passage belongs to an origin, which is its own document unless the part it
 * stands in retells another source or an outside report (sources.json `retells`), and an event's
 * evidence is counted by origin, never by document.
 */
import type { Lang } from "../i18n/lang.ts";
import { localized, ORIGINAL_LANG } from "../i18n/localized.ts";
import { anchorQuote } from "../text/anchor.ts";
import type {
  Citation,
  OutsideOrigin,
  SituationEvent,
  SourceCollection,
  SourceDocument,
  Stance,
} from "../types.ts";

export interface TextSpan {
  start: number;
  end: number;
}

/** A source's retold part, anchored in its text. */
export interface RetoldPart extends TextSpan {
  /** What it retells directly: a source id or an outside origin's id. */
  of: string;
}

export interface Lineage {
  /** The origin of a passage of `sourceId` at `range` (null: not anchored, so only a retelling of
   * the whole document applies). */
  originOf(sourceId: string, range: TextSpan | null): string;
  /** A short name for an origin: its label for an outside report (its translation in `lang`, when
   * the data has one), "004 (Realist)" for a document. */
  nameOf(origin: string, lang?: Lang): string;
  /** Whether the origin is a report outside the documents. */
  isOutside(origin: string): boolean;
}

/** The short id the UI shows for a source: its number, e.g. "001". */
export const shortSourceId = (id: string) => (/^\d{3}_/.test(id) ? id.slice(0, 3) : id);

/**
 * The lineage of a collection of sources, over their texts. Tolerant of bad data (the validator
 * reports it): a part that does not anchor is ignored, an unknown target is taken as an origin of
 * its own, and a chain that loops stops where it would repeat.
 */
export function makeLineage(
  sources: SourceCollection,
  seeds: Readonly<Record<string, string>>,
): Lineage {
  const list = <T>(xs: unknown): T[] =>
    Array.isArray(xs)
      ? xs.filter((x) => typeof x === "object" && x !== null && typeof x.id === "string")
      : [];
  const byId = new Map<string, SourceDocument>();
  for (const s of list<SourceDocument>(sources?.sources)) if (!byId.has(s.id)) byId.set(s.id, s);
  const outside = new Map<string, OutsideOrigin>();
  for (const o of list<OutsideOrigin>(sources?.origins))
    if (!outside.has(o.id) && !byId.has(o.id)) outside.set(o.id, o);
  const parts = new Map<string, RetoldPart[]>();
  const whole = new Map<string, string>();
  for (const [id, source] of byId) {
    const text = Object.hasOwn(seeds, id) ? seeds[id] : undefined;
    const anchored: RetoldPart[] = [];
    for (const r of Array.isArray(source.retells) ? source.retells : []) {
      if (typeof r !== "object" || r === null || typeof r.of !== "string") continue;
      if (!Array.isArray(r.parts)) {
        if (!whole.has(id)) whole.set(id, r.of);
        continue;
      }
      if (text === undefined) continue;
      for (const selector of r.parts) {
        const ok =
          typeof selector === "object" &&
          selector !== null &&
          typeof selector.exact === "string" &&
          [selector.prefix, selector.suffix].every((x) => x === undefined || typeof x === "string");
        const at = ok ? anchorQuote(text, selector) : null;
        if (at?.ok) anchored.push({ start: at.start, end: at.end, of: r.of });
      }
    }
    if (anchored.length) parts.set(id, anchored);
  }

  /** Follows retellings of whole documents to the first origin that is not one. */
  const resolve = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    while (whole.has(at) && !seen.has(at)) {
      seen.add(at);
      at = whole.get(at)!;
    }
    return at;
  };

  return {
    originOf(sourceId, range) {
      if (range) {
        const part = parts.get(sourceId)?.find((p) => p.start < range.end && range.start < p.end);
        if (part) return resolve(part.of);
      }
      return resolve(sourceId);
    },
    nameOf(origin, lang = ORIGINAL_LANG) {
      const o = outside.get(origin);
      if (o) {
        const label = typeof o.label === "string" ? o.label : o.id;
        const i18n = typeof o.i18n === "object" && o.i18n !== null ? o.i18n : undefined;
        return localized(label, i18n, "label", lang).text;
      }
      const outlet = byId.get(origin)?.outlet;
      return outlet ? `${shortSourceId(origin)} (${outlet})` : shortSourceId(origin);
    },
    isOutside: (origin) => outside.has(origin),
  };
}

/** One origin of an event's passages. */
export interface OriginTally {
  origin: string;
  /** The documents (source ids) whose passages from this origin the event cites, in citation order. */
  documents: string[];
  /** Whether a passage from it vouches for the event: reports it, or forecasts an expected event.
   * Passages that only relay a claim or hedge tell the event without vouching for it. */
  vouches: boolean;
}

/** One speaker of an event's denials, and which of its citations (indexes) they are. */
export interface Disputer {
  name: string | null;
  /** The origin of the first of them, to name an unnamed speaker by. */
  origin: string;
  citations: number[];
}

/** What an event's citations amount to, counted by origin. */
export interface Evidence {
  /** Origins of the passages of the event itself that do not deny it, first cited first. */
  telling: OriginTally[];
  /** Origins of the passages that deny it. */
  denying: OriginTally[];
  /** Who denies it, by the speaker the passages name (null: none named), first cited first. */
  disputers: Disputer[];
  /** The distinct documents that tell the event itself. */
  documents: string[];
  /** How many origins vouch for the event: "corroborated" needs two. */
  independent: number;
  /** Passages that only fix its date, or only its place: listed, never counted. */
  dateOnly: number;
  placeOnly: number;
}

/** Whether a passage with this stance vouches for an event (see OriginTally.vouches). */
export const vouchesFor = (stance: Stance, expected: boolean) =>
  stance === "reports" || (expected && stance === "forecasts");

/**
 * Counts an event's evidence by origin. `originAt(k)` is the origin of its k-th citation (see
 * Lineage.originOf). Pure: reads nothing but its arguments.
 */
export function countEvidence(
  citations: readonly Pick<Citation, "source" | "stance" | "supports" | "speaker">[],
  expected: boolean,
  originAt: (k: number) => string,
): Evidence {
  const telling = new Map<string, OriginTally>(),
    denying = new Map<string, OriginTally>();
  const documents = new Set<string>();
  // Keyed by the speaker's name; unnamed denials stay apart by origin.
  const disputers = new Map<string, Disputer>();
  let dateOnly = 0,
    placeOnly = 0;
  for (const [k, c] of citations.entries()) {
    if (c.supports === "date") {
      dateOnly++;
      continue;
    }
    if (c.supports === "place") {
      placeOnly++;
      continue;
    }
    const into = c.stance === "denies" ? denying : telling;
    const origin = originAt(k);
    let tally = into.get(origin);
    if (!tally) into.set(origin, (tally = { origin, documents: [], vouches: false }));
    if (!tally.documents.includes(c.source)) tally.documents.push(c.source);
    if (vouchesFor(c.stance, expected)) tally.vouches = true;
    if (c.stance !== "denies") documents.add(c.source);
    else {
      const name = c.speaker?.name ?? null;
      const key = name ?? `\u0000${origin}`;
      const d = disputers.get(key);
      if (d) d.citations.push(k);
      else disputers.set(key, { name, origin, citations: [k] });
    }
  }
  const told = [...telling.values()];
  return {
    telling: told,
    denying: [...denying.values()],
    disputers: [...disputers.values()],
    documents: [...documents],
    independent: told.filter((t) => t.vouches).length,
    dateOnly,
    placeOnly,
  };
}

/** An event's evidence in a loaded dataset (its citations' anchored ranges and the lineage). */
export function evidenceOf(
  // The parts of a DatasetIndex it reads (spelled out: dataset.ts builds its lineage from here).
  index: {
    citationsByEvent: ReadonlyMap<string, readonly { range: TextSpan | null }[]>;
    lineage: Lineage;
  },
  event: SituationEvent,
): Evidence {
  const cs = event.properties.citations;
  const resolved = index.citationsByEvent.get(event.id);
  return countEvidence(cs, event.properties.expected === true, (k) =>
    index.lineage.originOf(cs[k]!.source, resolved?.[k]?.range ?? null),
  );
}
