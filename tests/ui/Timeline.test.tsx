import { fireEvent, render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { buildSearchText } from "../../src/model/query/search-text.ts";
import { filterEvents } from "../../src/model/query/filter.ts";
import { isoDay } from "../../src/model/query/dates.ts";
import { timelineAxis, timelineDomain } from "../../src/model/query/timeline.ts";
import { emptyFilters, type Filters } from "../../src/model/view-state.ts";
import type { AppState } from "../../src/state/app-state.ts";
import { Counter } from "../../src/ui/Counter.tsx";
import { dates } from "../../src/model/i18n/en/event.ts";
import { formatDay, formatEventDate } from "../../src/ui/format.ts";
import { Timeline } from "../../src/ui/Timeline.tsx";
import { createTestState } from "../state/fixtures.ts";

const DAY = 86_400_000;

function renderTimeline() {
  const { state } = createTestState();
  const view = render(() => (
    <>
      <Timeline state={state} />
      <Counter state={state} />
    </>
  ));
  const start = () => view.getByRole("slider", { name: "Start of date range" });
  const end = () => view.getByRole("slider", { name: "End of date range" });
  const [lo, hi] = timelineAxis(state.events());
  return { ...view, state, start, end, lo, hi };
}

function expectedCount(state: AppState): string {
  const events = state.events();
  const f: Filters = {
    ...emptyFilters(),
    from: state.view.filters.from,
    to: state.view.filters.to,
  };
  return `${filterEvents(events, buildSearchText(events), f).length} of ${events.length} events shown`;
}

const label = (ms: number) => formatDay(isoDay(ms));

describe("Timeline", () => {
  it("has two keyboard-operable handles spanning the whole axis", () => {
    const { start, end, lo, hi } = renderTimeline();
    for (const h of [start(), end()]) expect(h).toHaveAttribute("tabindex", "0");
    expect(start()).toHaveAttribute("aria-valuetext", label(lo));
    expect(start()).toHaveAttribute("aria-valuenow", String(lo));
    expect(end()).toHaveAttribute("aria-valuetext", label(hi));
    expect(end()).toHaveAttribute("aria-valuenow", String(hi));
  });

  it("draws a mark for every event", () => {
    const { container, state } = renderTimeline();
    expect(container.querySelectorAll(".mark-dot, .mark-span")).toHaveLength(state.events().length);
  });

  it("names each mark's event, date and precision in words", () => {
    const { container, state } = renderTimeline();
    const marks = [...container.querySelectorAll(".mark-dot, .mark-span")];
    const e = state.events()[state.order()[0]!]!;
    expect(marks[0]!.getAttribute("title")).toBe(
      `${e.properties.title} — ${formatEventDate(e.properties.date)} (${dates.precision[e.properties.date.precision]})`,
    );
  });

  // A keyboard user's first press must move the handle. Both rows below fail while Timeline's
  // setRange treats a bound within one day of the axis edge as "open" (null).
  it.each([
    { handle: "start", key: "ArrowRight", filter: "from", days: 1 },
    { handle: "start", key: "ArrowUp", filter: "from", days: 1 },
    { handle: "end", key: "ArrowLeft", filter: "to", days: -1 },
    { handle: "end", key: "ArrowDown", filter: "to", days: -1 },
  ] as const)(
    "moves the $handle handle by one day on the first $key",
    ({ handle, key, filter, days }) => {
      const t = renderTimeline();
      const edge = handle === "start" ? t.lo : t.hi;
      fireEvent.keyDown(t[handle](), { key });
      expect(t.state.view.filters[filter]).toBe(isoDay(edge + days * DAY));
      expect(t[handle]()).toHaveAttribute("aria-valuetext", label(edge + days * DAY));
    },
  );

  it.each([
    { handle: "start", key: "PageUp", filter: "from", days: 7 },
    { handle: "end", key: "PageDown", filter: "to", days: -7 },
  ] as const)("moves the $handle handle by a week on $key", ({ handle, key, filter, days }) => {
    const t = renderTimeline();
    const edge = handle === "start" ? t.lo : t.hi;
    fireEvent.keyDown(t[handle](), { key });
    expect(t.state.view.filters[filter]).toBe(isoDay(edge + days * DAY));
    expect(t[handle]()).toHaveAttribute("aria-valuetext", label(edge + days * DAY));
    expect(t.getByTestId("count")).toHaveTextContent(expectedCount(t.state));
  });

  it("steps the start handle one day at a time once it has left the edge", () => {
    const { start, state, lo } = renderTimeline();
    fireEvent.keyDown(start(), { key: "PageUp" });
    fireEvent.keyDown(start(), { key: "ArrowRight" });
    expect(state.view.filters.from).toBe(isoDay(lo + 8 * DAY));
    fireEvent.keyDown(start(), { key: "ArrowLeft" });
    expect(state.view.filters.from).toBe(isoDay(lo + 7 * DAY));
    expect(start()).toHaveAttribute("aria-valuetext", label(lo + 7 * DAY));
  });

  it("End on the start handle narrows the range to the last day, and Home opens it again", () => {
    const { start, end, state, hi, getByTestId } = renderTimeline();
    const all = getByTestId("count").textContent;
    fireEvent.keyDown(start(), { key: "End" });
    expect(state.view.filters).toMatchObject({ from: isoDay(hi - DAY), to: null });
    expect(start()).toHaveAttribute("aria-valuetext", label(hi - DAY));
    expect(end()).toHaveAttribute("aria-valuemin", String(hi - DAY));
    expect(getByTestId("count")).toHaveTextContent(expectedCount(state));
    expect(getByTestId("count").textContent).not.toBe(all);
    fireEvent.keyDown(start(), { key: "Home" });
    expect(state.view.filters).toMatchObject({ from: null, to: null });
    expect(getByTestId("count").textContent).toBe(all);
  });

  it("Home on the end handle narrows the range to the first day, and End opens it again", () => {
    const { end, state, lo, getByTestId } = renderTimeline();
    const all = getByTestId("count").textContent;
    fireEvent.keyDown(end(), { key: "Home" });
    expect(state.view.filters).toMatchObject({ from: null, to: isoDay(lo + DAY) });
    expect(end()).toHaveAttribute("aria-valuetext", label(lo + DAY));
    expect(getByTestId("count")).toHaveTextContent(expectedCount(state));
    expect(getByTestId("count").textContent).not.toBe(all);
    fireEvent.keyDown(end(), { key: "End" });
    expect(state.view.filters).toMatchObject({ from: null, to: null });
    expect(getByTestId("count").textContent).toBe(all);
  });

  it("never lets the start handle pass the end handle", () => {
    const { start, end, state } = renderTimeline();
    fireEvent.keyDown(end(), { key: "Home" });
    fireEvent.keyDown(start(), { key: "PageUp" });
    expect(state.view.filters.from).toBeNull();
    expect(Number(start().getAttribute("aria-valuenow"))).toBeLessThan(
      Number(end().getAttribute("aria-valuenow")),
    );
  });

  it("follows filters set elsewhere", () => {
    const { start, end, state } = renderTimeline();
    state.actions.setFilters({ from: "2025-12-01", to: "2026-01-05" });
    expect(start()).toHaveAttribute("aria-valuetext", formatDay("2025-12-01"));
    expect(end()).toHaveAttribute("aria-valuetext", formatDay("2026-01-05"));
  });

  it("leaves the range alone on other keys", () => {
    const { start, state } = renderTimeline();
    fireEvent.keyDown(start(), { key: "a" });
    expect(state.view.filters).toEqual(emptyFilters());
  });

  it("selects an event from its mark", () => {
    const { container, state } = renderTimeline();
    const first = state.order()[0]!;
    fireEvent.click(container.querySelectorAll(".mark-dot, .mark-span")[0]!);
    expect(state.view.event).toBe(state.events()[first]!.id);
  });
});

describe("Timeline range beyond the data, and zoom", () => {
  const leftOf = (el: HTMLElement) => Number.parseFloat(el.style.left);
  const range = (container: HTMLElement) => container.querySelector(".timeline-range")!;

  it.each([
    ["2026-01-01", "2026-01-31"],
    ["2025-09-01", "2025-10-15"],
    ["2030-01-01", "2030-01-31"],
    ["1999-01-01", "1999-01-02"],
  ])("draws the handles on the strip for %s – %s, and keeps the dates", (from, to) => {
    const t = renderTimeline();
    t.state.actions.setFilters({ from, to });
    for (const h of [t.start(), t.end()]) {
      expect(leftOf(h)).toBeGreaterThanOrEqual(0);
      expect(leftOf(h)).toBeLessThanOrEqual(100);
    }
    expect(t.start()).toHaveAttribute("aria-valuetext", formatDay(from));
    expect(t.end()).toHaveAttribute("aria-valuetext", formatDay(to));
    expect(t.state.view.filters).toMatchObject({ from, to });
    for (const shade of t.container.querySelectorAll<HTMLElement>(".shade, .band")) {
      expect(leftOf(shade) || 0).toBeGreaterThanOrEqual(0);
      expect(Number.parseFloat(shade.style.width || "0")).toBeLessThanOrEqual(100);
    }
    expect(range(t.container)).toHaveTextContent(`${formatDay(from)} – ${formatDay(to)}`);
  });

  it("says when the range misses every event's dates, and marks a handle held at the edge", () => {
    const t = renderTimeline();
    t.state.actions.setFilters({ from: "2030-01-01", to: "2030-01-31" });
    expect(range(t.container)).toHaveTextContent("(no events on these dates)");
    expect(t.end()).toHaveClass("beyond-right");
    t.state.actions.setFilters({ from: "2026-01-01", to: "2026-01-05" });
    expect(range(t.container).textContent).not.toMatch(/no events/);
    expect(t.end()).not.toHaveClass("beyond-right");
  });

  it("zooms to the range and back; the zoom goes when the range is cleared", () => {
    const t = renderTimeline();
    const zoom = () => t.getByRole("button", { name: /Zoom to range|Show all dates/ });
    expect(zoom()).toBeDisabled();
    t.state.actions.setFilters({ from: "2026-01-03", to: "2026-01-09" });
    const before = [leftOf(t.start()), leftOf(t.end())];
    fireEvent.click(zoom());
    expect(zoom()).toHaveTextContent("Show all dates");
    expect(zoom()).toHaveAttribute("aria-pressed", "true");
    const after = [leftOf(t.start()), leftOf(t.end())];
    // A week takes most of the zoomed strip, far more than it did.
    expect(after[1]! - after[0]!).toBeGreaterThan(70);
    expect(after[1]! - after[0]!).toBeGreaterThan(before[1]! - before[0]!);
    // Marks off the zoomed strip are hidden, not piled at its edges.
    expect(t.container.querySelectorAll(".outside").length).toBeGreaterThan(0);
    fireEvent.click(zoom());
    expect([leftOf(t.start()), leftOf(t.end())]).toEqual(before);
    fireEvent.click(zoom());
    t.state.actions.clearFilters();
    expect(zoom()).toHaveTextContent("Zoom to range");
    expect(zoom()).toBeDisabled();
  });
});

describe("Timeline while loading", () => {
  const lanesOf = (container: HTMLElement) =>
    (container.querySelector(".timeline-track") as HTMLElement).style.getPropertyValue("--lanes");

  it("is as tall as the loaded strip will be, so the map above it keeps its size", async () => {
    const { MAX_LANES } = await import("../../src/model/query/timeline.ts");
    const { makeLoaded } = await import("../state/fixtures.ts");
    const { state } = createTestState({ data: null });
    const { container } = render(() => <Timeline state={state} />);
    expect(lanesOf(container)).toBe(String(MAX_LANES));
    // The shipped events stack in every lane: the height does not change when they come in.
    state.actions.loaded(makeLoaded());
    expect(lanesOf(container)).toBe(String(MAX_LANES));
  });

  it("takes the density strip's height once a big compact file has announced its count", async () => {
    const { DENSITY_THRESHOLD } = await import("../../src/ui/Timeline.tsx");
    const { state } = createTestState({ data: null });
    const { container } = render(() => <Timeline state={state} />);
    state.actions.announced(DENSITY_THRESHOLD + 1);
    expect(lanesOf(container)).toBe("4");
    expect(container.querySelector(".mark-dot, .mark-span")).toBeNull();
  });
});

describe("Counter and timeline before the events are in", () => {
  it("say the events are loading (with their count once announced), not a 1970 range or 0 of 0", async () => {
    const { makeLoaded } = await import("../state/fixtures.ts");
    const { state } = createTestState({ data: null });
    const view = render(() => (
      <>
        <Timeline state={state} />
        <Counter state={state} />
      </>
    ));
    const range = () => view.container.querySelector(".timeline-range")!;
    expect(view.getByTestId("count")).toHaveTextContent("Loading events…");
    expect(range()).toHaveTextContent("Loading dates…");
    expect(range().textContent).not.toMatch(/1970/);
    expect(view.getByRole("slider", { name: "Start of date range" })).toHaveAttribute(
      "aria-valuetext",
      "loading",
    );
    state.actions.announced(1_000_000);
    expect(view.getByTestId("count")).toHaveTextContent("Loading 1,000,000 events…");
    state.actions.loaded(makeLoaded());
    const n = state.events().length;
    expect(view.getByTestId("count")).toHaveTextContent(`${n} of ${n} events shown`);
    const d = timelineDomain(state.events());
    expect(range()).toHaveTextContent(`All dates: ${label(d.first)} – ${label(d.last)}`);
  });

  it("say nothing loaded when loading failed", () => {
    const { state } = createTestState({ data: null });
    const view = render(() => (
      <>
        <Timeline state={state} />
        <Counter state={state} />
      </>
    ));
    state.actions.failed("data/events.geojson: HTTP 404 Not Found");
    expect(view.getByTestId("count")).toHaveTextContent("No events loaded");
    expect(view.container.querySelector(".timeline-range")).toHaveTextContent("No dates");
  });
});
