/**
 * The basemap in the app's state: the switcher's choice is remembered in this browser and opens
 * the next link that names none; a link's own choice wins and is not remembered; Back/Forward to
 * an entry that names none keeps the basemap shown.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  BASEMAP_STORAGE_KEY,
  initialBasemap,
  rememberedBasemap,
} from "../../src/state/basemap-pref.ts";
import { emptyViewState } from "../../src/model/view-state.ts";
import { createTestState } from "./fixtures.ts";

afterEach(() => localStorage.clear());

describe("basemap preference", () => {
  it("defaults to the embedded map, and ignores a stored value that is not a basemap", () => {
    expect(rememberedBasemap()).toBe("embedded");
    localStorage.setItem(BASEMAP_STORAGE_KEY, "<b>satellite</b>");
    expect(rememberedBasemap()).toBe("embedded");
  });

  it("the switcher's choice is remembered, and opens a link that names no basemap", () => {
    const { state } = createTestState();
    state.actions.setBasemap("satellite");
    expect(state.view.basemap).toBe("satellite");
    expect(localStorage.getItem(BASEMAP_STORAGE_KEY)).toBe("satellite");
    expect(initialBasemap("embedded")).toBe("satellite");
    // A link's own basemap wins.
    expect(initialBasemap("streets")).toBe("streets");
    state.actions.setBasemap("embedded");
    expect(initialBasemap("embedded")).toBe("embedded");
  });

  it("restore keeps the basemap unless the restored view names one", () => {
    const { state } = createTestState();
    state.actions.setBasemap("streets");
    state.actions.restore({ ...emptyViewState(), event: "caracas-night-raid" });
    expect(state.view.basemap).toBe("streets");
    expect(state.view.event).toBe("caracas-night-raid");
    state.actions.restore({ ...emptyViewState(), basemap: "satellite" });
    expect(state.view.basemap).toBe("satellite");
    // Restoring is not choosing: nothing new is remembered.
    expect(localStorage.getItem(BASEMAP_STORAGE_KEY)).toBe("streets");
  });
});
