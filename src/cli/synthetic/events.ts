/**
 * Deterministic synthetic events for benchmarks and scale tests: the same seed gives the same
 * events on every machine. Categories, places and dates are drawn from weighted tables shaped like
 * the crisis (half the events in its last three months, maritime categories at sea); quotes come
 * from quotes.ts, so every event passes the validator.
 */
import type { Geometry, Position } from "geojson";
import type {
  Category,
  Citation,
  DatePrecision,
  EventCollection,
  PlacePrecision,
  SituationEvent,
  Status,
} from "../../model/types.ts";
import { type GeneratorContext, generatorContext, type Quote } from "./quotes.ts";

// Every caller that makes events needs a context first.
export { generatorContext };

const DAY = 86_400_000;
const FIRST_DAY = Date.UTC(2025, 1, 1); // 2025-02-01
const LAST_DAY = Date.UTC(2026, 0, 31); // 2026-01-31
const CRISIS_START = Date.UTC(2025, 10, 1); // half the events fall in the last three months

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
function weighted<T extends string>(r: Rand, table: Record<T, number>): T {
  const entries = Object.entries(table) as [T, number][];
  let x = r() * entries.reduce((sum, [, w]) => sum + w, 0);
  for (const [key, w] of entries) if ((x -= w) < 0) return key;
  return entries[entries.length - 1]![0];
}

/** Relative frequency of each category: every one occurs. */
export const CATEGORY_WEIGHTS: Record<Category, number> = {
  "security-alert": 4,
  checkpoint: 10,
  "military-strike": 6,
  raid: 8,
  detention: 12,
  prison: 4,
  protest: 14,
  "maritime-seizure": 6,
  "naval-deployment": 6,
  airspace: 5,
  diplomacy: 8,
  statement: 10,
  sanctions: 7,
  policy: 3,
  "military-preparation": 3,
};
const MARITIME = new Set<Category>(["maritime-seizure", "naval-deployment", "military-strike"]);

const CITIES: readonly [string, number, number, number][] = [
  // name, lon, lat, weight (land bias around Venezuelan and Colombian cities)
  ["Caracas", -66.9, 10.48, 20],
  ["Maracaibo", -71.64, 10.65, 8],
  ["Valencia", -68.0, 10.16, 6],
  ["Barquisimeto", -69.32, 10.07, 4],
  ["Maracay", -67.6, 10.25, 4],
  ["Ciudad Guayana", -62.65, 8.35, 3],
  ["Barcelona", -64.69, 10.13, 2],
  ["Maturín", -63.18, 9.75, 2],
  ["Cumaná", -64.17, 10.45, 2],
  ["Mérida", -71.14, 8.59, 3],
  ["San Cristóbal", -72.22, 7.77, 4],
  ["Barinas", -70.21, 8.62, 2],
  ["Ciudad Bolívar", -63.55, 8.12, 2],
  ["Puerto Ayacucho", -67.62, 5.66, 1],
  ["Coro", -69.67, 11.4, 1],
  ["Punto Fijo", -70.21, 11.7, 2],
  ["La Guaira", -66.93, 10.6, 4],
  ["Porlamar", -63.85, 10.96, 2],
  ["Tucupita", -62.05, 9.06, 1],
  ["San Fernando de Apure", -67.47, 7.89, 1],
  ["Bogotá", -74.07, 4.71, 5],
  ["Cúcuta", -72.51, 7.89, 4],
  ["Barranquilla", -74.8, 10.96, 2],
  ["Cartagena", -75.51, 10.39, 2],
  ["Santa Marta", -74.2, 11.24, 1],
  ["Riohacha", -72.91, 11.54, 1],
  ["Medellín", -75.57, 6.25, 2],
  ["Arauca", -70.76, 7.08, 2],
  ["Port of Spain", -61.51, 10.66, 2],
  ["Willemstad", -68.93, 12.11, 1],
  ["Oranjestad", -70.03, 12.52, 1],
  ["Georgetown", -58.16, 6.8, 1],
  ["Boa Vista", -60.67, 2.82, 1],
  ["Santo Domingo", -69.93, 18.49, 1],
  ["San Juan", -66.11, 18.47, 2],
  ["Panama City", -79.52, 8.98, 1],
];
const SEAS: readonly [string, number, number][] = [
  ["Caribbean Sea north of La Guaira", -67, 12.6],
  ["Gulf of Venezuela", -71.2, 11.9],
  ["Caribbean Sea off Aruba", -70.5, 13.5],
  ["Eastern Caribbean", -63.5, 14],
  ["Caribbean Sea south of Puerto Rico", -66.5, 16.5],
  ["Gulf of Paria", -62, 10.3],
  ["Caribbean Sea off Cartagena", -76.5, 11.5],
  ["Atlantic off the Orinoco delta", -59.5, 9.5],
];
const CITY_TOTAL = CITIES.reduce((s, c) => s + c[3], 0);
const ACTORS = [
  "US State Department",
  "US Southern Command",
  "Venezuelan foreign ministry",
  "Bolivarian National Guard",
  "colectivos",
  "Venezuelan opposition",
  "Colombian government",
  "US Treasury",
  "SEBIN",
  "Venezuelan National Assembly",
  "US Coast Guard",
  "FANB",
  "Delcy Rodríguez",
  "human-rights groups",
  "local residents",
];
const TITLES: Record<Category, string> = {
  "security-alert": "Security alert issued for",
  checkpoint: "Checkpoints reported around",
  "military-strike": "Strike reported near",
  raid: "Raid reported in",
  detention: "Detentions reported in",
  prison: "Prisoner releases reported in",
  protest: "Protest held in",
  "maritime-seizure": "Vessel seized in",
  "naval-deployment": "Naval deployment reported in",
  airspace: "Airspace restrictions over",
  diplomacy: "Diplomatic meeting in",
  statement: "Official statement from",
  sanctions: "Sanctions announced affecting",
  policy: "Executive order affecting",
  "military-preparation": "Military preparations reported in",
};

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const round = (x: number) => Math.round(x * 1e5) / 1e5;

