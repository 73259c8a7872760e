import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { CATEGORY_STYLE, STATUS_LABEL } from "../../src/model/category-style.ts";
import type { DatasetIndex } from "../../src/model/dataset.ts";
import { sentenceContext } from "../../src/model/text/anchor.ts";
import type { Stance } from "../../src/model/types.ts";
import { EventPanel } from "../../src/ui/EventPanel.tsx";
import { DATE_PRECISION_LABEL, formatDay, formatEventDate, formatPlacePrecision } from "../../src/ui/format.ts";
import { BOLD, IMG, expectMarkupAsText, makeLoaded, readHostile } from "../state/fixtures.ts";

const DISPUTED = "colectivo-checkpoints-caracas";

function renderPanel(eventId: string, data = makeLoaded()) {
  const event = data.index.eventById.get(eventId);
  if (!event) throw new Error(`no event ${eventId} in the fixture`);
  const onRead = vi.fn(), onLink = vi.fn(), onClose = vi.fn();
  const view = render(() => (
    <EventPanel event={event} index={data.index} seeds={data.seeds} onClose={onClose} onRead={onRead} onLink={onLink} />
  ));
  const cards = () => Array.from(view.container.querySelectorAll<HTMLLIElement>("li.citation"));
  return { ...view, data, event, onRead, onLink, onClose, cards };
}

