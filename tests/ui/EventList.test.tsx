import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { chronologicalOrder } from "../../src/model/query/event-order.ts";
import { eventSpan } from "../../src/model/query/dates.ts";
import { filterEvents } from "../../src/model/query/filter.ts";
import { emptyFilters, emptyViewState, type Filters } from "../../src/model/view-state.ts";
import type { AppState } from "../../src/state/app-state.ts";
import { EventList } from "../../src/ui/EventList.tsx";
import { createTestState, makeLoaded, readShipped } from "../state/fixtures.ts";

function renderList(state = createTestState().state) {
  const view = render(() => <EventList state={state} />);
  const rows = () => Array.from(view.container.querySelectorAll<HTMLButtonElement>("button.row"));
  const ids = () => rows().map((r) => r.dataset.eventId);
  const row = (id: string) =>
    view.container.querySelector<HTMLButtonElement>(`button.row[data-event-id="${id}"]`)!;
  return { ...view, state, rows, ids, row };
}

/** What the list should show for these filters, from the pure model functions. */
function expectedIds(state: AppState, patch: Partial<Filters> = {}): string[] {
  const events = state.events();
  const shown = new Set(
    filterEvents(events, buildSearchText(events), { ...emptyFilters(), ...patch }),
  );
  return chronologicalOrder(events)
    .filter((i) => shown.has(i))
    .map((i) => events[i]!.id);
}

const CATEGORY_CASES = [
  ...new Set(readShipped().events.features.map((e) => e.properties.category)),
].map((c) => ({ categories: [c] }));

