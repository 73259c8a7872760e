import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { CATEGORY_STYLE, STATUS_LABEL } from "../../src/model/category-style.ts";
import { status } from "../../src/model/i18n/en/status.ts";
import type { Status } from "../../src/model/types.ts";

/** A status chip's name: the status and what it counts, in words (never documents), then how many
 * events it would show. */
const statusChip = (st: Status) =>
  new RegExp(`^${STATUS_LABEL[st]} ${status.chip[st].replace("+", "\\+")} \\d+$`);
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { filterEvents } from "../../src/model/query/filter.ts";
import type { Category } from "../../src/model/types.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";
import type { AppState } from "../../src/state/app-state.ts";
import { Counter } from "../../src/ui/Counter.tsx";
import { FilterBar } from "../../src/ui/FilterBar.tsx";
import { createTestState, readShipped } from "../state/fixtures.ts";

function renderBar() {
  const { state } = createTestState();
  const view = render(() => (
    <>
      <FilterBar state={state} />
      <Counter state={state} />
    </>
  ));
  const count = () => view.getByTestId("count");
  const bar = () => view.getByRole("region", { name: "Filters" });
  const chip = (name: string | RegExp) => within(bar()).getByRole("button", { name });
  return { ...view, state, count, bar, chip };
}

/** The counter's text for these filters, computed with the pure filter the app uses. */
function expectedCount(state: AppState, patch: Partial<Filters>): string {
  const events = state.events();
  const shown = filterEvents(events, buildSearchText(events), {
    ...emptyFilters(),
    ...patch,
  }).length;
  return `${shown} of ${events.length} events shown`;
}

const categoryLabel = (c: Category) => new RegExp(`^${CATEGORY_STYLE[c].label}\\s+\\d+$`);
const USED_CATEGORIES = [
  ...new Set(readShipped().events.features.map((e) => e.properties.category)),
];

