import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { EventCollection, SourceCollection } from "../../../src/model/types.ts";
import { schemaErrors } from "../../../src/model/validate/schema.ts";
import {
  type Problem,
  formatProblem,
  validateDataset,
} from "../../../src/model/validate/validate.ts";

const FIXTURES = "tests/fixtures/data";
const ALERT = "us-security-alert-colectivos";

function readRepo(path: string): string {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
}

const seeds = Object.fromEntries(
  readdirSync(new URL("../../../seeds/", import.meta.url))
    .filter((name) => name.endsWith(".txt"))
    .map((name) => [name.slice(0, -4), readRepo(`seeds/${name}`)]),
);

/** Validates valid.geojson and sources.json as `edit` changes them, written out as curators do. */
function problemsAfter(edit: (events: EventCollection, sources: SourceCollection) => void): {
  problems: Problem[];
  eventsText: string;
} {
  const events = JSON.parse(readRepo(`${FIXTURES}/valid.geojson`)) as EventCollection;
  const sources = JSON.parse(readRepo(`${FIXTURES}/sources.json`)) as SourceCollection;
  edit(events, sources);
  const eventsText = JSON.stringify(events, null, 2);
  const { problems } = validateDataset({
    eventsFile: "events.geojson",
    eventsText,
    sourcesFile: "sources.json",
    sourcesText: JSON.stringify(sources, null, 2),
    seeds,
  });
  return { problems, eventsText };
}

/** 1-based line and column of offset `at` in `text`. */
function positionOf(text: string, at: number): { line: number; column: number } {
  const before = text.slice(0, at).split("\n");
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

describe("schema problems", () => {
  it("point at the offending value by file, line, column, event and path", () => {
    const [problem, ...rest] = validateDataset({
      eventsFile: `${FIXTURES}/unknown-property.geojson`,
      eventsText: readRepo(`${FIXTURES}/unknown-property.geojson`),
      sourcesFile: `${FIXTURES}/sources.json`,
      sourcesText: readRepo(`${FIXTURES}/sources.json`),
      seeds,
    }).problems;
    expect(rest).toEqual([]);
    expect(formatProblem(problem!)).toBe(
      `${FIXTURES}/unknown-property.geojson:42:17: warning [${ALERT}] features[0].properties.tags: unknown property "tags" — hint: remove it, or check the spelling against: title, summary, category, actors, date, place, status, expected, citations, i18n`,
    );
  });

  it("locate a rule deep in a later event, and a missing member at its object", () => {
    const { problems, eventsText } = problemsAfter((events) => {
      // Wrong on purpose: the casts let the test write what the types forbid.
      events.features[3]!.properties.citations[0]!.stance = "confirms" as never;
      delete (events.features[2]!.properties.place as { basis?: string }).basis;
    });
    const ford = eventsText.indexOf('"id": "uss-ford-caribbean"');
    // A missing member is located at its object, the last "place" before the next event.
    const place = positionOf(eventsText, eventsText.lastIndexOf('"place": ', ford) + 9);
    const stance = positionOf(eventsText, eventsText.indexOf('"confirms"'));
    expect(problems).toMatchObject([
      {
        code: "schema",
        featureId: "venezuela-denies-alert",
        path: "features[2].properties.place.basis",
        message: '"basis" is required',
        ...place,
      },
      {
        code: "schema",
        featureId: "uss-ford-caribbean",
        path: "features[3].properties.citations[0].stance",
        message: '"stance" is "confirms", which is not one of: reports, denies, claims, forecasts',
        hint: "use one of: reports, denies, claims, forecasts",
        ...stance,
      },
    ]);
  });

  it("report the relevant branch of a geometry, not every alternative", () => {
    const cases: Array<[unknown, string]> = [
      ["here", '"geometry" must be null or an object, not a string'],
      [{ type: "Circle", coordinates: [0, 0] }, '"geometry" has an unknown "type": "Circle"'],
      [{ type: "Point", coordinates: [[-66.9, 10.5]] }, "a position must be [lon, lat]"],
      [
        {
          type: "Polygon",
          coordinates: [
            [-70, 12],
            [-64, 12],
          ],
        },
        "coordinates are nested wrongly: expected [[lon, lat], …] here, found [-70,12]",
      ],
    ];
    for (const [geometry, message] of cases) {
      const { problems } = problemsAfter((events) => {
        events.features[4]!.geometry = geometry as never;
      });
      expect(problems).toHaveLength(1);
      expect(problems[0]?.message).toContain(message);
      expect(problems[0]?.featureId).toBe("cartel-de-los-soles-designation");
    }
  });

  it("report every problem at once, one per value", () => {
    const { problems } = problemsAfter((events) => {
      events.features[0]!.properties.title = "";
      events.features[1]!.properties.summary = "   ";
      events.features[1]!.id = 7 as never;
      events.features[2]!.geometry = { type: "Point", coordinates: [-266.9, 95] };
    });
    expect(problems.map((p) => [p.code, p.path])).toEqual([
      ["schema", "features[0].properties.title"],
      ["id-not-slug", "features[1].id"],
      ["schema", "features[1].properties.summary"],
      ["coords-out-of-range", "features[2].geometry.coordinates"],
    ]);
    expect(problems[2]?.message).toBe('"summary" is empty');
  });

  it("keep the rules that moved into the schema: blank text, and an empty date only if unknown", () => {
    const { problems } = problemsAfter((_, sources) => {
      sources.sources[0]!.outlet = " ";
      sources.sources[1]!.published = { date: "", precision: "month", basis: "test" };
      sources.sources[2]!.published = { date: "", precision: "unknown", basis: "test" };
    });
    expect(problems.map((p) => [p.code, p.path, p.message])).toEqual([
      ["schema", "sources[0].outlet", '"outlet" is empty'],
      ["schema", "sources[1].published.date", '"date" is empty'],
    ]);
  });
});

describe("schemaErrors", () => {
  it("accepts the fixtures every broken one starts from", () => {
    expect(schemaErrors("events", JSON.parse(readRepo(`${FIXTURES}/valid.geojson`)))).toEqual([]);
    expect(schemaErrors("sources", JSON.parse(readRepo(`${FIXTURES}/sources.json`)))).toEqual([]);
  });

  it("merges the types a value could have had into one error", () => {
    const events = JSON.parse(readRepo(`${FIXTURES}/valid.geojson`)) as EventCollection;
    events.features[0]!.geometry = 42 as never;
    expect(schemaErrors("events", events)).toMatchObject([
      { instancePath: "/features/0/geometry", keyword: "type", params: { type: "null,object" } },
    ]);
  });
});
