/**
 * A guided story in the app: which one is open and at which step lives in the view
 * (`view.story`, so the link carries it); this fetches the story's file when it is named,
 * checks it (model/story/loaded.ts), and shows each step — its camera, dates, filters and
 * events — once the events are loaded. A step beyond the last is clamped to the last, and the
 * link says so.
 */
import { batch, createEffect, createMemo, createSignal, on } from "solid-js";
import { findEvent } from "../model/dataset.ts";
import type { Story, StoryCitation, StoryStep } from "../model/story/types.ts";
import { anchorQuote } from "../model/text/anchor.ts";
import { clampStep } from "../model/url/story.ts";
import { emptyFilters, type Camera, type Filters } from "../model/view-state.ts";
import type { AppState } from "./app-state.ts";
import { fetchJson } from "./fetch-text.ts";

export type StoryStatus =
  | { kind: "closed" }
  | { kind: "loading"; id: string }
  | { kind: "error"; id: string; message: string }
  | { kind: "ready"; story: Story };

/** A step's cited passage, anchored in its source for the reader. */
export interface StoryQuote {
  citation: StoryCitation;
  /** Offsets in the source's original text, or null when the quote is not found there. */
  range: [number, number] | null;
  sourceTitle: string;
}

/** Where a story's file is, beside the dataset's. */
export const storyFile = (id: string): string => `data/stories/${id}.json`;

/** Reads a story's file, parsed, or fails with a message that names it. */
export type StoryLoader = (id: string) => Promise<unknown>;

/** The app's loader: the story's file from the site. */
export const fetchStory =
  (baseUrl: string): StoryLoader =>
  (id) =>
    fetchJson<unknown>(storyFile(id), baseUrl);

export type StoryState = ReturnType<typeof createStoryState>;

export function createStoryState(s: AppState, load: StoryLoader, reducedMotion: () => boolean) {
  const [status, setStatus] = createSignal<StoryStatus>({ kind: "closed" });
  watchStoryFile(s, load, status, setStatus);
  const story = createMemo(() => {
    const st = status();
    return st.kind === "ready" ? st.story : null;
  });
  /** The step shown, from 1, within the story. */
  const stepNo = createMemo(() => {
    const st = story();
    const ref = s.view.story;
    return st && ref ? clampStep(ref.step, st.steps.length) : 1;
  });
  const step = createMemo(() => story()?.steps[stepNo() - 1] ?? null);
  showSteps(s, story, stepNo, step, reducedMotion);
  const quotes = createMemo(() => quotesOf(s, step()));
  const go = (n: number) => {
    const st = story();
    const ref = s.view.story;
    if (st && ref) s.actions.setStory({ id: ref.id, step: clampStep(n, st.steps.length) });
  };
  return {
    status,
    story,
    stepNo,
    step,
    quotes,
    open(id: string) {
      s.actions.setStory({ id, step: 1 });
    },
    next: () => go(stepNo() + 1),
    previous: () => go(stepNo() - 1),
    close() {
      batch(() => {
        s.actions.setStory(null);
        s.actions.endStory(true);
      });
    },
  };
}

/** Fetches the story a link or a button names, once per id; closing it clears what it showed. */
function watchStoryFile(
  s: AppState,
  load: StoryLoader,
  status: () => StoryStatus,
  setStatus: (st: StoryStatus) => void,
): void {
  let wanted: string | null = null;
  createEffect(
    on(
      () => s.view.story?.id ?? null,
      (id) => {
        if (id === wanted) return;
        const wasOpen = status().kind !== "closed";
        wanted = id;
        if (id === null) {
          batch(() => {
            setStatus({ kind: "closed" });
            if (wasOpen) s.actions.endStory(false);
          });
          return;
        }
        setStatus({ kind: "loading", id });
        // The shape check comes with the story, in a chunk of its own: most visits open none.
        Promise.all([load(id), import("../model/story/loaded.ts")])
          .then(([value, { readStory }]) => {
            if (wanted === id) setStatus({ kind: "ready", story: readStory(value) });
          })
          .catch((e: Error) => {
            if (wanted === id) setStatus({ kind: "error", id, message: e.message });
          });
      },
    ),
  );
}

/** Shows each step once the story and the events are in; the first jumps, the next ones fly
 * unless the reader prefers reduced motion. */
function showSteps(
  s: AppState,
  story: () => Story | null,
  stepNo: () => number,
  step: () => StoryStep | null,
  reducedMotion: () => boolean,
): void {
  let shownOnce = false;
  createEffect(
    on([story, stepNo, s.data], ([st, n, d]) => {
      const current = step();
      if (!st || !d || !current) {
        if (!st) shownOnce = false;
        return;
      }
      const ref = s.view.story;
      // A link's step beyond the last: the link is corrected to the step shown.
      if (ref && ref.step !== n) s.actions.setStory({ id: ref.id, step: n });
      const highlight = current.events
        .map((id) => findEvent(d.index, id))
        .map((e) => (e ? d.index.events.indexOf(e) : -1))
        .filter((i) => i >= 0);
      s.actions.showStep({
        camera: cameraOf(current),
        filters: filtersOf(current),
        highlight,
        animate: shownOnce && !reducedMotion(),
      });
      shownOnce = true;
    }),
  );
}

function cameraOf(step: StoryStep): Camera {
  const [lng, lat] = step.camera.center;
  return { lng, lat, zoom: step.camera.zoom, bearing: 0, pitch: 0 };
}

/** A step's filters as the view has them: what it leaves out is "all". */
export function filtersOf(step: StoryStep): Filters {
  const f = step.filters ?? {};
  return {
    ...emptyFilters(),
    categories: [...(f.categories ?? [])].sort(),
    sources: [...(f.sources ?? [])].sort(),
    statuses: [...(f.statuses ?? [])].sort(),
    q: f.q ?? "",
    from: step.dates?.from ?? null,
    to: step.dates?.to ?? null,
  };
}

function quotesOf(s: AppState, step: StoryStep | null): StoryQuote[] {
  const d = s.data();
  if (!step) return [];
  return step.citations.map((citation) => {
    const text = d?.seeds[citation.source];
    const found = text === undefined ? null : anchorQuote(text, citation);
    return {
      citation,
      range: found?.ok ? [found.start, found.end] : null,
      sourceTitle: d?.index.sourceById.get(citation.source)?.title ?? citation.source,
    };
  });
}
