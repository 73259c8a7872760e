/**
 * Geometry checks: RFC 7946 shapes and nesting, coordinate ranges, polygon rings, and whether an
 * event lands where this map is about at all (a swapped lat/lon pair usually lands in the sea
 * off Africa or Antarctica, and looks fine as JSON).
 */
import { type Reporter, type Where, describe, isObject } from "./context.ts";

/** [west, south, east, north]: the map's region (about 86°W–56°W, 2°S–24°N) with a margin. */
export const REGION_BBOX = [-92, -6, -50, 28] as const;

type Position = [number, number];

export interface GeometryFacts {
  isNull: boolean;
  type?: string;
}

// How deeply each type nests positions: 0 = a position, 1 = an array of positions, …
const DEPTH: Record<string, number> = {
  Point: 0,
  MultiPoint: 1,
  LineString: 1,
  MultiLineString: 2,
  Polygon: 2,
  MultiPolygon: 3,
};
const SHAPE = [
  "[lon, lat]",
  "[[lon, lat], …]",
  "[[[lon, lat], …], …]",
  "[[[[lon, lat], …], …], …]",
];

function inRegion([lon, lat]: Position): boolean {
  const [west, south, east, north] = REGION_BBOX;
  return lon >= west && lon <= east && lat >= south && lat <= north;
}

/** Checks `geometry` (a Feature's member, which may be null) and reports what is wrong. */
export function checkGeometry(r: Reporter, geometry: unknown, where: Where): GeometryFacts {
  if (geometry === null) return { isNull: true };
  const positions: Position[] = [];
  const sound = checkShape(r, geometry, where, positions);
  if (sound && positions.length > 0) checkRegion(r, positions, where);
  return {
    isNull: false,
    type: isObject(geometry) && typeof geometry.type === "string" ? geometry.type : undefined,
  };
}

/** Returns false when a coordinate problem was reported, so no region warning piles on. */
function checkShape(r: Reporter, geometry: unknown, where: Where, positions: Position[]): boolean {
  if (!isObject(geometry)) {
    r.error(
      "schema",
      where,
      `geometry must be an object or null, not ${describe(geometry)}`,
      'write e.g. {"type": "Point", "coordinates": [-66.90, 10.48]}, or null for an event with no place on the map',
    );
    return false;
  }
  const type = geometry.type;
  if (type === "GeometryCollection") {
    if (!Array.isArray(geometry.geometries)) {
      r.error(
        "schema",
        { ...where, path: `${where.path}.geometries` },
        "a GeometryCollection needs a geometries array",
        'add "geometries": [ … ]',
      );
      return false;
    }
    return geometry.geometries.every((child, k) =>
      checkShape(r, child, { ...where, path: `${where.path}.geometries[${k}]` }, positions),
    );
  }
  const depth = typeof type === "string" ? DEPTH[type] : undefined;
  if (depth === undefined) {
    r.error(
      "schema",
      { ...where, path: `${where.path}.type` },
      `unknown geometry type ${JSON.stringify(type)}`,
      `use one of: ${Object.keys(DEPTH).join(", ")}, GeometryCollection`,
    );
    return false;
  }
  const path = `${where.path}.coordinates`;
  if (!collect(r, geometry.coordinates, depth, { ...where, path }, positions, depth)) return false;
  if (type === "Polygon")
    return checkPolygon(r, geometry.coordinates as Position[][], { ...where, path });
  if (type === "MultiPolygon") {
    return (geometry.coordinates as Position[][][]).every((polygon, k) =>
      checkPolygon(r, polygon, { ...where, path: `${path}[${k}]` }),
    );
  }
  if (type === "LineString" && (geometry.coordinates as Position[]).length < 2) {
    r.error(
      "ring-too-short",
      { ...where, path },
      "a LineString needs at least 2 positions",
      "add the missing position, or use a Point",
    );
    return false;
  }
  return true;
}

/** Walks `depth` levels of arrays down to positions, reporting the first wrong nesting only. */
function collect(
  r: Reporter,
  value: unknown,
  depth: number,
  where: Where,
  out: Position[],
  topDepth: number,
): boolean {
  if (depth === 0) return checkPosition(r, value, where, out, SHAPE[topDepth] ?? "[lon, lat]");
  const wrongNesting = (): false => {
    r.error(
      "coords-nesting",
      where,
      `coordinates are nested wrongly: expected ${SHAPE[depth]} here, found ${describe(value)}`,
      `this geometry type wants coordinates shaped like ${SHAPE[topDepth]}`,
    );
    return false;
  };
  if (!Array.isArray(value) || (value.length > 0 && !Array.isArray(value[0])))
    return wrongNesting();
  let ok = true;
  for (let k = 0; k < value.length && ok; k++) {
    ok = collect(r, value[k], depth - 1, { ...where, path: `${where.path}[${k}]` }, out, topDepth);
  }
  return ok;
}

function checkPosition(
  r: Reporter,
  value: unknown,
  where: Where,
  out: Position[],
  expected: string,
): boolean {
  const isNumbers =
    Array.isArray(value) && value.every((n) => typeof n === "number" && Number.isFinite(n));
  if (!isNumbers || value.length < 2 || value.length > 3) {
    r.error(
      "coords-nesting",
      where,
      `a position must be [lon, lat] (two or three numbers), found ${JSON.stringify(value) ?? describe(value)}`,
      `this geometry type wants coordinates shaped like ${expected}, longitude first`,
    );
    return false;
  }
  const [lon, lat] = value as [number, number];
  if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
    r.error(
      "coords-out-of-range",
      where,
      `coordinates [${lon}, ${lat}] are out of range (longitude must be within ±180, latitude within ±90)`,
      "GeoJSON is [longitude, latitude]; Caracas is about [-66.90, 10.48]",
    );
    return false;
  }
  out.push([lon, lat]);
  return true;
}

function checkPolygon(r: Reporter, rings: Position[][], where: Where): boolean {
  let ok = true;
  rings.forEach((ring, k) => {
    const at = { ...where, path: `${where.path}[${k}]` };
    const role = k === 0 ? "exterior ring" : `hole ${k}`;
    if (ring.length < 4) {
      r.error(
        "ring-too-short",
        at,
        `the ${role} has ${ring.length} positions; a ring needs at least 4`,
        "a triangle is 4 positions: three corners and the first again to close it",
      );
      ok = false;
      return;
    }
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
