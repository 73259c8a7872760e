import { describe, expect, it } from "vitest";
import { type BasemapPlace, placeLabels } from "../../../src/model/share/preview-labels.ts";
import type { SituationEvent } from "../../../src/model/types.ts";

const layout = {
  width: 1200,
  height: 630,
  focus: [560, 40, 1160, 590] as [number, number, number, number],
};

const raid: SituationEvent = {
  type: "Feature",
  id: "raid",
  geometry: { type: "Point", coordinates: [-66.9146, 10.5061] },
  properties: {
    title: "A raid",
    summary: "s",
    category: "raid",
    actors: [],
    date: { start: "2026-01-03", precision: "day", basis: "b" },
    place: { name: "Caracas", precision: "city", radius_km: 12, basis: "b" },
    status: "reported",
    citations: [],
  },
};

const place = (name: string, lng: number, lat: number, rank = 5, pop = 0): BasemapPlace => ({
  name,
  lng,
  lat,
  rank,
  pop,
});

describe("placeLabels", () => {
  it("names the place at the event beside its symbol, and the big places around it", () => {
    const labels = placeLabels(
      raid,
      [
        place("San Juan de los Morros", -67.35, 9.91, 7),
        place("Caracas", -66.9036, 10.4806, 1),
        place("Maracay", -67.6, 10.25, 3),
      ],
      layout,
    );
    expect(labels.map((l) => l.name)).toEqual(["Caracas", "Maracay", "San Juan de los Morros"]);
    expect(labels[0]!.atSymbol).toBe(true);
    expect(labels[1]!.atSymbol).toBeUndefined();
  });

  it("leaves out places off the frame, under the card, or too close to a named one", () => {
    const labels = placeLabels(
      raid,
      [
        place("Caracas", -66.9036, 10.4806, 1),
        place("Petare", -66.81, 10.48, 4), // beside Caracas
        place("Bogotá", -74.08, 4.61, 1), // far off
        place("Valencia", -68.0, 10.16, 3), // under the card at this zoom
      ],
      layout,
    );
    expect(labels.map((l) => l.name)).toEqual(["Caracas"]);
  });

  it("keeps to `max`, the biggest first", () => {
    const many = Array.from({ length: 12 }, (_, k) =>
      place(`P${k}`, -67.2 + (k % 4) * 0.35, 9.9 + Math.floor(k / 4) * 0.35, 10 - k),
    );
    const labels = placeLabels(raid, many, layout, 3);
    expect(labels).toHaveLength(3);
    expect(labels[0]!.name).toBe("P11");
  });
});