describe("EventList", () => {
  it("lists every event once, in chronological order", () => {
    const { ids, state } = renderList();
    expect(ids()).toEqual(expectedIds(state));
    expect(new Set(ids()).size).toBe(readShipped().events.features.length);
  });

  it("shows each row's title, date and place", () => {
    const { row, state } = renderList();
    const e = state.events()[0]!;
    expect(row(e.id).querySelector(".row-title")).toHaveTextContent(e.properties.title);
    expect(row(e.id).querySelector(".row-meta")).toHaveTextContent(e.properties.place.name);
  });

  it("says each row's status in words, counted by origin, never by document", () => {
    const { row } = renderList();
    const badge = row("us-security-alert-leave-venezuela").querySelector(".badge")!;
    expect(badge).toHaveClass("status-reported");
    expect(badge.querySelector("[aria-hidden]")).toHaveTextContent("Reported · 1 origin");
    expect(badge.querySelector(".sr-only")).toHaveTextContent(
      "Reported: 1 origin, told in 3 documents",
    );
    expect(badge).toHaveAttribute("title", "Reported: 1 origin, told in 3 documents");
    const disputed = row("colectivo-roadblocks-searching-for-us-citizens").querySelector(".badge")!;
    expect(disputed.querySelector("[aria-hidden]")).toHaveTextContent("Disputed · denied");
  });

  it("lists an expected event distinctly: hollow icon and an Expected tag", () => {
    const { row } = renderList();
    const expected = row("cartel-de-los-soles-terrorist-designation");
    expect(expected).toHaveClass("expected");
    expect(expected.querySelector("svg.cat-icon")).toHaveClass("expected");
    expect(expected.querySelector(".expected-tag")).toHaveTextContent("Expected");
    const happened = row("uss-gerald-ford-arrives-caribbean");
    expect(happened).not.toHaveClass("expected");
    expect(happened.querySelector(".expected-tag")).toBeNull();
  });

  it("includes the events that have no place on the map, and says so", () => {
    const { row, rows, state } = renderList();
    const unplaced = state.events().filter((e) => e.geometry === null);
    expect(unplaced.length).toBeGreaterThan(0);
    for (const e of unplaced) expect(row(e.id)).toHaveTextContent("not on map");
    expect(rows().filter((r) => r.textContent!.includes("not on map"))).toHaveLength(
      unplaced.length,
    );
  });

  it("selects the event whose row is clicked", () => {
    const { row, state } = renderList();
    const id = state.events()[3]!.id;
    fireEvent.click(row(id));
    expect(state.view.event).toBe(id);
    expect(state.selected()?.id).toBe(id);
  });

  it("marks only the selected row as current", () => {
    const { row, rows, state } = renderList();
    const id = state.events()[5]!.id;
    expect(rows().filter((r) => r.hasAttribute("aria-current"))).toEqual([]);
    state.actions.select(id);
    expect(row(id)).toHaveAttribute("aria-current", "true");
    expect(row(id)).toHaveClass("selected");
    expect(rows().filter((r) => r.hasAttribute("aria-current"))).toEqual([row(id)]);
  });

  it("marks the row current when the event was selected by an aliased (old link) id", () => {
    const raw = readShipped();
    const target = raw.events.features[4]!.id;
    raw.events.aliases = { "renamed-old-id": target };
    const { row, state } = renderList(createTestState({ data: makeLoaded(raw) }).state);
    state.actions.select("renamed-old-id");
    expect(state.selected()?.id).toBe(target);
    expect(row(target)).toHaveAttribute("aria-current", "true");
  });

  it.each(CATEGORY_CASES)("shows only the rows passing the filter $categories", (patch) => {
    const { ids, state } = renderList();
    state.actions.setFilters(patch);
    expect(ids()).toEqual(expectedIds(state, patch));
    expect(ids().length).toBeLessThan(state.events().length);
  });

  it("follows a change of filters back and forth", () => {
    const { ids, state } = renderList();
    state.actions.setFilters({ categories: ["raid"] });
    expect(ids()).toEqual(expectedIds(state, { categories: ["raid"] }));
    state.actions.setFilters({ categories: [] });
    expect(ids()).toEqual(expectedIds(state));
  });

  it("explains an empty result, and “clear all filters” brings every event back", () => {
    const { ids, getByRole, state } = renderList();
    state.actions.setFilters({ q: "no event mentions this zqxjv", categories: ["raid"] });
    expect(ids()).toEqual([]);
    const empty = getByRole("status");
    expect(empty).toHaveTextContent("No events match these filters.");
    fireEvent.click(within(empty).getByRole("button", { name: "clear all filters" }));
    expect(state.view.filters).toEqual(emptyFilters());
    expect(ids()).toEqual(expectedIds(state));
  });

  it("lists only the given events when told to (the events at one spot)", () => {
    const { state } = createTestState();
    const only = [2, 0];
    const { container } = render(() => (
      <EventList state={state} only={only} label="Events at this spot" />
    ));
    expect(container.querySelector("section")).toHaveAccessibleName("Events at this spot");
    const shown = Array.from(container.querySelectorAll<HTMLElement>("button.row")).map(
      (r) => r.dataset.eventId,
    );
    expect(shown).toEqual(only.map((i) => state.events()[i]!.id));
  });
});

describe("EventList order", () => {
  const sortButton = (v: ReturnType<typeof renderList>, name: RegExp) =>
    v.getByRole("button", { name });

  it("lists newest first when asked, and back; the choice is the view's sort", () => {
    const v = renderList();
    const oldest = v.ids();
    expect(sortButton(v, /Oldest first/)).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(sortButton(v, /Newest first/));
    expect(v.state.view.sort).toBe("newest");
    expect(sortButton(v, /Newest first/)).toHaveAttribute("aria-pressed", "true");
    const newest = v.ids();
    expect(newest).not.toEqual(oldest);
    expect([...newest].sort()).toEqual([...oldest].sort());
    const byId = new Map(v.state.events().map((e) => [e.id, eventSpan(e)]));
    for (let k = 1; k < newest.length; k++)
      expect(byId.get(newest[k - 1]!)![0]).toBeGreaterThanOrEqual(byId.get(newest[k]!)![0]);
    fireEvent.click(sortButton(v, /Oldest first/));
    expect(v.ids()).toEqual(oldest);
  });

  it("starts newest first from a link, keeps the order through filters, and Clear filters leaves it", () => {
    const { state } = createTestState({ initial: { ...emptyViewState(), sort: "newest" } });
    const v = renderList(state);
    state.actions.setFilters({ categories: ["raid", "protest"] });
    expect(v.ids()).toEqual(expectedIds(state, { categories: ["raid", "protest"] }).reverse());
    state.actions.clearFilters();
    expect(state.view.sort).toBe("newest");
  });
});
