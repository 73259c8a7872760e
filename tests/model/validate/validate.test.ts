import { readFileSync, readdirSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ProblemCode } from "../../../src/model/validate/problem.ts";
import {
  type ValidationInput,
  formatProblem,
  validateDataset,
} from "../../../src/model/validate/validate.ts";

const FIXTURES = "tests/fixtures/data";

function readRepo(path: string): string {
  return readFileSync(new URL(`../../../${path}`, import.meta.url), "utf8");
}

function makeSeeds(): Record<string, string> {
  const names = readdirSync(new URL("../../../seeds/", import.meta.url)).filter((name) =>
    name.endsWith(".txt"),
  );
  return Object.fromEntries(names.map((name) => [name.slice(0, -4), readRepo(`seeds/${name}`)]));
}

function makeInput(events = "valid.geojson", sources = "sources.json"): ValidationInput {
  return {
    eventsFile: `${FIXTURES}/${events}`,
    eventsText: readRepo(`${FIXTURES}/${events}`),
    sourcesFile: `${FIXTURES}/${sources}`,
    sourcesText: readRepo(`${FIXTURES}/${sources}`),
    seeds: makeSeeds(),
  };
}

interface Case {
  fixture: string;
  code: ProblemCode;
  severity: "error" | "warning";
  message: string;
  featureId: string | undefined;
  path?: string;
}

const ALERT = "us-security-alert-colectivos";
const FORD = "uss-ford-caribbean";
const CHECKPOINTS = "colectivo-checkpoints-caracas";
const CARTEL = "cartel-de-los-soles-designation";

