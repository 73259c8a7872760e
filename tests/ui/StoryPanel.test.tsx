/**
 * The story panel over the real app state and the shipped story (read from data/stories/ by the
 * loader the state is given): progress, next and previous, the keys, the passages and the
 * reader, close, and the loading and error lines.
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { fireEvent, render, screen, waitFor } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { readStory } from "../../src/model/story/loaded.ts";
import { anchorQuote } from "../../src/model/text/anchor.ts";
import { emptyViewState } from "../../src/model/view-state.ts";
import type { AppState } from "../../src/state/app-state.ts";
import { createStoryState, type StoryLoader, type StoryState } from "../../src/state/story.ts";
import { StoryPanel } from "../../src/ui/StoryPanel.tsx";
import { en } from "../../src/model/i18n/catalogue.ts";

const STORY_TEXT = en.story;
import { BOLD, IMG, createTestState, expectMarkupAsText } from "../state/fixtures.ts";

// Not `new URL(path, import.meta.url)`: Vite rewrites that pattern into an asset URL.
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const readRepo = (path: string) => readFileSync(resolve(REPO, path), "utf8");
const ID = "carrier-to-raid";
const shippedText = () => readRepo(`data/stories/${ID}.json`);
const fromDisk: StoryLoader = async (id) => JSON.parse(readRepo(`data/stories/${id}.json`));
const shipped = () => readStory(JSON.parse(shippedText()));

function setup(opts: { step?: number; load?: StoryLoader; embed?: boolean } = {}) {
  const { state } = createTestState();
  let story!: StoryState;
  const view = render(() => {
    story = createStoryState(state, opts.load ?? fromDisk, () => true);
    return <StoryPanel story={story} state={state} compact={opts.embed ?? false} />;
  });
  state.actions.setStory({ id: ID, step: opts.step ?? 1 });
  const panel = () => view.container.querySelector<HTMLElement>(".story-panel");
  const progress = () => panel()?.querySelector(".story-progress")?.textContent ?? "";
  return { view, state, story: () => story, panel, progress };
}

const stepOf = (state: AppState) => state.view.story?.step;

describe("StoryPanel", () => {
  it("shows the title, the step's text, its passages verbatim and the progress", async () => {
    const { panel, progress } = setup();
    const expected = shipped();
    await screen.findByText(expected.steps[0]!.text);
    expect(panel()?.querySelector("h2")?.textContent).toBe(expected.title);
    expect(progress()).toBe(`Step ${STORY_TEXT.progress(1, expected.steps.length)}`);
    const quotes = [...panel()!.querySelectorAll(".story-quote mark")].map((m) => m.textContent);
    expect(quotes).toEqual(expected.steps[0]!.citations.map((c) => c.exact));
  });

  it("moves with Next and Previous, each disabled at its end, and shows each step", async () => {
    const { state, progress } = setup();
    const steps = shipped().steps;
    const next = await screen.findByRole("button", { name: /Next/ });
    const previous = screen.getByRole("button", { name: /Previous/ });
    expect(previous).toBeDisabled();
    fireEvent.click(next);
    await screen.findByText(steps[1]!.text);
    expect(stepOf(state)).toBe(2);
    expect(progress()).toContain(`2 of ${steps.length}`);
    // The step's dates and filters, and its events highlighted on the map.
    expect(state.view.filters.from).toBe(steps[1]!.dates?.from);
    expect(state.view.filters.categories).toEqual(steps[1]!.filters?.categories);
    const lit = state.highlighted().map((i) => state.events()[i]!.id);
    expect(lit.sort()).toEqual([...steps[1]!.events].sort());
    expect(state.camera()).toMatchObject({
      lng: steps[1]!.camera.center[0],
      lat: steps[1]!.camera.center[1],
      zoom: steps[1]!.camera.zoom,
    });
    fireEvent.click(previous);
    await screen.findByText(steps[0]!.text);
    expect(stepOf(state)).toBe(1);
  });

  it("moves with the arrow keys and PageUp/PageDown while focus is in the panel", async () => {
    const { state, panel } = setup();
    const steps = shipped().steps;
    await screen.findByText(steps[0]!.text);
    fireEvent.keyDown(panel()!, { key: "ArrowRight" });
    await waitFor(() => expect(stepOf(state)).toBe(2));
    fireEvent.keyDown(screen.getByRole("button", { name: /Next/ }), { key: "PageDown" });
    await waitFor(() => expect(stepOf(state)).toBe(3));
    fireEvent.keyDown(panel()!, { key: "PageUp" });
    await waitFor(() => expect(stepOf(state)).toBe(2));
    fireEvent.keyDown(panel()!, { key: "ArrowLeft" });
    await waitFor(() => expect(stepOf(state)).toBe(1));
    // A key outside the panel is not the panel's.
    fireEvent.keyDown(document.body, { key: "ArrowRight" });
    expect(stepOf(state)).toBe(1);
  });

  it("stops at the last step, and clamps a link's step beyond it", async () => {
    const steps = shipped().steps;
    const { state, progress } = setup({ step: 99 });
    await screen.findByText(steps.at(-1)!.text);
    expect(stepOf(state)).toBe(steps.length);
    expect(progress()).toContain(`${steps.length} of ${steps.length}`);
    expect(screen.getByRole("button", { name: /Next/ })).toBeDisabled();
  });

  it("opens the reader at a passage's offsets", async () => {
    const { state } = setup({ step: 5 });
    const step = shipped().steps[4]!;
    await screen.findByText(step.text);
    fireEvent.click(screen.getAllByRole("button", { name: STORY_TEXT.read })[0]!);
    const c = step.citations[0]!;
    const text = readRepo(`seeds/${c.source}.txt`);
    const found = anchorQuote(text, c);
    if (!found.ok) throw new Error("the shipped quote is not in its source");
    expect(state.view.source).toBe(c.source);
    expect(state.view.passage).toEqual([found.start, found.end]);
  });

  it("closes with its button and with Escape, clearing what the story showed", async () => {
    const { state, panel } = setup({ step: 2 });
    await screen.findByText(shipped().steps[1]!.text);
    fireEvent.click(screen.getByRole("button", { name: STORY_TEXT.close }));
    await waitFor(() => expect(panel()).toBeNull());
    expect(state.view.story).toBeNull();
    expect(state.view.filters.from).toBeNull();
    expect(state.highlighted()).toEqual([]);

    state.actions.setStory({ id: ID, step: 1 });
    await screen.findByText(shipped().steps[0]!.text);
    fireEvent.keyDown(panel()!, { key: "Escape" });
    await waitFor(() => expect(panel()).toBeNull());
    expect(state.view.story).toBeNull();
  });

  it("left by Back to an entry without it, keeps that entry's filters", async () => {
    const { state, panel } = setup({ step: 2 });
    await screen.findByText(shipped().steps[1]!.text);
    const entry = emptyViewState();
    entry.filters.categories = ["raid"];
    state.actions.restore(entry);
    await waitFor(() => expect(panel()).toBeNull());
    expect(state.view.filters.categories).toEqual(["raid"]);
    expect(state.highlighted()).toEqual([]);
  });

  it("says it is loading, then what went wrong", async () => {
    let fail!: (e: Error) => void;
    const pending = new Promise<unknown>((_, reject) => (fail = reject));
    setup({ load: () => pending });
    expect(await screen.findByRole("status")).toHaveTextContent(STORY_TEXT.loading);
    fail(new Error("data/stories/carrier-to-raid.json: HTTP 404 Not Found"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      STORY_TEXT.failed(ID, "data/stories/carrier-to-raid.json: HTTP 404 Not Found"),
    );
  });

  it("refuses a story without steps, with an error line", async () => {
    setup({ load: async () => ({ id: ID, title: "t", steps: [] }) });
    expect(await screen.findByRole("alert")).toHaveTextContent("has no steps");
  });

  it("shows markup in a story's text and title as text", async () => {
    const story = JSON.parse(shippedText());
    story.title = `Title ${IMG}`;
    story.steps[0].text = `Text ${BOLD}`;
    const { panel } = setup({ load: async () => story });
    await screen.findByText(`Text ${BOLD}`);
    expectMarkupAsText(panel()!, IMG, BOLD);
  });
});
