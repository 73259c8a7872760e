import { describe, expect, it } from "vitest";
import { draftData } from "../../../src/state/curate/draft-data.ts";
import { makeBase, withNewSource } from "./fixtures.ts";

describe("draftData", () => {
  it("shows a new source and its text like a loaded one", () => {
    const made = draftData(withNewSource(makeBase()), "data/events.geojson");
    if (!made.ok) throw new Error(made.message);
    expect([...made.data.index.sourceById.keys()]).toEqual([
      "000_0000000000000000",
      "001_1111111111111111",
    ]);
    expect(made.data.seeds["001_1111111111111111"]).toBe("A new text.");
    expect(made.data.missingTexts).toEqual([]);
    expect(made.data.profile.clustered).toBe(true);
  });

  it("names a source whose text the draft lacks", () => {
    const draft = withNewSource(makeBase());
    delete draft.seeds["001_1111111111111111"];
    const made = draftData(draft, "data/events.geojson");
    if (!made.ok) throw new Error(made.message);
    expect(made.data.missingTexts).toEqual(["seeds/001_1111111111111111.txt: not in the draft"]);
  });

  it("refuses a shape the loader refuses, with its message", () => {
    const draft = makeBase();
    (draft.sources as unknown as { sources: unknown }).sources = "none";
    expect(draftData(draft, "x.geojson")).toEqual({ ok: false, message: 'has no "sources" array' });
  });
});
