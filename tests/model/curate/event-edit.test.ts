import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Draft, diffDraft, validateDraft } from "../../../src/model/curate/draft.ts";
import {
  addEvent,
  eventIdFrom,
  findEvent,
  newEvent,
  removeEvent,
  replaceEvent,
} from "../../../src/model/curate/event-edit.ts";

function shipped(): Draft {
  const seeds: Record<string, string> = {};
  for (const name of readdirSync("seeds"))
    seeds[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
  return {
    events: JSON.parse(readFileSync("data/events.geojson", "utf8")),
    sources: JSON.parse(readFileSync("data/sources.json", "utf8")),
    seeds,
  };
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("eventIdFrom", () => {
  it("makes a slug like the shipped ids", () => {
    expect(eventIdFrom("US special forces night raid on Caracas", [])).toBe(
      "us-special-forces-night-raid-on-caracas",
    );
  });

  it("drops accents and punctuation, and «» quotes", () => {
    expect(eventIdFrom("«Ataque» en Mérida — 3 de enero, ¡ya!", [])).toBe(
      "ataque-en-merida-3-de-enero-ya",
    );
  });

  it("never reuses an id: a taken one gets the next free number", () => {
    expect(eventIdFrom("Caracas raid", ["caracas-raid"])).toBe("caracas-raid-2");
    expect(eventIdFrom("Caracas raid", ["caracas-raid", "caracas-raid-2"])).toBe("caracas-raid-3");
  });

  it("cuts a long title at a word boundary", () => {
    const id = eventIdFrom(
      "A very long title that goes on and on about the many things that happened that day",
      [],
    );
    expect(id.length).toBeLessThanOrEqual(60);
    expect(id).toMatch(SLUG);
    expect(id.endsWith("-")).toBe(false);
    expect(id).toBe("a-very-long-title-that-goes-on-and-on-about-the-many-things");
  });

  it("gives a title with no letters or digits a plain id", () => {
    expect(eventIdFrom("¿?", [])).toBe("event");
    expect(eventIdFrom("", ["event"])).toBe("event-2");
  });

  it("is a valid slug for every shipped title, distinct from every shipped id", () => {
    const draft = shipped();
    const ids = draft.events.features.map((f) => f.id);
    for (const f of draft.events.features) {
      const id = eventIdFrom(f.properties.title, ids);
      expect(id).toMatch(SLUG);
      expect(ids).not.toContain(id);
    }
  });
});

describe("editing a draft's events", () => {
  it("adds a new event, whose empty fields the validator reports rather than the form guessing them", () => {
    const draft = shipped();
    const before = structuredClone(draft);
    const event = newEvent(draft, {
      title: "Drone seen over Maracay",
      category: "airspace",
      start: "2026-01-05",
    });
    const next = addEvent(draft, event);
    expect(draft).toEqual(before);
    expect(findEvent(next, "drone-seen-over-maracay")).toEqual(event);
    expect(diffDraft(draft, next).events.added).toEqual(["drone-seen-over-maracay"]);
    const errors = validateDraft(next).problems.filter((p) => p.severity === "error");
    expect(errors.every((p) => p.featureId === "drone-seen-over-maracay")).toBe(true);
    expect(errors.map((p) => [p.code, p.path?.replace(/^features\[\d+\]\./, "")])).toEqual([
      ["schema", "properties.summary"],
      ["schema", "properties.date.basis"],
      ["schema", "properties.place.name"],
      ["schema", "properties.place.basis"],
      ["no-citations", "properties.citations"],
    ]);
  });

  it("replaces an event in its place, and removes one", () => {
    const draft = shipped();
    const first = draft.events.features[0]!;
    const edited = { ...first, properties: { ...first.properties, title: "Retitled" } };
    const next = replaceEvent(draft, first.id, edited);
    expect(next.events.features[0]).toBe(edited);
    expect(next.events.features).toHaveLength(draft.events.features.length);
    expect(draft.events.features[0]).toBe(first);
    expect(diffDraft(draft, next).events.edited).toEqual([first.id]);

    const gone = removeEvent(next, first.id);
    expect(findEvent(gone, first.id)).toBeUndefined();
    expect(diffDraft(draft, gone).events.removed).toEqual([first.id]);
    expect(findEvent(gone, null)).toBeUndefined();
  });
});
