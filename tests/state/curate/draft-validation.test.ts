import { createRoot, createSignal } from "solid-js";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createDraftValidation, validationOf } from "../../../src/state/curate/draft-validation.ts";
import { withEvent } from "./fixtures.ts";

afterEach(() => vi.useRealTimers());

describe("the draft's validation", () => {
  it("runs once per draft object", () => {
    const draft = withEvent();
    expect(validationOf(draft)).toBe(validationOf(draft));
    expect(validationOf(withEvent())).not.toBe(validationOf(draft));
  });

  it("follows the draft once it has stopped changing for the delay", () => {
    vi.useFakeTimers();
    const { verdict, setDraft, dispose } = createRoot((dispose) => {
      const [draft, setDraft] = createSignal(withEvent());
      return { verdict: createDraftValidation(draft, 100), setDraft, dispose };
    });
    expect(verdict().problems).toEqual([]);
    const broken = withEvent();
    broken.events.features[0]!.properties.title = "";
    setDraft(broken);
    vi.advanceTimersByTime(50);
    setDraft({ ...broken });
    vi.advanceTimersByTime(50);
    expect(verdict().problems, "not while it keeps changing").toEqual([]);
    vi.advanceTimersByTime(50);
    expect(verdict().problems.map((p) => p.path)).toEqual(["features[0].properties.title"]);
    dispose();
  });
});
