/**
 * The filters as a MapLibre filter expression (plain JSON, no maplibre import), so that a big
 * dataset is filtered on the map's side — no GeoJSON rebuilt, no 100k features re-sent to the
 * worker on every timeline step. Full-text search can't be expressed: null means "not possible,
 * send the matching subset instead".
 */
import { compileFilters } from "./filter.ts";
import type { Filters } from "./view-state.ts";

const DAY = 86_400_000;
export type FilterExpression = unknown[];

export function mapFilterExpression(f: Filters): FilterExpression | null {
  const c = compileFilters(f);
  if (c.terms.length) return null;
  const all: unknown[] = ["all"];
  if (f.categories.length) all.push(["in", ["get", "category"], ["literal", [...f.categories]]]);
  if (f.statuses.length) all.push(["in", ["get", "status"], ["literal", [...f.statuses]]]);
  if (f.sources.length) all.push(["any", ...f.sources.map((id) => ["in", `|${id}|`, ["get", "srcs"]])]);
  // Same overlap rule as the list: the span [t0, t1] touches [from, to].
  if (Number.isFinite(c.from)) all.push([">=", ["get", "t1"], Math.floor(c.from / DAY)]);
  if (Number.isFinite(c.to)) all.push(["<=", ["get", "t0"], Math.floor(c.to / DAY)]);
  return all;
}
