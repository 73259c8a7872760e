import { readFileSync } from "node:fs";
import Ajv from "ajv";
import { describe, expect, it } from "vitest";
import {
  CATEGORIES,
  DATE_PRECISIONS,
  PLACE_PRECISIONS,
  SLUG_PATTERN,
  SOURCE_DATE_PRECISIONS,
  SOURCE_ID_PATTERN,
  STANCES,
  STATUSES,
} from "../../src/model/types.ts";
import { schemaErrors } from "../../src/model/validate/schema.ts";

// Only the parts these tests read; a schema missing one fails the test, which is the point.
interface EnumNode {
  enum: string[];
}
interface EventsSchema {
  properties: Record<string, unknown>;
  not: unknown;
  definitions: {
    slug: { pattern: string };
    citation: { properties: { stance: EnumNode; source: { pattern: string } } };
    eventProperties: {
      properties: {
        category: EnumNode;
        status: EnumNode;
        date: { properties: { precision: EnumNode } };
        place: { properties: { precision: EnumNode } };
      };
    };
  };
}
interface SourcesSchema {
  definitions: {
    source: {
      properties: { id: { pattern: string }; published: { properties: { precision: EnumNode } } };
    };
  };
}

function readSchema<T>(name: string): T {
  return JSON.parse(
    readFileSync(new URL(`../../data/schema/${name}.schema.json`, import.meta.url), "utf8"),
  ) as T;
}

// The schemas serve editors and the validator; types.ts serves the code. These tests keep them
// from drifting apart, and the schemas from refusing the data they describe.
describe("data/schema/events.schema.json", () => {
  const defs = readSchema<EventsSchema>("events").definitions;
  const properties = defs.eventProperties.properties;

  it.each([
    ["category", properties.category.enum, CATEGORIES],
    ["date.precision", properties.date.properties.precision.enum, DATE_PRECISIONS],
    ["place.precision", properties.place.properties.precision.enum, PLACE_PRECISIONS],
    ["status", properties.status.enum, STATUSES],
    ["citation stance", defs.citation.properties.stance.enum, STANCES],
  ])("%s enum equals types.ts", (_, schemaEnum, constant) => {
    expect(schemaEnum).toEqual([...constant]);
  });

  it("uses SLUG_PATTERN for ids and SOURCE_ID_PATTERN for citation sources", () => {
    expect(defs.slug.pattern).toBe(SLUG_PATTERN.source);
    expect(defs.citation.properties.source.pattern).toBe(SOURCE_ID_PATTERN.source);
  });

  it("allows $schema and aliases at the top and forbids crs", () => {
    const schema = readSchema<EventsSchema>("events");
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["$schema", "aliases", "features", "type"]),
    );
    expect(schema.not).toEqual({ required: ["crs"] });
  });
});

describe("data/schema/sources.schema.json", () => {
  const source = readSchema<SourcesSchema>("sources").definitions.source;

  it("has the published precisions and id pattern of types.ts", () => {
    expect(source.properties.published.properties.precision.enum).toEqual([
      ...SOURCE_DATE_PRECISIONS,
    ]);
    expect(source.properties.id.pattern).toBe(SOURCE_ID_PATTERN.source);
  });
});

describe("the schemas", () => {
  // The validator skips this check to start faster (src/model/validate/schema.ts).
  it.each(["events", "sources", "story"])("%s.schema.json is a valid draft-07 schema", (name) => {
    const ajv = new Ajv();
    expect(ajv.validateSchema(readSchema<object>(name)), ajv.errorsText()).toBe(true);
  });
});

describe("the schemas and the shipped data", () => {
  const read = (path: string): unknown =>
    JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8"));

  it("agree: data/events.geojson is valid under events.schema.json", () => {
    expect(schemaErrors("events", read("data/events.geojson"))).toEqual([]);
  });

  it("agree: data/sources.json is valid under sources.schema.json", () => {
    expect(schemaErrors("sources", read("data/sources.json"))).toEqual([]);
  });

  it("agree: data/stories/carrier-to-raid.json is valid under story.schema.json", () => {
    expect(schemaErrors("story", read("data/stories/carrier-to-raid.json"))).toEqual([]);
  });
});

describe("data/schema/story.schema.json", () => {
  interface StorySchema {
    properties: { id: { pattern: string } };
    definitions: {
      step: {
        properties: {
          filters: {
            properties: { categories: { items: EnumNode }; statuses: { items: EnumNode } };
          };
        };
      };
    };
  }
  const schema = readSchema<StorySchema>("story");
  const filters = schema.definitions.step.properties.filters.properties;

  it("filters' enums equal types.ts, and ids are slugs", () => {
    expect(filters.categories.items.enum).toEqual([...CATEGORIES]);
    expect(filters.statuses.items.enum).toEqual([...STATUSES]);
    expect(schema.properties.id.pattern).toBe(SLUG_PATTERN.source);
  });
});
