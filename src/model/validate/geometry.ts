/**
 * Geometry checks beyond shape, which the schema states: polygon rings that do not close or wind
 * the wrong way, and whether an event lands where this map is about at all (a swapped lat/lon
 * pair usually lands in the sea off Africa or Antarctica, and looks fine as JSON).
 */
import { type JsonObject, type Reporter, type Where, isObject } from "./context.ts";

/** [west, south, east, north]: the map's region (about 86°W–56°W, 2°S–24°N) with a margin. */
export const REGION_BBOX = [-92, -6, -50, 28] as const;

type Position = [number, number];

function inRegion([lon, lat]: Position): boolean {
  const [west, south, east, north] = REGION_BBOX;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** Checks `geometry` (a Feature's member, which may be null) once the schema has accepted it. */
export function checkGeometry(r: Reporter, geometry: unknown, where: Where): void {
  if (!isObject(geometry) || r.flagged(where.path)) return;
  const positions: Position[] = [];
  if (checkRings(r, geometry, where, positions) && positions.length > 0)
    checkRegion(r, positions, where);
}

/** Collects the positions; returns false when a ring problem was reported, so no region
 * warning piles on. */
function checkRings(r: Reporter, geometry: JsonObject, where: Where, out: Position[]): boolean {
  const path = `${where.path}.coordinates`;
  switch (geometry.type) {
    case "GeometryCollection":
      return (geometry.geometries as JsonObject[]).every((child, k) =>
        checkRings(r, child, { ...where, path: `${where.path}.geometries[${k}]` }, out),
      );
    case "Polygon":
      collect(geometry.coordinates, out);
      return checkPolygon(r, geometry.coordinates as Position[][], { ...where, path });
    case "MultiPolygon":
      collect(geometry.coordinates, out);
      return (geometry.coordinates as Position[][][]).every((polygon, k) =>
        checkPolygon(r, polygon, { ...where, path: `${path}[${k}]` }),
      );
    default:
      collect(geometry.coordinates, out);
      return true;
  }
}

/** Every position in coordinates of any depth. */
function collect(value: unknown, out: Position[]): void {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === "number") out.push([value[0], value[1] as number]);
  else for (const item of value) collect(item, out);
}

function checkPolygon(r: Reporter, rings: Position[][], where: Where): boolean {
  let ok = true;
  rings.forEach((ring, k) => {
    const at = { ...where, path: `${where.path}[${k}]` };
    const role = k === 0 ? "exterior ring" : `hole ${k}`;
    const first = ring[0] as Position;
    const last = ring[ring.length - 1] as Position;
    if (first[0] !== last[0] || first[1] !== last[1]) {
      r.error(
        "ring-unclosed",
        at,
        `the ${role} is not closed: it starts at [${first.join(", ")}] but ends at [${last.join(", ")}]`,
        "repeat the first position as the last one",
      );
      ok = false;
      return;
    }
    // Shoelace over (x2 − x1)(y2 + y1): positive means clockwise in lon/lat.
    let twiceArea = 0;
    for (let p = 1; p < ring.length; p++) {
      const [x1, y1] = ring[p - 1] as Position;
      const [x2, y2] = ring[p] as Position;
      twiceArea += (x2 - x1) * (y2 + y1);
    }
    const clockwise = twiceArea > 0;
    if (k === 0 ? clockwise : !clockwise && twiceArea !== 0) {
      r.warning(
        "ring-winding",
        at,
        `the ${role} winds ${clockwise ? "clockwise" : "counterclockwise"}; RFC 7946 wants exterior rings counterclockwise and holes clockwise`,
        "reverse the order of its positions (some renderers fill the wrong side otherwise)",
      );
    }
  });
  return ok;
}

function checkRegion(r: Reporter, positions: Position[], where: Where): void {
  if (positions.every(inRegion)) return;
  const outside = positions.find((p) => !inRegion(p)) as Position;
  const [west, south, east, north] = REGION_BBOX;
  if (positions.every(([lon, lat]) => inRegion([lat, lon]))) {
    r.warning(
      "coords-swapped",
      where,
      `coordinates [${outside.join(", ")}] look swapped: as given they fall outside the map's region, but [${outside[1]}, ${outside[0]}] falls inside`,
      "GeoJSON order is [longitude, latitude]: swap the two numbers",
    );
    return;
  }
  r.warning(
    "outside-region",
    where,
    `coordinates [${outside.join(", ")}] fall outside the map's region (lon ${west}…${east}, lat ${south}…${north})`,
    "check the geocoding; an event elsewhere (e.g. Washington) is better given geometry null and a place name",
  );
}
