import { createEffect, createRoot } from "solid-js";
import { describe, expect, it } from "vitest";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { chronologicalOrder } from "../../src/model/query/event-order.ts";
import { filterEvents } from "../../src/model/query/filter.ts";
import { setIndexes } from "../../src/model/query/index-set.ts";
import {
  emptyFilters,
  emptyViewState,
  type Camera,
  type ViewState,
} from "../../src/model/view-state.ts";
import { createTestState, makeLoaded, readShipped } from "./fixtures.ts";

/** The shown events' indexes, ascending. */
const shown = (state: ReturnType<typeof createTestState>["state"]) =>
  setIndexes(state.visibleSet(), state.events().length);

const CAMERA: Camera = { zoom: 7, lat: 10.5, lng: -66.9, bearing: 0, pitch: 0 };
const SOURCE = "001_63de899742715ce7";

function linkedView(): ViewState {
  return {
    ...emptyViewState(),
    event: "caracas-night-raid",
    source: SOURCE,
    passage: [10, 40],
    filters: { ...emptyFilters(), categories: ["raid"], q: "caracas" },
  };
}

describe("createAppState", () => {
  it("starts empty until the data is loaded", () => {
    const { state } = createTestState({ data: null });
    expect(state.events()).toEqual([]);
    expect(shown(state)).toEqual([]);
    expect(state.selected()).toBeUndefined();
    state.actions.loaded(makeLoaded());
    expect(state.events()).toHaveLength(readShipped().events.features.length);
  });

  it("keeps the initial view's camera out of the view store and leaves its input alone", () => {
    const initial = { ...linkedView(), camera: CAMERA };
    const before = structuredClone(initial);
    const { state } = createTestState({ initial });
    expect(state.view.camera).toBeNull();
    expect(state.camera()).toEqual(CAMERA);
    state.actions.setFilters({ q: "other" });
    state.actions.select("maduro-captured");
    expect(initial).toEqual(before);
  });

  describe("select", () => {
    it.each([true, false])(
      "chooses an event, closes the reader and the chooser (fly = %s)",
      (fly) => {
        const { state } = createTestState({ initial: linkedView() });
        state.actions.choose([1, 2]);
        state.actions.select("maduro-captured", fly);
        expect(state.view).toMatchObject({ event: "maduro-captured", source: null, passage: null });
        expect(state.chooser()).toBeNull();
        expect(state.flyOnSelect()).toBe(fly);
        expect(state.selected()?.id).toBe("maduro-captured");
        expect(state.selectedIdx()).toBe(
          state.events().findIndex((e) => e.id === "maduro-captured"),
        );
        expect(state.selectedIdx()).toBeGreaterThanOrEqual(0);
      },
    );

    it("keeps the filters", () => {
      const { state } = createTestState({ initial: linkedView() });
      state.actions.select("maduro-captured");
      expect(state.view.filters).toEqual(linkedView().filters);
    });

    it("clears the selection with null", () => {
      const { state } = createTestState({ initial: linkedView() });
      state.actions.select(null);
      expect(state.view.event).toBeNull();
      expect(state.selected()).toBeUndefined();
      expect(state.selectedIdx()).toBe(-1);
    });

    it("selects by index, and ignores an index out of range", () => {
      const { state } = createTestState();
      state.actions.selectIndex(2);
      expect(state.view.event).toBe(state.events()[2]!.id);
      state.actions.selectIndex(state.events().length + 5);
      expect(state.view.event).toBe(state.events()[2]!.id);
    });

    it("resolves an old (aliased) id to the event it was renamed to", () => {
      const raw = readShipped();
      raw.events.aliases = { "night-raid-on-caracas": "caracas-night-raid" };
      const { state } = createTestState({ data: makeLoaded(raw) });
      state.actions.select("night-raid-on-caracas");
      expect(state.view.event).toBe("night-raid-on-caracas");
      expect(state.selected()?.id).toBe("caracas-night-raid");
      expect(state.selectedIdx()).toBe(
        state.events().findIndex((e) => e.id === "caracas-night-raid"),
      );
    });

    it("selects nothing for an id the dataset does not know", () => {
      const { state } = createTestState();
      state.actions.select("no-such-event");
      expect(state.selected()).toBeUndefined();
      expect(state.selectedIdx()).toBe(-1);
    });
  });

  describe("the source reader", () => {
    it("opens a source at a passage without losing the event", () => {
      const { state } = createTestState();
      state.actions.select("caracas-night-raid");
      state.actions.openSource(SOURCE, [5, 25]);
      expect(state.view).toMatchObject({
        event: "caracas-night-raid",
        source: SOURCE,
        passage: [5, 25],
      });
    });

    it("opens a source with no passage by default", () => {
      const { state } = createTestState();
      state.actions.openSource(SOURCE);
      expect(state.view).toMatchObject({ source: SOURCE, passage: null });
    });

    it("closes back to the event", () => {
      const { state } = createTestState({ initial: linkedView() });
      state.actions.closeSource();
      expect(state.view).toMatchObject({
        event: "caracas-night-raid",
        source: null,
        passage: null,
      });
    });
  });

  describe("filters", () => {
    it("merges a patch into the filters", () => {
      const { state } = createTestState({ initial: linkedView() });
      state.actions.setFilters({ statuses: ["corroborated"] });
      expect(state.view.filters).toEqual({ ...linkedView().filters, statuses: ["corroborated"] });
    });

    it("clears every filter and nothing else", () => {
      const { state } = createTestState({ initial: linkedView() });
      state.actions.clearFilters();
      expect(state.view.filters).toEqual(emptyFilters());
      expect(state.view).toMatchObject({
        event: "caracas-night-raid",
        source: SOURCE,
        passage: [10, 40],
      });
    });

    it.each([
      { name: "no filter", patch: {} },
      { name: "a category", patch: { categories: ["checkpoint" as const] } },
      { name: "a status", patch: { statuses: ["disputed" as const] } },
      { name: "a source", patch: { sources: ["004_de622e2cc4caa2d4"] } },
      { name: "a date range", patch: { from: "2026-01-01", to: "2026-01-05" } },
      { name: "a search", patch: { q: "Caracas" } },
    ])("derives visible and visibleChronological for $name", ({ patch }) => {
      const { state } = createTestState();
      state.actions.setFilters(patch);
      const events = state.events();
      const expected = filterEvents(events, buildSearchText(events), {
        ...emptyFilters(),
        ...patch,
      });
      expect(shown(state)).toEqual(expected);
      const set = state.visibleSet();
      expect(set.size).toBe(expected.length);
      expect(events.map((_, i) => i).filter((i) => set.has(i))).toEqual(expected);
      expect(state.visibleChronological()).toEqual(
        chronologicalOrder(events).filter((i) => expected.includes(i)),
      );
    });
  });

  describe("restore", () => {
    it("replaces the whole view and jumps the camera when the link has one", () => {
      const { state } = createTestState();
      state.actions.select("maduro-captured");
      state.actions.setFilters({ statuses: ["reported"] });
      state.actions.choose([0]);
      state.actions.restore({ ...linkedView(), camera: CAMERA });
      expect(state.view).toEqual({ ...linkedView(), camera: null });
      expect(state.camera()).toEqual(CAMERA);
      expect(state.cameraJump()).toEqual(CAMERA);
      expect(state.flyOnSelect()).toBe(false);
      expect(state.chooser()).toBeNull();
    });

    it("flies to the event when the link has no camera", () => {
      const { state } = createTestState();
      state.actions.select("maduro-captured", false);
      state.actions.restore(linkedView());
      expect(state.view).toEqual(linkedView());
      expect(state.flyOnSelect()).toBe(true);
      expect(state.cameraJump()).toBeNull();
    });

    it("does not keep a reference to the view it was given", () => {
      const { state } = createTestState();
      const next = linkedView();
      state.actions.restore(next);
      next.filters.categories.push("protest");
      expect(state.view.filters.categories).toEqual(["raid"]);
    });
  });

  it("shows a notice once per message, and dismisses it", () => {
    const { state } = createTestState();
    state.actions.notify("basemap fell back");
    state.actions.notify("basemap fell back");
    state.actions.notify("bad link", "error");
    expect(state.notices().map((n) => [n.kind, n.message])).toEqual([
      ["info", "basemap fell back"],
      ["error", "bad link"],
    ]);
    state.actions.dismiss(state.notices()[0]!.id);
    expect(state.notices().map((n) => n.message)).toEqual(["bad link"]);
  });

  it("records a load failure", () => {
    const { state } = createTestState({ data: null });
    state.actions.failed("data/events.geojson: HTTP 404");
    expect(state.loadError()).toBe("data/events.geojson: HTTP 404");
  });

  it("stops deriving once its root is disposed", () => {
    const { state, dispose } = createTestState({ dispose: false });
    const seen: number[] = [];
    const stopWatching = createRoot((stop) => {
      createEffect(() => seen.push(shown(state).length));
      return stop;
    });
    state.actions.setFilters({ categories: ["raid"] });
    const whileAlive = [...seen];
    expect(whileAlive).toHaveLength(2);
    dispose();
    state.actions.setFilters({ categories: [] });
    expect(seen).toEqual(whileAlive);
    expect(shown(state).length).toBe(whileAlive.at(-1));
    stopWatching();
  });
});
