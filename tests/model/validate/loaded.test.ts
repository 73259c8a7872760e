import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateCollection } from "../../../src/cli/synthetic/events.ts";
import { runSteps } from "../../../src/model/slices.ts";
import type { EventCollection, SourceCollection } from "../../../src/model/types.ts";
import {
  checkEventsSteps,
  checkSources,
  featureProblem,
  MAX_SOURCES,
  MAX_TITLE,
  ShapeError,
} from "../../../src/model/validate/loaded.ts";

// biome-ignore lint/suspicious/noExplicitAny: a feature broken on purpose, field by field
type Json = any;
const read = <T>(path: string) =>
  JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8")) as T;
const shipped = () => read<EventCollection>("data/events.geojson");
const point = (coordinates: unknown) => ({ type: "Point", coordinates });
const check = (events: EventCollection) => runSteps(checkEventsSteps(events));
/** The first shipped event with `change` applied to a copy of it. */
function broken(change: (f: Json) => void): EventCollection {
  const f = structuredClone(shipped().features[0]!) as unknown as Json;
  change(f);
  return { type: "FeatureCollection", features: [f as never] };
}

describe("checkEventsSteps", () => {
  it("passes the shipped and the synthetic data, unchanged", () => {
    const events = shipped();
    check(events);
    expect(events).toEqual(shipped());
    check(generateCollection(2000, 3));
  });

  it.each([
    ["NaN", (f: Json) => (f.geometry = point([Number.NaN, 10])), /coordinates holds NaN/],
    ["Infinity", (f: Json) => (f.geometry = point(JSON.parse("[1e999, 10]"))), /holds Infinity/],
    ["string", (f: Json) => (f.geometry = point(["-66", "10"])), /holds "-66" where a number/],
    ["off the globe", (f: Json) => (f.geometry = point([-266, 10])), /off the globe/],
    ["deep", (f: Json) => (f.geometry = point([[[[[-66, 10]]]]])), /where a number should be/],
    [
      "type",
      (f: Json) => (f.geometry = { type: "Circle", coordinates: [0, 0] }),
      /geometry.type "Circle"/,
    ],
    ["no properties", (f: Json) => (f.properties = null), /properties is not an object/],
    ["title", (f: Json) => (f.properties.title = 42), /properties.title is not a string/],
    ["category", (f: Json) => (f.properties.category = "constructor"), /category "constructor"/],
    ["status", (f: Json) => (f.properties.status = "__proto__"), /status "__proto__"/],
    ["date", (f: Json) => (f.properties.date.start = "soon"), /date.start is not a YYYY-MM-DD/],
    ["citations", (f: Json) => (f.properties.citations = {}), /citations is not a list/],
    ["quote", (f: Json) => (f.properties.citations[0].exact = null), /citations\[0\].exact/],
    ["stance", (f: Json) => (f.properties.citations[0].stance = "toString"), /stance "toString"/],
    ["id", (f: Json) => (f.id = { __proto__: null }), /has no id string/],
  ])("names the event and field: %s", (_name, change, message) => {
    expect(() => check(broken(change))).toThrow(ShapeError);
    expect(() => check(broken(change))).toThrow(/^event 1/);
    expect(() => check(broken(change))).toThrow(message);
  });

  it("refuses a null feature and bad aliases", () => {
    expect(() => check({ type: "FeatureCollection", features: [null as never] })).toThrow(
      "event 1 is not an object",
    );
    const aliases = { ...shipped(), aliases: { a: 1 } } as unknown as EventCollection;
    expect(() => check(aliases)).toThrow(/aliases/);
  });

  it("shortens a huge title and summary, with a mark", () => {
    const events = broken((f) => {
      f.properties.title = "x".repeat(10_000_000);
      f.properties.summary = "y".repeat(100_000);
    });
    check(events);
    const p = events.features[0]!.properties;
    expect(p.title).toBe(`${"x".repeat(MAX_TITLE)}… [title shortened: 10,000,000 characters]`);
    expect(p.summary).toMatch(/… \[summary shortened: 100,000 characters\]$/);
  });

  it("checks each feature without deep recursion", () => {
    let deep: unknown = [-66, 10];
    for (let k = 0; k < 100_000; k++) deep = [deep];
    expect(featureProblem({ id: "a", geometry: { type: "Point", coordinates: deep } })).toMatch(
      /where a number should be/,
    );
  });
});

describe("checkSources", () => {
  it("passes the shipped sources", () => {
    checkSources(read<SourceCollection>("data/sources.json"));
  });

  it("refuses too many, bad ids (paths) and wrong types, naming the source", () => {
    const many = {
      sources: Array.from({ length: 10_000 }, (_, k) => ({ id: `s${k}`, title: "t" })),
    } as unknown as SourceCollection;
    expect(() => checkSources(many)).toThrow(
      `names 10,000 source documents, more than this map reads (${MAX_SOURCES.toLocaleString("en")})`,
    );
    const one = (s: object) => () => checkSources({ sources: [s] } as unknown as SourceCollection);
    expect(one({ id: "../index", title: "t" })).toThrow(/source 1 has no id/);
    expect(one({ id: "__proto__", title: "t" })).toThrow(/source 1 has no id/);
    expect(one({ id: "a", title: 5 })).toThrow(/source 1 \("a"\) has no title/);
    expect(one({ id: "a", title: "t", published: "2026" })).toThrow(/published/);
    expect(() => checkSources({} as SourceCollection)).toThrow(/no "sources" array/);
  });
});