describe("FilterBar with its Counter", () => {
  it("counts every event of the dataset before any filter", () => {
    const { count } = renderBar();
    expect(count()).toHaveTextContent(
      `${readShipped().events.features.length} of ${readShipped().events.features.length} events shown`,
    );
  });

  it.each(["colectivo", "Rodriguez", "rodríguez", "TANKER", "caracas raid", "no event says zqxjv"])(
    "counts the events matching the search %j",
    (q) => {
      const { count, getByTestId, state } = renderBar();
      fireEvent.input(getByTestId("search"), { target: { value: q } });
      expect(state.view.filters.q).toBe(q);
      expect(count()).toHaveTextContent(expectedCount(state, { q }));
    },
  );

  it("has a chip for each category in use, with its number of events", () => {
    const { bar, state } = renderBar();
    const group = within(bar()).getByRole("group", { name: "Category" });
    expect(within(group).getAllByRole("button")).toHaveLength(USED_CATEGORIES.length);
    for (const c of USED_CATEGORIES) {
      const n = state.events().filter((e) => e.properties.category === c).length;
      expect(within(group).getByRole("button", { name: categoryLabel(c) })).toHaveTextContent(
        `${CATEGORY_STYLE[c].label} ${n}`,
      );
    }
  });

  it.each(USED_CATEGORIES)("toggles the %s chip on and off", (c) => {
    const { chip, count, state } = renderBar();
    expect(chip(categoryLabel(c))).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(chip(categoryLabel(c)));
    expect(chip(categoryLabel(c))).toHaveAttribute("aria-pressed", "true");
    expect(state.view.filters.categories).toEqual([c]);
    expect(count()).toHaveTextContent(expectedCount(state, { categories: [c] }));
    fireEvent.click(chip(categoryLabel(c)));
    expect(chip(categoryLabel(c))).toHaveAttribute("aria-pressed", "false");
    expect(count()).toHaveTextContent(expectedCount(state, {}));
  });

  it("counts each chip under the other filters, never under its own facet", () => {
    const { bar, chip, state } = renderBar();
    const group = within(bar()).getByRole("group", { name: "Category" });
    const n = (c: Category) =>
      Number(
        within(group)
          .getByRole("button", { name: categoryLabel(c) })
          .querySelector(".n")!.textContent,
      );
    const [a, b] = USED_CATEGORIES as [Category, Category];
    const before = USED_CATEGORIES.map(n);
    // Choosing a category leaves the category counts as they were.
    fireEvent.click(chip(categoryLabel(a)));
    expect(USED_CATEGORIES.map(n)).toEqual(before);
    // A date range narrows them: each says what choosing it would show.
    fireEvent.change(bar().querySelector<HTMLInputElement>("input[type=date]")!, {
      target: { value: "2026-01-04" },
    });
    for (const c of [a, b])
      expect(n(c)).toBe(
        filterEvents(state.events(), buildSearchText(state.events()), {
          ...emptyFilters(),
          categories: [c],
          from: "2026-01-04",
        }).length,
      );
    expect(USED_CATEGORIES.map(n)).not.toEqual(before);
    // The status chips count under the chosen category and dates.
    const reported = Number(
      chip(statusChip("reported")).querySelector(".n:last-child")!.textContent,
    );
    expect(reported).toBe(
      filterEvents(state.events(), buildSearchText(state.events()), {
        ...emptyFilters(),
        categories: [a],
        statuses: ["reported"],
        from: "2026-01-04",
      }).length,
    );
  });

  it("names a source chip by what it shows, and describes it in full, however it is cut", () => {
    const { bar } = renderBar();
    const src = readShipped().sources.sources[0]!;
    const group = within(bar()).getByRole("group", { name: "Source" });
    const button = within(group).getAllByRole("button")[0]!;
    expect(button.getAttribute("title")).toContain(src.title);
    // Label in name (WCAG 2.5.3): the name is the visible text, so speech input can say it.
    expect(button).toHaveAccessibleName(
      `${src.id.slice(0, 3)} · ${src.outlet ?? src.title} ${button.querySelector(".n")!.textContent}`,
    );
    expect(button).toHaveAccessibleDescription(expect.stringContaining(src.title));
    expect(button.querySelector(".chip-name")).toHaveTextContent(`${src.id.slice(0, 3)} · `);
  });

  it("combines two categories", () => {
    const { chip, count, state } = renderBar();
    const [a, b] = USED_CATEGORIES as [Category, Category];
    fireEvent.click(chip(categoryLabel(a)));
    fireEvent.click(chip(categoryLabel(b)));
    expect(count()).toHaveTextContent(expectedCount(state, { categories: [a, b] }));
  });

  it.each(["disputed", "corroborated", "reported"] as const)("filters by the status %s", (st) => {
    const { chip, count, state } = renderBar();
    fireEvent.click(chip(statusChip(st)));
    expect(chip(statusChip(st))).toHaveAttribute("aria-pressed", "true");
    expect(count()).toHaveTextContent(expectedCount(state, { statuses: [st] }));
  });

  it("filters by source", () => {
    const { bar, count, state } = renderBar();
    const sourceId = readShipped().sources.sources[3]!.id;
    const group = within(bar()).getByRole("group", { name: "Source" });
    fireEvent.click(within(group).getAllByRole("button")[3]!);
    expect(state.view.filters.sources).toEqual([sourceId]);
    expect(count()).toHaveTextContent(expectedCount(state, { sources: [sourceId] }));
  });

  it("filters by the date fields", () => {
    const { container, count, state } = renderBar();
    const [from, to] = container.querySelectorAll<HTMLInputElement>("input[type=date]");
    fireEvent.change(from!, { target: { value: "2026-01-04" } });
    fireEvent.change(to!, { target: { value: "2026-01-09" } });
    expect(state.view.filters).toMatchObject({ from: "2026-01-04", to: "2026-01-09" });
    expect(count()).toHaveTextContent(
      expectedCount(state, { from: "2026-01-04", to: "2026-01-09" }),
    );
    fireEvent.change(from!, { target: { value: "" } });
    expect(state.view.filters.from).toBeNull();
  });

  it.each(["bar", "counter"] as const)("clears every filter from the %s's button", (where) => {
    const { bar, chip, container, count, getByTestId, state } = renderBar();
    fireEvent.input(getByTestId("search"), { target: { value: "caracas" } });
    fireEvent.click(chip(categoryLabel(USED_CATEGORIES[0]!)));
    fireEvent.click(chip(statusChip("corroborated")));
    const scope = where === "bar" ? bar() : container.querySelector<HTMLElement>(".counter")!;
    fireEvent.click(within(scope).getByRole("button", { name: "Clear filters" }));
    expect(state.view.filters).toEqual(emptyFilters());
    expect(count()).toHaveTextContent(expectedCount(state, {}));
    expect(getByTestId("search")).toHaveValue("");
    expect(within(bar()).queryAllByRole("button", { pressed: true })).toEqual([]);
    expect(within(bar()).queryByRole("button", { name: "Clear filters" })).toBeNull();
  });

  it("disables the counter's clear button while nothing is filtered", () => {
    const { container, chip } = renderBar();
    const clear = within(container.querySelector<HTMLElement>(".counter")!).getByRole("button", {
      name: "Clear filters",
    });
    expect(clear).toBeDisabled();
    fireEvent.click(chip(statusChip("disputed")));
    expect(clear).toBeEnabled();
  });
});
