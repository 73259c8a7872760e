/**
 * Words for what the schema finds wrong inside a geometry's coordinates. Which problem it is
 * depends on how deep the error lies for the geometry's type: in a position (out of range, or
 * not two or three numbers), in a ring or line (too short), or above (arrays nested wrongly).
 */
import type { ErrorObject } from "ajv";
import { isObject, truncate } from "./context.ts";
import { type Explained, describe, pathOf, valueAt } from "./schema-messages.ts";

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

function shown(value: unknown): string {
  return truncate(JSON.stringify(value) ?? describe(value), 80);
}

/** The problem an error inside `coordinates` is, or undefined for an error elsewhere. */
export function explainCoordinates(error: ErrorObject, root: unknown): Explained | undefined {
  const inside = /^(.*)\/coordinates((?:\/\d+)*)$/.exec(error.instancePath);
  if (inside === null || error.keyword === "required") return undefined;
  const geometry = valueAt(root, inside[1]!);
  const type = isObject(geometry) ? String(geometry.type) : "";
  const depth = DEPTH[type];
  if (depth === undefined) return undefined;
  const base = `${inside[1]}/coordinates`;
  const indices = inside[2]!.split("/").slice(1);
  // The array `levels` deep into the coordinates, as a pointer.
  const at = (levels: number): string => [base, ...indices.slice(0, levels)].join("/");
  const nesting = `coords-nesting ${pathOf(root, inside[1]!)}`;

  if (indices.length >= depth) {
    const position = valueAt(root, at(depth));
    const path = pathOf(root, at(depth));
    if (error.keyword === "minimum" || error.keyword === "maximum") {
      const shown = Array.isArray(position) ? position.map((n) => String(n)).join(", ") : "";
      return {
        code: "coords-out-of-range",
        severity: "error",
        path,
        message: `coordinates [${shown}] are out of range (longitude must be within ±180, latitude within ±90)`,
        hint: "GeoJSON is [longitude, latitude]; Caracas is about [-66.90, 10.48]",
      };
    }
    return {
      code: "coords-nesting",
      severity: "error",
      path,
      key: nesting,
      message: `a position must be [lon, lat] (two or three numbers), found ${shown(position)}`,
      hint: `a ${type}'s coordinates are shaped like ${SHAPE[depth]}, longitude first`,
    };
  }
  const value = valueAt(root, error.instancePath);
  const path = pathOf(root, error.instancePath);
  // A short ring of numbers is not a ring too short but a level of nesting missing.
  if (error.keyword === "minItems" && Array.isArray(value) && value.every(Array.isArray)) {
    const ring = Number(indices[indices.length - 1]);
    return type === "Polygon" || type === "MultiPolygon"
      ? {
          code: "ring-too-short",
          severity: "error",
          path,
          message: `the ${ring === 0 ? "exterior ring" : `hole ${ring}`} has ${value.length} positions; a ring needs at least 4`,
          hint: "a triangle is 4 positions: three corners and the first again to close it",
        }
      : {
          code: "ring-too-short",
          severity: "error",
          path,
          message: `a line has ${value.length} position${value.length === 1 ? "" : "s"}; it needs at least 2`,
          hint: "add the missing position, or use a Point",
        };
  }
  return {
    code: "coords-nesting",
    severity: "error",
    path,
    key: nesting,
    message: `coordinates are nested wrongly: expected ${SHAPE[depth - indices.length]} here, found ${shown(value)}`,
    hint: `a ${type}'s coordinates are shaped like ${SHAPE[depth]}`,
  };
}
