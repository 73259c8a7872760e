/**
 * The page's compiled schema validators report exactly what Ajv compiled at run time (the CLI's)
 * reports, on the shipped data and on broken data, and need no `new Function` or `require`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { schemaValidatorsCode } from "../../src/build/schema-validators.ts";
import { schemaErrors, useCompiledValidators } from "../../src/model/validate/schema.ts";

/** The module's exports, loaded from its code as the page loads it (an ES module). */
async function compiled(): Promise<Record<string, unknown>> {
  const url = `data:text/javascript;base64,${Buffer.from(schemaValidatorsCode()).toString("base64")}`;
  return import(/* @vite-ignore */ url);
}

function brokenEvents(): unknown {
  const events = JSON.parse(readFileSync("data/events.geojson", "utf8"));
  events.features[0].properties.summary = "";
  events.features[1].properties.category = "not-a-category";
  events.features[2].geometry = { type: "Point", coordinates: ["-66", 10] };
  delete events.features[3].properties.date;
  events.features[4].properties.place.name = "😀";
  return events;
}

describe("the compiled schema validators", () => {
  it("are plain module code: no eval, no require", () => {
    const code = schemaValidatorsCode();
    expect(code).not.toMatch(/\brequire\(|new Function|\beval\(/);
    expect(code).toMatch(/export const events = /);
  });

  it("report what the run-time compiled ones report", async () => {
    const inputs = {
      events: [JSON.parse(readFileSync("data/events.geojson", "utf8")), brokenEvents()],
      sources: [JSON.parse(readFileSync("data/sources.json", "utf8")), { sources: [{ id: 3 }] }],
    };
    const runtime = Object.entries(inputs).map(([name, values]) =>
      values.map((v) => schemaErrors(name as "events", v)),
    );
    expect(runtime[0]![1]!.length, "the broken events are broken").toBeGreaterThan(4);
    useCompiledValidators(await compiled());
    const ahead = Object.entries(inputs).map(([name, values]) =>
      values.map((v) => schemaErrors(name as "events", v)),
    );
    expect(ahead).toEqual(runtime);
  });
});