const eventCases: Case[] = [
  {
    fixture: "invalid-json.geojson",
    code: "invalid-json",
    severity: "error",
    message: "invalid JSON at line 22, column 9",
    featureId: undefined,
  },
  {
    fixture: "schema-violation.geojson",
    code: "schema",
    severity: "error",
    message: '"title" is required',
    featureId: ALERT,
    path: "features[0].properties.title",
  },
  {
    fixture: "crs-member.geojson",
    code: "crs-member",
    severity: "error",
    message: '"crs" member',
    featureId: undefined,
    path: "crs",
  },
  {
    fixture: "unknown-property.geojson",
    code: "unknown-property",
    severity: "warning",
    message: 'unknown property "tags"',
    featureId: ALERT,
  },
  {
    fixture: "duplicate-ids.geojson",
    code: "duplicate-id",
    severity: "error",
    message: "already used by features[0]",
    featureId: ALERT,
    path: "features[1].id",
  },
  {
    fixture: "id-not-slug.geojson",
    code: "id-not-slug",
    severity: "error",
    message: "not a URL-safe slug",
    featureId: "US_Security_Alert",
  },
  {
    fixture: "id-missing.geojson",
    code: "missing-id",
    severity: "error",
    message: "has no id",
    featureId: undefined,
    path: "features[0].id",
  },
  {
    fixture: "coords-out-of-range.geojson",
    code: "coords-out-of-range",
    severity: "error",
    message: "[-266.9036, 10.4806] are out of range",
    featureId: ALERT,
  },
  {
    fixture: "coords-nesting.geojson",
    code: "coords-nesting",
    severity: "error",
    message: "a position must be [lon, lat]",
    featureId: ALERT,
  },
  {
    fixture: "coords-swapped.geojson",
    code: "coords-swapped",
    severity: "warning",
    message: "look swapped",
    featureId: ALERT,
  },
  {
    fixture: "outside-region.geojson",
    code: "outside-region",
    severity: "warning",
    message: "outside the map's region",
    featureId: ALERT,
  },
  {
    fixture: "ring-too-short.geojson",
    code: "ring-too-short",
    severity: "error",
    message: "has 3 positions",
    featureId: FORD,
  },
  {
    fixture: "ring-unclosed.geojson",
    code: "ring-unclosed",
    severity: "error",
    message: "is not closed",
    featureId: FORD,
  },
  {
    fixture: "ring-clockwise.geojson",
    code: "ring-winding",
    severity: "warning",
    message: "winds clockwise",
    featureId: FORD,
  },
  {
    fixture: "unknown-category.geojson",
    code: "unknown-category",
    severity: "error",
    message: 'unknown category "airstrike"',
    featureId: ALERT,
  },
  {
    fixture: "unknown-source.geojson",
    code: "unknown-source",
    severity: "error",
    message: 'unknown source "005_0000000000000000"',
    featureId: ALERT,
  },
  {
    fixture: "quote-not-found.geojson",
    code: "quote-not-found",
    severity: "error",
    message: 'closest passage: ""US citizens in Venezuela should remain vigilant',
    featureId: ALERT,
    path: "features[0].properties.citations[0].exact",
  },
  {
    fixture: "quote-invisible.geojson",
    code: "quote-invisible",
    severity: "error",
    message: "exact holds ⟨U+202E⟩ ⟨U+202C⟩",
    featureId: ALERT,
    path: "features[0].properties.citations[0].exact",
  },
  {
    fixture: "quote-ambiguous.geojson",
    code: "quote-ambiguous",
    severity: "error",
    message: "occurs 2 times in 000_a4a6dae6575a9c10",
    featureId: ALERT,
  },
  {
    fixture: "quote-context.geojson",
    code: "quote-context",
    severity: "error",
    message: "never with the given prefix/suffix",
    featureId: ALERT,
  },
  {
    fixture: "date-invalid.geojson",
    code: "date-invalid",
    severity: "error",
    message: '"2026-02-30" is not a real calendar date',
    featureId: ALERT,
  },
  {
    fixture: "date-end-before-start.geojson",
    code: "date-order",
    severity: "error",
    message: "ends (2026-01-03) before it starts (2026-01-10)",
    featureId: ALERT,
  },
  {
    fixture: "date-range-without-end.geojson",
    code: "date-precision",
    severity: "error",
    message: 'precision is "range" but there is no end date',
    featureId: ALERT,
  },
  {
    fixture: "no-citations.geojson",
    code: "no-citations",
    severity: "error",
    message: "cites nothing",
    featureId: ALERT,
  },
  {
    fixture: "disputed-without-denial.geojson",
    code: "status-disputed",
    severity: "error",
    message: 'no citation has stance "denies"',
    featureId: ALERT,
  },
  {
    fixture: "denial-not-disputed.geojson",
    code: "status-denial",
    severity: "error",
    message: 'its status is "reported"',
    featureId: ALERT,
    path: "features[0].properties.citations[1].stance",
  },
  {
    fixture: "denial-without-speaker.geojson",
    code: "denial-without-speaker",
    severity: "error",
    message: "a denial names no speaker",
    featureId: "venezuela-denies-alert",
    path: "features[2].properties.citations[1]",
  },
  {
    fixture: "speaker-not-found.geojson",
    code: "speaker-not-found",
    severity: "error",
    message: 'speaker "the Venezuelan defence ministry" is not in the paragraph',
    featureId: "venezuela-denies-alert",
    path: "features[2].properties.citations[1].speaker.words",
  },
  {
    fixture: "corroborated-single-source.geojson",
    code: "status-corroborated",
    severity: "error",
    message:
      "reported by 1 independent origin; origins found: unnamed-alert-report (in 000_a4a6dae6575a9c10)",
    featureId: ALERT,
    path: "features[0].properties.status",
  },
  // 000 and 001 both retell one report: two documents, one origin.
  {
    fixture: "corroborated-retelling.geojson",
    code: "status-corroborated",
    severity: "error",
    message: "origins found: unnamed-alert-report (in 000_a4a6dae6575a9c10, 001_63de899742715ce7)",
    featureId: CHECKPOINTS,
    path: "features[1].properties.status",
  },
  // The passage of 002 lies in the part that sources.json marks as retold.
  {
    fixture: "corroborated-retold-range.geojson",
    code: "status-corroborated",
    severity: "error",
    message: "origins found: unnamed-alert-report (in 000_a4a6dae6575a9c10, 002_bf7bde4e343e88ef)",
    featureId: CHECKPOINTS,
  },
  {
    fixture: "date-only-evidence.geojson",
    code: "no-evidence",
    severity: "error",
    message: "supports only the date or the place",
    featureId: ALERT,
    path: "features[0].properties.citations",
  },
  {
    fixture: "expected-as-happened.geojson",
    code: "expected-unmarked",
    severity: "error",
    message: "only forecasts it, but the event is not marked expected",
    featureId: CARTEL,
    path: "features[4].properties.expected",
  },
  {
    fixture: "radius-non-positive.geojson",
    code: "radius",
    severity: "error",
    message: "radius_km is 0",
    featureId: ALERT,
  },
  {
    fixture: "alias-unknown-target.geojson",
    code: "alias-unknown-target",
    severity: "error",
    message: 'points to "us-security-alert", which is no event\'s id',
    featureId: "us-alert",
  },
  {
    fixture: "alias-shadows-id.geojson",
    code: "alias-shadows-id",
    severity: "error",
    message: "also the id of a live event",
    featureId: ALERT,
  },
];

