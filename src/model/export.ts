/** Exports of the events shown: GeoJSON for QGIS/kepler.gl, and CSV with one row per citation. */
import type { EventCollection, SituationEvent } from "./types.ts";

/** What the CSV says of an event's evidence: its status in words (status-words.ts), and the origin
 * of each of its citations (origins.ts). */
export interface CsvEvidence {
  statusWords: (e: SituationEvent) => string;
  originOf: (e: SituationEvent, citation: number) => string;
}

export function toGeoJSON(events: readonly SituationEvent[]): string {
  const fc: EventCollection = {
    type: "FeatureCollection",
    features: events.map((e) => structuredClone(e)),
  };
  return `${JSON.stringify(fc, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  "event_id",
  "title",
  "category",
  "status",
  "status_words",
  "expected",
  "date_start",
  "date_end",
  "date_precision",
  "place",
  "place_precision",
  "longitude",
  "latitude",
  "source_id",
  "origin",
  "quote",
  "stance",
  "supports",
] as const;

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so spreadsheets don't run it as a formula. */
export function csvCell(v: string | number | null | undefined): string {
  let s = v === null || v === undefined ? "" : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A representative coordinate: the point itself, or the mean of a line's or area's vertices. */
function representative(e: SituationEvent): [number, number] | null {
  const g = e.geometry;
  if (!g) return null;
  if (g.type === "Point") return [g.coordinates[0]!, g.coordinates[1]!];
  const flat: number[][] = [];
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === "number") flat.push(c as number[]);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  if ("coordinates" in g) walk(g.coordinates);
  if (!flat.length) return null;
  const r = (v: number) => Math.round(v * 1e5) / 1e5;
  return [
    r(flat.reduce((a, p) => a + p[0]!, 0) / flat.length),
    r(flat.reduce((a, p) => a + p[1]!, 0) / flat.length),
  ];
}

/** Without `evidence`, each document stands as its own origin and the status has no words: give
 * it whenever the sources' lineage is at hand, so the export does not count documents. */
export function toCSV(events: readonly SituationEvent[], evidence?: CsvEvidence): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const e of events) {
    const p = e.properties;
    const at = representative(e);
    const words = evidence?.statusWords(e) ?? p.status;
    p.citations.forEach((c, k) => {
      rows.push(
        [
          e.id,
          p.title,
          p.category,
          p.status,
          words,
          p.expected ? "true" : "false",
          p.date.start,
          p.date.end ?? "",
          p.date.precision,
          p.place.name,
          p.place.precision,
          at?.[0] ?? "",
          at?.[1] ?? "",
          c.source,
          evidence?.originOf(e, k) ?? c.source,
          c.exact,
          c.stance,
          c.supports ?? "event",
        ]
          .map(csvCell)
          .join(","),
      );
    });
  }
  return `${rows.join("\r\n")}\r\n`;
}