/** The definition (<dd>) that follows the term (<dt>) with this text. */
function fact(container: HTMLElement, term: string): HTMLElement {
  const dt = Array.from(container.querySelectorAll("dt")).find((d) => d.textContent === term);
  const dd = dt?.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no fact "${term}"`);
  return dd;
}

function firstWithStance(index: DatasetIndex, stance: Stance): string {
  const id = [...index.citationsByEvent].find(([, cs]) => cs.some((c) => c.citation.stance === stance))?.[0];
  if (!id) throw new Error(`no event cites a passage that ${stance}`);
  return id;
}

describe("EventPanel", () => {
  it("shows the title, the curator's summary and the category", () => {
    const { getByRole, container, event } = renderPanel(DISPUTED);
    expect(getByRole("heading", { level: 2 })).toHaveTextContent(event.properties.title);
    expect(container.querySelector(".summary")).toHaveTextContent(event.properties.summary);
    expect(getByRole("article")).toHaveAttribute("data-event-id", DISPUTED);
    expect(container.querySelector(".eyebrow")).toHaveTextContent(CATEGORY_STYLE[event.properties.category].label);
  });

  it("shows the date with its precision and the curator's basis", () => {
    const { container, event } = renderPanel(DISPUTED);
    const when = fact(container, "When");
    const { date } = event.properties;
    expect(when).toHaveTextContent(`${formatEventDate(date)} (${DATE_PRECISION_LABEL[date.precision]})`);
    expect(within(when).getByText(date.basis)).toHaveClass("basis");
  });

  it("shows the place with its precision and the curator's basis", () => {
    const { container, event } = renderPanel(DISPUTED);
    const where = fact(container, "Where");
    const { place } = event.properties;
    expect(where).toHaveTextContent(`${place.name} (${formatPlacePrecision(place)})`);
    expect(within(where).getByText(place.basis)).toHaveClass("basis");
    expect(where).not.toHaveTextContent("not placed on the map");
  });

  it("says when an event is not placed on the map", () => {
    const data = makeLoaded();
    const unplaced = data.index.events.find((e) => e.geometry === null);
    expect(unplaced).toBeDefined();
    const { container } = renderPanel(unplaced!.id, data);
    expect(fact(container, "Where")).toHaveTextContent("not placed on the map");
  });

  it("counts passages, sources and disputing passages next to the status badge", () => {
    const { container, event } = renderPanel(DISPUTED);
    const { citations, status } = event.properties;
    const sources = new Set(citations.map((c) => c.source)).size;
    const denials = citations.filter((c) => c.stance === "denies").length;
    expect(status).toBe("disputed");
    expect(denials).toBeGreaterThan(0);
    const dd = fact(container, "Status");
    expect(dd.querySelector(".badge")).toHaveClass(`status-${status}`);
    expect(dd.querySelector(".badge")).toHaveTextContent(STATUS_LABEL[status]);
    expect(dd).toHaveTextContent(`${citations.length} passages from ${sources} sources, ${denials} disputing`);
  });

  it("does not mention disputing passages when no source disputes the event", () => {
    const data = makeLoaded();
    const calm = data.index.events.find((e) => e.properties.citations.every((c) => c.stance !== "denies"))!;
    const { container } = renderPanel(calm.id, data);
    expect(fact(container, "Status")).not.toHaveTextContent("disputing");
  });

  it("shows every citation verbatim, quoted words in <mark>, with a sentence of context", () => {
    const { cards, data, event } = renderPanel(DISPUTED);
    const cited = data.index.citationsByEvent.get(event.id)!;
    expect(cards()).toHaveLength(cited.length);
    cited.forEach((c, k) => {
      const text = data.seeds[c.citation.source]!;
      const ctx = sentenceContext(text, c.range!.start, c.range!.end);
      const quote = cards()[k]!.querySelector("blockquote")!;
      expect(quote.querySelector("mark")!.textContent).toBe(text.slice(c.range!.start, c.range!.end));
      expect(quote.textContent).toBe(ctx.before + ctx.quote + ctx.after);
      expect(quote).toHaveAttribute("cite", `seeds/${c.citation.source}.txt`);
    });
  });

  it("names each citation's source by title, outlet and date", () => {
    const { cards, data, event } = renderPanel(DISPUTED);
    event.properties.citations.forEach((c, k) => {
      const src = data.index.sourceById.get(c.source)!;
      const line = cards()[k]!.querySelector(".citation-source")!;
      expect(line).toHaveTextContent(src.title);
      if (src.outlet) expect(line).toHaveTextContent(src.outlet);
      expect(line).toHaveTextContent(formatDay(src.published.date));
    });
  });

  it.each([
    { stance: "reports", label: "Reports" },
    { stance: "claims", label: "Relays a claim" },
    { stance: "denies", label: "Disputes" },
  ] as const)("labels a citation that $stance as “$label”", ({ stance, label }) => {
    const data = makeLoaded();
    const { cards, event } = renderPanel(firstWithStance(data.index, stance), data);
    const k = event.properties.citations.findIndex((c) => c.stance === stance);
    const card = cards()[k]!;
    expect(card).toHaveClass(`stance-${stance}`);
    expect(card.querySelector(".stance")).toHaveTextContent(label);
  });

  it("gives every disputing citation of a disputed event the stance-denies class", () => {
    const { cards, event } = renderPanel(DISPUTED);
    const denies = event.properties.citations.map((c) => c.stance === "denies");
    expect(cards().map((card) => card.classList.contains("stance-denies"))).toEqual(denies);
  });

  it("“Read in source” hands over the source id and the passage's range", () => {
    const { cards, data, event, onRead } = renderPanel(DISPUTED);
    const cited = data.index.citationsByEvent.get(event.id)!;
    cards().forEach((card, k) => fireEvent.click(within(card).getByRole("button", { name: "Read in source" })));
    expect(onRead.mock.calls).toEqual(cited.map((c) => [c.citation.source, [c.range!.start, c.range!.end]]));
  });

  it("“Link to this passage” hands over the source id and the passage's range", () => {
    const { cards, data, event, onLink, onRead } = renderPanel(DISPUTED);
    const c = data.index.citationsByEvent.get(event.id)![1]!;
    fireEvent.click(within(cards()[1]!).getByRole("button", { name: "Link to this passage" }));
    expect(onLink).toHaveBeenCalledExactlyOnceWith(c.citation.source, [c.range!.start, c.range!.end]);
    expect(onRead).not.toHaveBeenCalled();
  });

  it("closes through the back button", () => {
    const { getByRole, onClose } = renderPanel(DISPUTED);
    fireEvent.click(getByRole("button", { name: "Close event and return to the list" }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  describe("with markup in titles, summaries and sources", () => {
    it("renders every piece of markup as text", () => {
      const { container, event } = renderPanel("hostile-event", makeLoaded(readHostile()));
      expectMarkupAsText(container, event.properties.title, event.properties.summary, `Place ${BOLD}`, `Basis ${IMG}`, `Source ${IMG}`, `Outlet ${BOLD}`);
    });

    it("marks quoted markup as text inside <mark>", () => {
      const { cards } = renderPanel("hostile-event", makeLoaded(readHostile()));
      expect(cards()[0]!.querySelector("mark")!.textContent).toBe(`The post read ${IMG}`);
      expect(cards()[1]!.querySelector("mark")!.textContent).toBe(`${BOLD} claims`);
    });

    it("shows an unanchored quote as text, warns, and offers no passage link", () => {
      const { cards, onRead } = renderPanel("hostile-event", makeLoaded(readHostile()));
      const card = cards()[2]!;
      expect(card.querySelector("mark")!.textContent).toBe("<i>never in the text</i>");
      expect(card.querySelector(".warn")).toHaveTextContent("could not be found in its source");
      expect(within(card).queryByRole("button", { name: "Link to this passage" })).toBeNull();
      fireEvent.click(within(card).getByRole("button", { name: "Read in source" }));
      expect(onRead).toHaveBeenCalledExactlyOnceWith("hostile-src", null);
    });
  });
});

describe("EventPanel of an event outside the current filters", () => {
  it("says so, and offers to clear the filters", async () => {
    const { createTestState } = await import("../state/fixtures.ts");
    const { SidePanel } = await import("../../src/ui/SidePanel.tsx");
    const { state } = createTestState();
    // Opened first, so the side panel shows the event, not the list.
    const event = state.events()[0]!;
    state.actions.select(event.id, false);
    const view = render(() => <SidePanel state={state} onLinkPassage={() => {}} />);
    const note = () => view.container.querySelector(".filtered-out");
    expect(view.container.querySelector(`article.event-panel[data-event-id="${event.id}"]`)).not.toBeNull();
    expect(note()).toBeNull();
    // A search no event matches: the open one stays open, marked as filtered out.
    state.actions.setFilters({ q: "zzzz-no-such-words" });
    expect(state.visibleSet().size).toBe(0);
    expect(note()).toHaveTextContent("Outside the current filters");
    fireEvent.click(within(note() as HTMLElement).getByRole("button", { name: "Clear filters" }));
    expect(state.view.filters.q).toBe("");
    expect(note()).toBeNull();
  });
});