const sourceCases: Case[] = [
  {
    fixture: "sources-missing-seed.json",
    code: "source-without-seed",
    severity: "error",
    message: "seeds/005_0000000000000000.txt does not exist",
    featureId: undefined,
    path: "sources[5].id",
  },
  {
    fixture: "sources-bad-id.json",
    code: "source-bad-id",
    severity: "error",
    message: "is not a seeds/ file name",
    featureId: undefined,
  },
  {
    fixture: "sources-duplicate-id.json",
    code: "duplicate-source",
    severity: "error",
    message: "is listed twice",
    featureId: undefined,
  },
  {
    fixture: "sources-lineage-unknown.json",
    code: "lineage-unknown",
    severity: "error",
    message: '"no-such-report" is neither a source nor an origin',
    featureId: "000_a4a6dae6575a9c10",
    path: "sources[0].retells[0].of",
  },
  {
    fixture: "sources-lineage-cycle.json",
    code: "lineage-cycle",
    severity: "error",
    message:
      "the retellings loop: 000_a4a6dae6575a9c10 → 001_63de899742715ce7 → 000_a4a6dae6575a9c10",
    featureId: "001_63de899742715ce7",
    path: "sources[1].retells[0].of",
  },
  {
    fixture: "sources-lineage-part.json",
    code: "lineage-part",
    severity: "error",
    message: "of 002_bf7bde4e343e88ef is not in the source's text",
    featureId: "002_bf7bde4e343e88ef",
    path: "sources[2].retells[0].parts[0].exact",
  },
];

describe("validateDataset on broken fixtures", () => {
  it.each(eventCases)(
    "$fixture: $code",
    ({ fixture, code, severity, message, featureId, path }) => {
      const { problems } = validateDataset(makeInput(fixture));
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem).toMatchObject({ code, severity, file: `${FIXTURES}/${fixture}` });
      expect(problem?.message).toContain(message);
      expect(problem?.featureId).toBe(featureId);
      if (path !== undefined) expect(problem?.path).toBe(path);
      expect(problem?.hint).not.toBe("");
      expect(problem?.line).toBeGreaterThan(0);
    },
  );

  it.each(sourceCases)(
    "$fixture: $code",
    ({ fixture, code, severity, message, featureId, path }) => {
      const { problems } = validateDataset(makeInput("valid.geojson", fixture));
      expect(problems).toHaveLength(1);
      const [problem] = problems;
      expect(problem).toMatchObject({ code, severity, file: `${FIXTURES}/${fixture}` });
      expect(problem?.message).toContain(message);
      expect(problem?.featureId).toBe(featureId);
      if (path !== undefined) expect(problem?.path).toBe(path);
    },
  );

  it("has a fixture for every case and a case for every fixture", () => {
    const files = readdirSync(new URL(`../../../${FIXTURES}/`, import.meta.url)).filter((name) =>
      /\.(geo)?json$/.test(name),
    );
    const covered = [...eventCases, ...sourceCases].map((c) => c.fixture);
    expect(files.sort()).toEqual([...covered, "valid.geojson", "sources.json"].sort());
  });
});

