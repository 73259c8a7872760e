import { describe, expect, it } from "vitest";
import type { Draft } from "../../../src/model/curate/draft.ts";
import { draftExport, ERRORS_FILE } from "../../../src/model/curate/export-files.ts";
import type { Problem } from "../../../src/model/validate/validate.ts";

function draft(): Draft {
  return {
    events: { type: "FeatureCollection", features: [] },
    sources: { sources: [] } as unknown as Draft["sources"],
    seeds: { "000_aaaaaaaaaaaaaaaa": "old text", "005_bbbbbbbbbbbbbbbb": "new text\n" },
  };
}

const ERROR: Problem = {
  severity: "error",
  code: "no-citations",
  file: "events.geojson",
  featureId: "drone-over-maracay",
  path: "features[0].properties.citations",
  line: 9,
  column: 5,
  message: "the event has no citations",
  hint: "cite a passage",
};

describe("draftExport", () => {
  it("writes the two data files and only the new documents, at their repository paths", () => {
    const out = draftExport(draft(), ["000_aaaaaaaaaaaaaaaa"], [], "2026-12-06");
    expect(out.name).toBe("venezuela-map-draft-2026-12-06.zip");
    expect(out.files.map((f) => f.path)).toEqual([
      "data/events.geojson",
      "data/sources.json",
      "seeds/005_bbbbbbbbbbbbbbbb.txt",
    ]);
    expect(out.files[0]!.text).toBe('{\n  "type": "FeatureCollection",\n  "features": []\n}\n');
    expect(out.files[2]!.text).toBe("new text\n");
  });

  it("marks a draft with errors in its name and lists them, word for word, in DRAFT-ERRORS.txt", () => {
    const out = draftExport(draft(), ["000_aaaaaaaaaaaaaaaa"], [ERROR], "2026-12-06");
    expect(out.name).toBe("venezuela-map-draft-2026-12-06-DRAFT-with-errors.zip");
    const errors = out.files.find((f) => f.path === ERRORS_FILE);
    expect(errors?.text).toBe(
      "This export is a DRAFT: npm run check:data reports 1 error.\n\n" +
        "events.geojson:9:5: error [drone-over-maracay] features[0].properties.citations: the event has no citations — hint: cite a passage\n",
    );
  });
});
