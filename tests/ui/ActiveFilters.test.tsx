import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { filterEvents } from "../../src/model/query/filter.ts";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";
import { Counter } from "../../src/ui/Counter.tsx";
import { createTestState, readShipped } from "../state/fixtures.ts";

const SOURCE = readShipped().sources.sources[2]!;

function renderCounter(filters: Partial<Filters>) {
  const { state } = createTestState();
  state.actions.setFilters(filters);
  const view = render(() => <Counter state={state} />);
  const chips = () => view.queryByRole("list", { name: "Active filters" });
  const shown = (f: Filters) =>
    filterEvents(state.events(), buildSearchText(state.events()), f).length;
  return { ...view, state, chips, shown };
}

describe("the active filters beside the count", () => {
  it("shows none without filters", () => {
    expect(renderCounter({}).chips()).toBeNull();
  });

  it("has a chip for every active filter, dates and search included", () => {
    const { chips } = renderCounter({
      categories: ["raid", "checkpoint"],
      statuses: ["reported"],
      sources: [SOURCE.id],
      from: "2026-01-01",
      to: "2026-01-09",
      q: "caracas",
    });
    const names = within(chips()!)
      .getAllByRole("button")
      .map((b) => b.getAttribute("aria-label"));
    expect(names).toEqual([
      "Remove filter: category Raid",
      "Remove filter: category Checkpoint / patrol",
      "Remove filter: status Reported",
      `Remove filter: source ${SOURCE.id.slice(0, 3)} · ${SOURCE.outlet ?? SOURCE.title}`,
      "Remove filter: dates from 1 Jan 2026",
      "Remove filter: dates to 9 Jan 2026",
      "Remove filter: search “caracas”",
    ]);
    // The full name is the tooltip too, wherever the chip's label is cut.
    for (const b of within(chips()!).getAllByRole("button"))
      expect(b.getAttribute("title")).toBe(b.getAttribute("aria-label"));
  });

  it.each<[string, string, Partial<Filters>]>([
    ["a category", "Remove filter: category Raid", { categories: ["checkpoint"] }],
    ["the start date", "Remove filter: dates from 1 Jan 2026", { from: null }],
    ["the search", "Remove filter: search “caracas”", { q: "" }],
  ])("removing %s clears that filter alone, and the count follows", (_what, name, left) => {
    const start: Filters = {
      ...emptyFilters(),
      categories: ["raid", "checkpoint"],
      from: "2026-01-01",
      q: "caracas",
    };
    const { chips, getByTestId, shown, state } = renderCounter(start);
    fireEvent.click(within(chips()!).getByRole("button", { name }));
    const now = { ...start, ...left };
    expect(state.view.filters).toEqual(now);
    expect(getByTestId("count")).toHaveTextContent(
      `${shown(now)} of ${state.events().length} events shown`,
    );
    expect(within(chips()!).queryByRole("button", { name })).toBeNull();
    expect(within(chips()!).getAllByRole("button")).toHaveLength(3);
  });
});
