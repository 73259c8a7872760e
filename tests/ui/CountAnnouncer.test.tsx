import { fireEvent, render } from "@solidjs/testing-library";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { filterEvents } from "../../src/model/query/filter.ts";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { emptyViewState, type Filters } from "../../src/model/view-state.ts";
import { ANNOUNCE_SETTLE_MS, CountAnnouncer } from "../../src/ui/CountAnnouncer.tsx";
import { createTestState, makeLoaded } from "../state/fixtures.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function renderAnnouncer(opts: Parameters<typeof createTestState>[0] = {}) {
  const { state } = createTestState(opts);
  const view = render(() => <CountAnnouncer state={state} />);
  const region = () => view.getByRole("status");
  const shown = (f: Partial<Filters>) =>
    filterEvents(state.events(), buildSearchText(state.events()), {
      ...emptyViewState().filters,
      ...f,
    }).length;
  return { state, region, shown };
}

describe("the count's live region", () => {
  it("is one polite status region, silent on first load", () => {
    const { region } = renderAnnouncer();
    expect(region()).toHaveAttribute("aria-live", "polite");
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS * 3);
    expect(region()).toHaveTextContent(/^$/);
  });

  it("stays silent when the data arrive with a link's filters already applied", () => {
    const initial = emptyViewState();
    initial.filters.categories = ["raid"];
    const { state, region } = renderAnnouncer({ data: null, initial });
    state.actions.loaded(makeLoaded());
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS * 3);
    expect(region()).toHaveTextContent(/^$/);
  });

  it("says 'N of M events shown' once a filter change settles", () => {
    const { state, region, shown } = renderAnnouncer();
    const total = state.events().length;
    state.actions.setFilters({ categories: ["raid"] });
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS - 50);
    expect(region(), "not before it settles").toHaveTextContent(/^$/);
    vi.advanceTimersByTime(100);
    const n = shown({ categories: ["raid"] });
    expect(n).toBeLessThan(total);
    expect(region()).toHaveTextContent(`${n} of ${total} events shown`);
  });

  it("says only where a burst of changes (a drag, typing) stops", () => {
    const { state, region, shown } = renderAnnouncer();
    const said: string[] = [];
    for (const q of ["c", "ca", "car", "cara", "carac", "caraca", "caracas"]) {
      state.actions.setFilters({ q });
      vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS / 3);
      said.push(region().textContent ?? "");
    }
    expect(said.filter(Boolean), "nothing said while the search is being typed").toEqual([]);
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS);
    const final = `${shown({ q: "caracas" })} of ${state.events().length} events shown`;
    expect(region()).toHaveTextContent(final);
  });

  it("holds what a drag leaves shown until the pointer is let go, however long it pauses", () => {
    const { state, region, shown } = renderAnnouncer();
    fireEvent.pointerDown(window);
    state.actions.setFilters({ from: "2026-01-01" });
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS * 3);
    expect(region(), "a pause in the drag is not its end").toHaveTextContent(/^$/);
    fireEvent.pointerUp(window);
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS - 50);
    expect(region()).toHaveTextContent(/^$/);
    vi.advanceTimersByTime(100);
    const n = shown({ from: "2026-01-01" });
    expect(region()).toHaveTextContent(`${n} of ${state.events().length} events shown`);
  });

  it("says the count again when a later change leaves the same number shown", () => {
    const { state, region } = renderAnnouncer();
    state.actions.setFilters({ q: "caracas" });
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS);
    const first = region().textContent;
    state.actions.setFilters({ q: "CARACAS" });
    expect(region(), "emptied at once, so the same words are read again").toHaveTextContent(/^$/);
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS);
    expect(region().textContent).toBe(first);
  });

  it("says the whole count again after the filters are cleared", () => {
    const { state, region } = renderAnnouncer();
    state.actions.setFilters({ statuses: ["disputed"] });
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS);
    state.actions.clearFilters();
    vi.advanceTimersByTime(ANNOUNCE_SETTLE_MS);
    const total = state.events().length;
    expect(region()).toHaveTextContent(`${total} of ${total} events shown`);
  });
});
