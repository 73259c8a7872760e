import { describe, expect, it } from "vitest";
import { validateDraft } from "../../../src/model/curate/draft.ts";
import { problemTarget } from "../../../src/model/curate/problem-target.ts";
import type { Draft } from "../../../src/model/curate/draft.ts";
import { SRC, TEXT, withEvent } from "../../state/curate/fixtures.ts";

/** The fixture with one event's problems: a denial without a speaker and a wrong status. */
function broken(): Draft {
  const draft = withEvent();
  const event = draft.events.features[0]!;
  event.properties.citations.push({ source: SRC, exact: "Otro día", stance: "denies" });
  event.properties.citations.push({ source: SRC, exact: "never said", stance: "reports" });
  draft.sources.sources[0]!.title = "";
  return draft;
}

const targetsOf = (draft: Draft) =>
  validateDraft(draft).problems.map((p) => [p.code, problemTarget(draft, p)]);

describe("problemTarget", () => {
  it("opens a citation's passage when its quote anchors", () => {
    const start = TEXT.indexOf("Otro día");
    expect(targetsOf(broken())).toContainEqual([
      "denial-without-speaker",
      { kind: "citation", eventId: "a-statement", source: SRC, passage: [start, start + 8] },
    ]);
  });

  it("selects the event when the quote is not found, or the problem is the event's own", () => {
    const targets = targetsOf(broken());
    expect(targets).toContainEqual(["quote-not-found", { kind: "event", eventId: "a-statement" }]);
    expect(targets).toContainEqual([
      "status-denial",
      { kind: "citation", eventId: "a-statement", source: SRC, passage: expect.any(Array) },
    ]);
  });

  it("opens the source a sources.json problem is about", () => {
    expect(targetsOf(broken())).toContainEqual(["schema", { kind: "source", sourceId: SRC }]);
  });

  it("has no target for a problem without a path into the draft", () => {
    const draft = withEvent();
    expect(
      problemTarget(draft, {
        severity: "error",
        code: "internal",
        file: "events.geojson",
        message: "m",
        hint: "h",
      }),
    ).toBeNull();
  });
});