function makeDate(r: Rand): {
  start: string;
  end?: string;
  precision: DatePrecision;
  basis: string;
} {
  const span = (from: number) => Math.floor(r() * ((LAST_DAY - from) / DAY + 1)) * DAY + from;
  const day = r() < 0.5 ? span(FIRST_DAY) : span(CRISIS_START);
  const precision = weighted<Exclude<DatePrecision, "before">>(r, {
    day: 78,
    week: 9,
    month: 6,
    range: 7,
  });
  const basis = "Synthetic: generated for benchmarking.";
  if (precision === "day") return { start: iso(day), precision, basis };
  if (precision === "month") {
    const d = new Date(day);
    return {
      start: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1)),
      end: iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)),
      precision,
      basis,
    };
  }
  const length = precision === "week" ? 6 : 1 + Math.floor(r() * 30);
  const start = Math.min(day, LAST_DAY - length * DAY);
  return { start: iso(start), end: iso(start + length * DAY), precision, basis };
}

/** A point near a (weighted) city, or at sea for maritime categories. */
function anchor(r: Rand, category: Category): { name: string; at: [number, number]; sea: boolean } {
  if (MARITIME.has(category) && r() < 0.7) {
    const [name, lon, lat] = pick(r, SEAS);
    return { name, at: [lon + (r() - 0.5) * 2, lat + (r() - 0.5) * 1.2], sea: true };
  }
  let x = r() * CITY_TOTAL;
  let city = CITIES[0]!;
  for (const c of CITIES)
    if ((x -= c[3]) < 0) {
      city = c;
      break;
    }
  // Roughly normal jitter of a few kilometres to ~30 km around the centre.
  const j = () => (r() + r() + r() - 1.5) * 0.2;
  return { name: city[0], at: [city[1] + j(), city[2] + j()], sea: false };
}