describe("validateDataset", () => {
  it("passes the valid fixture and summarises it", () => {
    const { problems, summary } = validateDataset(makeInput());
    expect(problems).toEqual([]);
    expect(summary).toMatchObject({
      events: 5,
      citations: 7,
      sources: 5,
      disputed: 1,
      corroborated: 1,
      nullGeometry: 1,
    });
    expect(summary?.categories).toMatchObject({
      "security-alert": 1,
      checkpoint: 1,
      "naval-deployment": 1,
      statement: 1,
      sanctions: 1,
      raid: 0,
    });
    expect(summary?.datePrecisions).toEqual({ day: 4, week: 0, month: 0, range: 1, before: 0 });
    expect(summary?.placePrecisions).toMatchObject({ city: 4, region: 1 });
    expect(summary?.citationsPerSource).toEqual({
      "000_a4a6dae6575a9c10": 3,
      "001_63de899742715ce7": 1,
      "002_bf7bde4e343e88ef": 1,
      "003_4bd8e0f197e7c778": 0,
      "004_de622e2cc4caa2d4": 2,
    });
  });

  it("reports every problem at once, in both files", () => {
    const input = makeInput("valid.geojson", "sources-bad-id.json");
    const events = JSON.parse(input.eventsText) as {
      features: Array<{ id: string; properties: { category: string; date: { start: string } } }>;
    };
    const [first, second] = events.features;
    if (first === undefined || second === undefined) throw new Error("fixture changed");
    first.properties.category = "airstrike";
    second.properties.date.start = "2026-13-01";
    second.id = first.id;
    const { problems } = validateDataset({ ...input, eventsText: JSON.stringify(events, null, 2) });
    expect(problems.map((p) => p.code).sort()).toEqual([
      "date-invalid",
      "duplicate-id",
      "source-bad-id",
      "unknown-category",
    ]);
  });

  it("locates a problem by line and column and formats it on one line", () => {
    const [problem] = validateDataset(makeInput("unknown-category.geojson")).problems;
    if (problem === undefined) throw new Error("expected a problem");
    expect(problem).toMatchObject({ line: 18, column: 21 });
    expect(formatProblem(problem)).toMatch(
      /^tests\/fixtures\/data\/unknown-category\.geojson:18:21: error \[us-security-alert-colectivos\] features\[0\]\.properties\.category: unknown category "airstrike" — hint: use one of: /,
    );
  });

  it("accepts a BOM and a $schema member", () => {
    const input = makeInput();
    expect(validateDataset({ ...input, eventsText: `\uFEFF${input.eventsText}` }).problems).toEqual(
      [],
    );
  });

  it("does not modify its input", () => {
    const input = makeInput("quote-ambiguous.geojson");
    const copy = structuredClone(input);
    validateDataset(Object.freeze(input));
    expect(input).toEqual(copy);
  });

  it("never throws on garbage, and always answers in shape", () => {
    const seeds = makeSeeds();
    const garbage = fc.oneof(
      fc.string(),
      fc.anything().map((value) => JSON.stringify(value) ?? "undefined"),
    );
    fc.assert(
      fc.property(garbage, garbage, (eventsText, sourcesText) => {
        const result = validateDataset({
          eventsFile: "e.geojson",
          eventsText,
          sourcesFile: "s.json",
          sourcesText,
          seeds,
        });
        expect(Array.isArray(result.problems)).toBe(true);
        for (const problem of result.problems) expect(problem.code).not.toBe("internal");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on a fixture with random parts replaced by garbage", () => {
    const input = makeInput();
    const valid = JSON.parse(input.eventsText) as { features: Array<Record<string, unknown>> };
    const keys = ["type", "id", "geometry", "properties"] as const;
    fc.assert(
      fc.property(fc.nat(4), fc.constantFrom(...keys), fc.anything(), (index, key, junk) => {
        const events = structuredClone(valid);
        const feature = events.features[index];
        if (feature !== undefined) feature[key] = junk;
        const result = validateDataset({ ...input, eventsText: JSON.stringify(events) });
        for (const problem of result.problems) expect(problem.code).not.toBe("internal");
      }),
      { numRuns: 300 },
    );
  });

  it("never throws on inputs of the wrong type", () => {
    for (const input of [
      null,
      undefined,
      42,
      {},
      { eventsText: 1, sourcesText: null, seeds: "x" },
    ]) {
      expect(() => validateDataset(input as unknown as ValidationInput)).not.toThrow();
    }
  });
});

describe("validateDataset counts evidence by origin", () => {
  type Feature = {
    id: string;
    properties: { status: string; expected?: boolean; citations: Array<Record<string, string>> };
  };
  const edit = (change: (byId: Map<string, Feature>) => void) => {
    const input = makeInput();
    const events = JSON.parse(input.eventsText) as { features: Feature[] };
    change(new Map(events.features.map((f) => [f.id, f])));
    return validateDataset({ ...input, eventsText: JSON.stringify(events, null, 2) }).problems;
  };

  it("does not count a second origin that only fixes the date", () => {
    const problems = edit((byId) => {
      byId.get(CHECKPOINTS)!.properties.citations[1]!.supports = "date";
    });
    expect(problems.map((p) => [p.code, p.featureId])).toEqual([
      ["status-corroborated", CHECKPOINTS],
    ]);
  });

  it("does not count a second origin that only relays a claim", () => {
    const problems = edit((byId) => {
      byId.get(CHECKPOINTS)!.properties.citations[1]!.stance = "claims";
    });
    expect(problems[0]?.message).toContain(
      "002_bf7bde4e343e88ef (in 002_bf7bde4e343e88ef; only relays or hedges)",
    );
  });

  it("refuses a denial of only the date, and an expected event with no forecast", () => {
    const problems = edit((byId) => {
      byId.get("venezuela-denies-alert")!.properties.citations[1]!.supports = "date";
      byId.get(CARTEL)!.properties.citations[0]!.stance = "reports";
    });
    expect(problems.map((p) => p.code).sort()).toEqual([
      "expected-without-forecast",
      "support-denial",
    ]);
  });

  it("refuses a source retold as a whole from two origins", () => {
    const input = makeInput();
    const sources = JSON.parse(input.sourcesText) as { sources: Array<{ retells?: unknown[] }> };
    sources.sources[0]!.retells!.push({ of: "001_63de899742715ce7", basis: "test" });
    const { problems } = validateDataset({
      ...input,
      sourcesText: JSON.stringify(sources, null, 2),
    });
    expect(problems.map((p) => [p.code, p.featureId, p.path])).toEqual([
      ["lineage-whole", "000_a4a6dae6575a9c10", "sources[0].retells[1]"],
    ]);
  });
});
