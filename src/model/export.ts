/** Exports of the events shown: GeoJSON for QGIS/kepler.gl, and CSV with one row per citation. */
import type { EventCollection, SituationEvent } from "./types.ts";

export function toGeoJSON(events: readonly SituationEvent[]): string {
  const fc: EventCollection = { type: "FeatureCollection", features: events.map((e) => structuredClone(e)) };
  return JSON.stringify(fc, null, 2) + "\n";
}

export const CSV_COLUMNS = [
  "event_id", "title", "category", "status", "date_start", "date_end", "date_precision",
  "place", "place_precision", "longitude", "latitude", "source_id", "quote", "stance",
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
  return [r(flat.reduce((a, p) => a + p[0]!, 0) / flat.length), r(flat.reduce((a, p) => a + p[1]!, 0) / flat.length)];
}

export function toCSV(events: readonly SituationEvent[]): string {
  const rows = [CSV_COLUMNS.join(",")];
  for (const e of events) {
    const p = e.properties;
    const at = representative(e);
    for (const c of p.citations) {
      rows.push([
        e.id, p.title, p.category, p.status, p.date.start, p.date.end ?? "", p.date.precision,
        p.place.name, p.place.precision, at?.[0] ?? "", at?.[1] ?? "", c.source, c.exact, c.stance,
      ].map(csvCell).join(","));
    }
  }
  return rows.join("\r\n") + "\r\n";
}