function makePlace(
  r: Rand,
  category: Category,
): { geometry: Geometry | null; place: SituationEvent["properties"]["place"] } {
  const { name, at, sea } = anchor(r, category);
  const kind = r();
  const basis = "Synthetic: jittered around a gazetteer point.";
  const pos = (dx: number, dy: number): Position => [round(at[0] + dx), round(at[1] + dy)];
  if (kind < 0.05)
    return {
      geometry: null,
      place: {
        name: r() < 0.5 ? "Venezuela" : name,
        precision: r() < 0.5 ? "country" : "region",
        basis,
      },
    };
  if (kind < 0.13) {
    const n = 2 + Math.floor(r() * 4);
    const coords = Array.from({ length: n }, (_, k) =>
      pos(k * 0.15 + r() * 0.1, (r() - 0.5) * 0.3),
    );
    return {
      geometry: { type: "LineString", coordinates: coords },
      place: { name: `${name} (route)`, precision: sea ? "approximate" : "region", basis },
    };
  }
  if (kind < 0.19) {
    // A small counter-clockwise (RFC 7946) polygon around the anchor.
    const n = 5 + Math.floor(r() * 4),
      size = 0.05 + r() * 0.4;
    const ring = Array.from({ length: n }, (_, k) => {
      const a = (2 * Math.PI * k) / n,
        rad = size * (0.7 + 0.3 * r());
      return pos(Math.cos(a) * rad, Math.sin(a) * rad);
    });
    return {
      geometry: { type: "Polygon", coordinates: [[...ring, ring[0]!]] },
      place: { name: `${name} area`, precision: "region", basis },
    };
  }
  const precision = weighted<PlacePrecision>(r, {
    exact: 30,
    approximate: 25,
    city: 45,
    region: 0,
    country: 0,
  });
  const place: SituationEvent["properties"]["place"] = { name, precision, basis };
  if (precision === "city") place.radius_km = 5 + Math.round(r() * 10);
  if (precision === "approximate") place.radius_km = 1 + Math.round(r() * 25);
  return { geometry: { type: "Point", coordinates: pos(0, 0) }, place };
}

function makeCitations(r: Rand, ctx: GeneratorContext, status: Status): Citation[] {
  const quote = (source?: string): Quote => pick(r, source ? ctx.bySource.get(source)! : ctx.pool);
  const cite = (q: Quote, stance: Citation["stance"]): Citation => ({
    source: q.source,
    exact: q.exact,
    stance,
  });
  const first = quote();
  const stance = r() < 0.85 ? "reports" : "claims";
  // Corroboration is two origins that report the event: a claim relayed does not vouch for it.
  const out = [cite(first, status === "corroborated" ? "reports" : stance)];
  if (status === "corroborated") {
    const other = pick(
      r,
      ctx.origins.filter((o) => o !== first.origin),
    );
    out.push(cite(pick(r, ctx.byOrigin.get(other)!), "reports"));
    if (r() < 0.3) out.push(cite(quote(), "reports"));
  } else if (status === "disputed") {
    let denial = quote();
    while (denial === first) denial = quote();
    // A denial names its speaker with words from the quote's paragraph: the quote's own first words.
    const words = denial.exact.split(" ").slice(0, 3).join(" ");
    out.push({ ...cite(denial, "denies"), speaker: { name: "Synthetic spokesperson", words } });
  } else if (r() < 0.25) {
    out.push(cite(quote(first.source), "reports"));
  }
  // The same passage cited twice by one event is pointless: drop repeats (never the denial).
  return out.filter(
    (c, k) => out.findIndex((d) => d.source === c.source && d.exact === c.exact) === k,
  );
}

export function syntheticEvent(r: Rand, ctx: GeneratorContext, index: number): SituationEvent {
  const category = weighted(r, CATEGORY_WEIGHTS);
  const status = weighted<Status>(r, { reported: 62, corroborated: 28, disputed: 10 });
  const { geometry, place } = makePlace(r, category);
  const date = makeDate(r);
  const actors = [...new Set([pick(r, ACTORS), ...(r() < 0.4 ? [pick(r, ACTORS)] : [])])];
  const citations = makeCitations(r, ctx, status);
  return {
    type: "Feature",
    id: `syn-${String(index).padStart(6, "0")}`,
    geometry,
    properties: {
      title: `${TITLES[category]} ${place.name} (#${index})`,
      summary: `Synthetic ${category} event ${index}, ${status}, for scale testing; ${actors.join(" and ")} involved.`,
      category,
      actors,
      date,
      place,
      status,
      citations,
    },
  };
}

/** The events, one at a time: same (count, seed) → same events. */
export function* generateEvents(
  count: number,
  seed = 1,
  ctx = generatorContext(),
): Generator<SituationEvent> {
  const r = prng(seed);
  for (let i = 0; i < count; i++) yield syntheticEvent(r, ctx, i);
}

export function generateCollection(
  count: number,
  seed = 1,
  ctx = generatorContext(),
): EventCollection {
  return { type: "FeatureCollection", features: [...generateEvents(count, seed, ctx)] };
}
