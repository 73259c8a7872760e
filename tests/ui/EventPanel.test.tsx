import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it, vi } from "vitest";
import { CATEGORY_STYLE, STATUS_LABEL } from "../../src/model/category-style.ts";
import type { DatasetIndex } from "../../src/model/dataset.ts";
import { sentenceContext } from "../../src/model/text/anchor.ts";
import type { Stance } from "../../src/model/types.ts";
import { EventPanel } from "../../src/ui/EventPanel.tsx";
import { dates } from "../../src/model/i18n/en/event.ts";
import { placePrecision } from "../../src/model/share/event-page.ts";
import { formatDay, formatEventDate } from "../../src/ui/format.ts";
import { BOLD, IMG, expectMarkupAsText, makeLoaded, readHostile } from "../state/fixtures.ts";

const DISPUTED = "colectivo-roadblocks-searching-for-us-citizens";

function renderPanel(eventId: string, data = makeLoaded()) {
  const event = data.index.eventById.get(eventId);
  if (!event) throw new Error(`no event ${eventId} in the fixture`);
  const onRead = vi.fn(),
    onLink = vi.fn(),
    onClose = vi.fn();
  const view = render(() => (
    <EventPanel
      event={event}
      index={data.index}
      seeds={data.seeds}
      onClose={onClose}
      onRead={onRead}
      onLink={onLink}
    />
  ));
  const cards = () => Array.from(view.container.querySelectorAll<HTMLLIElement>("li.citation"));
  /** The card of the k-th citation (cards are grouped by what they support, so not in order). */
  const card = (k: number) => {
    const found = view.container.querySelector<HTMLLIElement>(`li.citation[data-index="${k}"]`);
    if (!found) throw new Error(`no card for citation ${k}`);
    return found;
  };
  return { ...view, data, event, onRead, onLink, onClose, cards, card };
}

/** The definition (<dd>) that follows the term (<dt>) with this text. */
function fact(container: HTMLElement, term: string): HTMLElement {
  const dt = Array.from(container.querySelectorAll("dt")).find((d) => d.textContent === term);
  const dd = dt?.nextElementSibling;
  if (!(dd instanceof HTMLElement)) throw new Error(`no fact "${term}"`);
  return dd;
}

function firstWithStance(index: DatasetIndex, stance: Stance): string {
  const id = [...index.citationsByEvent].find(([, cs]) =>
    cs.some((c) => c.citation.stance === stance),
  )?.[0];
  if (!id) throw new Error(`no event cites a passage that ${stance}`);
  return id;
}

describe("EventPanel", () => {
  it("shows the title, the curator's summary and the category", () => {
    const { getByRole, container, event } = renderPanel(DISPUTED);
    expect(getByRole("heading", { level: 2 })).toHaveTextContent(event.properties.title);
    expect(container.querySelector(".summary")).toHaveTextContent(event.properties.summary);
    expect(getByRole("article")).toHaveAttribute("data-event-id", DISPUTED);
    expect(container.querySelector(".eyebrow")).toHaveTextContent(
      CATEGORY_STYLE[event.properties.category].label,
    );
  });

  it("shows the date with its precision and the curator's basis", () => {
    const { container, event } = renderPanel(DISPUTED);
    const when = fact(container, "When");
    const { date } = event.properties;
    expect(when).toHaveTextContent(`${formatEventDate(date)} (${dates.precision[date.precision]})`);
    expect(within(when).getByText(date.basis).closest("p")).toHaveClass("basis");
  });

  it("shows the place with its precision and the curator's basis", () => {
    const { container, event } = renderPanel(DISPUTED);
    const where = fact(container, "Where");
    const { place } = event.properties;
    expect(where).toHaveTextContent(`${place.name} (${placePrecision(place)})`);
    expect(within(where).getByText(place.basis).closest("p")).toHaveClass("basis");
    expect(where).not.toHaveTextContent("not placed on the map");
  });

  it("says when an event is not placed on the map", () => {
    const data = makeLoaded();
    const unplaced = data.index.events.find((e) => e.geometry === null);
    expect(unplaced).toBeDefined();
    const { container } = renderPanel(unplaced!.id, data);
    expect(fact(container, "Where")).toHaveTextContent("not placed on the map");
  });

  it("says the status in words, counted by origin: a retelling is not a second source", () => {
    const { container } = renderPanel("us-security-alert-leave-venezuela");
    const dd = fact(container, "Status");
    expect(dd.querySelector(".badge")).toHaveClass("status-reported");
    expect(dd.querySelector(".badge")).toHaveTextContent(STATUS_LABEL.reported);
    expect(dd.querySelector(".status-words")).toHaveTextContent("1 origin, told in 3 documents");
    expect(
      within(dd).getByRole("list", { name: "Where the passages come from" }),
    ).toHaveTextContent("an unnamed report retold by 000, 001 and 002: told in 000, 001 and 002");
    expect(dd).not.toHaveTextContent(/sources|passages from/);
  });

  it("names who denies a disputed event", () => {
    const { container, event } = renderPanel(DISPUTED);
    expect(event.properties.status).toBe("disputed");
    const dd = fact(container, "Status");
    expect(dd.querySelector(".badge")).toHaveTextContent(STATUS_LABEL.disputed);
    expect(dd.querySelector(".status-words")).toHaveTextContent(
      "denied by Venezuelan Foreign Ministry (2 passages); told by 1 origin, in 3 documents",
    );
    expect(dd.querySelector(".denied-by")).toHaveTextContent(
      "Disputed by Venezuelan Foreign Ministry (2 passages)",
    );
  });

  it("lists the denials first, and the disputed-by line leads to them", () => {
    const { container } = renderPanel(DISPUTED);
    const groups = [...container.querySelectorAll(".citation-group h4")].map((h) => h.textContent);
    expect(groups[0]).toBe("Denied by Venezuelan Foreign Ministry (2)");
    const heading = container.querySelector<HTMLElement>(".group-denies h4")!;
    heading.scrollIntoView = () => {};
    fireEvent.click(within(fact(container, "Status")).getByRole("button", { name: "2 passages" }));
    expect(document.activeElement).toBe(heading);
  });

  it("says an event with its own text as origin is told in one document", () => {
    const { container } = renderPanel("fifth-tanker-seized-caribbean");
    const dd = fact(container, "Status");
    expect(dd.querySelector(".status-words")).toHaveTextContent("1 origin, told in 1 document");
    expect(
      within(dd).getByRole("list", { name: "Where the passages come from" }),
    ).toHaveTextContent("002: its own text");
  });

  it("marks an expected event as expected, on its announced date", () => {
    const { container } = renderPanel("cartel-de-los-soles-terrorist-designation");
    expect(container.querySelector(".eyebrow")).toHaveTextContent(
      "Expected, not reported as happened",
    );
    expect(container.querySelector(".eyebrow svg")).toHaveClass("expected");
    expect(fact(container, "When")).toHaveTextContent("the announced date");
    expect(container.querySelector(".group-event .stance")).toHaveTextContent("Forecasts");
  });

  it("groups the passages that only fix the date apart from those about the event", () => {
    const { container, getByRole, event } = renderPanel("us-security-alert-leave-venezuela");
    const dateOnly = event.properties.citations.filter((c) => c.supports === "date");
    const dates = getByRole("region", { name: "Passages that only fix the date" });
    expect(dates.querySelectorAll("li.citation")).toHaveLength(dateOnly.length);
    expect(dates.querySelector(".stance")).toHaveTextContent("Fixes the date");
    const about = [...container.querySelectorAll(".group-event li.citation")];
    expect(about).toHaveLength(event.properties.citations.length - dateOnly.length);
  });

  it("says which passages retell another origin", () => {
    const { card, event } = renderPanel("us-security-alert-leave-venezuela");
    const k = event.properties.citations.findIndex((c) => c.source === "001_63de899742715ce7");
    expect(card(k).querySelector(".retells")).toHaveTextContent(
      "Retells an unnamed report retold by 000, 001 and 002",
    );
    const own = event.properties.citations.findIndex((c) => c.exact === "date 2026-01-11");
    expect(card(own).querySelector(".retells")).toBeNull();
  });

  it("explains how evidence is rated, in a disclosure that opens from the panel", () => {
    const { container } = renderPanel(DISPUTED);
    const note = fact(container, "Status").querySelector<HTMLDetailsElement>(
      "details.evidence-note",
    )!;
    expect(note.open).toBe(false);
    const summary = within(note).getByText("How evidence is rated");
    expect(summary.tagName).toBe("SUMMARY");
    expect(note).toHaveTextContent("Evidence is counted by origin, not by document");
  });

  it("does not call a calm event disputed", () => {
    const data = makeLoaded();
    const calm = data.index.events.find((e) =>
      e.properties.citations.every((c) => c.stance !== "denies"),
    )!;
    const { container } = renderPanel(calm.id, data);
    expect(fact(container, "Status")).not.toHaveTextContent("denied");
  });

  it("shows every citation verbatim, quoted words in <mark>, with a sentence of context", () => {
    const { cards, card, data, event } = renderPanel(DISPUTED);
    const cited = data.index.citationsByEvent.get(event.id)!;
    expect(cards()).toHaveLength(cited.length);
    cited.forEach((c, k) => {
      const text = data.seeds[c.citation.source]!;
      const ctx = sentenceContext(text, c.range!.start, c.range!.end);
      const quote = card(k).querySelector("blockquote")!;
      expect(quote.querySelector("mark")!.textContent).toBe(
        text.slice(c.range!.start, c.range!.end),
      );
      expect(quote.textContent).toBe(ctx.before + ctx.quote + ctx.after);
      expect(quote).toHaveAttribute("cite", `seeds/${c.citation.source}.txt`);
    });
  });

  it("names each citation's source by title, outlet and date", () => {
    const { card, data, event } = renderPanel(DISPUTED);
    event.properties.citations.forEach((c, k) => {
      const src = data.index.sourceById.get(c.source)!;
      const line = card(k).querySelector(".citation-source")!;
      expect(line).toHaveTextContent(src.title);
      if (src.outlet) expect(line).toHaveTextContent(src.outlet);
      expect(line).toHaveTextContent(formatDay(src.published.date));
    });
  });

  it.each([
    { stance: "reports", label: "Reports" },
    { stance: "claims", label: "Relays a claim" },
    { stance: "denies", label: "Disputes" },
    { stance: "forecasts", label: "Forecasts" },
  ] as const)("labels a citation that $stance as “$label”", ({ stance, label }) => {
    const data = makeLoaded();
    const { card, event } = renderPanel(firstWithStance(data.index, stance), data);
    const k = event.properties.citations.findIndex(
      (c) => c.stance === stance && (c.supports ?? "event") === "event",
    );
    expect(card(k)).toHaveClass(`stance-${stance}`);
    expect(card(k).querySelector(".stance")).toHaveTextContent(label);
  });

  it("gives every disputing citation of a disputed event the stance-denies class", () => {
    const { card, event } = renderPanel(DISPUTED);
    const denies = event.properties.citations.map((c) => c.stance === "denies");
    expect(denies.map((_, k) => card(k).classList.contains("stance-denies"))).toEqual(denies);
  });

  it("“Read in source” hands over the source id and the passage's range", () => {
    const { card, data, event, onRead } = renderPanel(DISPUTED);
    const cited = data.index.citationsByEvent.get(event.id)!;
    cited.forEach((_, k) => {
      fireEvent.click(within(card(k)).getByRole("button", { name: "Read in source" }));
    });
    expect(onRead.mock.calls).toEqual(
      cited.map((c) => [c.citation.source, [c.range!.start, c.range!.end]]),
    );
  });

  it("“Link to this passage” hands over the source id and the passage's range", () => {
    const { card, data, event, onLink, onRead } = renderPanel(DISPUTED);
    const c = data.index.citationsByEvent.get(event.id)![1]!;
    fireEvent.click(within(card(1)).getByRole("button", { name: "Link to this passage" }));
    expect(onLink).toHaveBeenCalledExactlyOnceWith(c.citation.source, [
      c.range!.start,
      c.range!.end,
    ]);
    expect(onRead).not.toHaveBeenCalled();
  });

  it("closes through the back button", () => {
    const { getByRole, onClose } = renderPanel(DISPUTED);
    fireEvent.click(getByRole("button", { name: "All events" }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  describe("with markup in titles, summaries and sources", () => {
    it("renders every piece of markup as text", () => {
      const { container, event } = renderPanel("hostile-event", makeLoaded(readHostile()));
      expectMarkupAsText(
        container,
        event.properties.title,
        event.properties.summary,
        `Place ${BOLD}`,
        `Basis ${IMG}`,
        `Source ${IMG}`,
        `Outlet ${BOLD}`,
      );
    });

    it("marks quoted markup as text inside <mark>", () => {
      const { card } = renderPanel("hostile-event", makeLoaded(readHostile()));
      expect(card(0).querySelector("mark")!.textContent).toBe(`The post read ${IMG}`);
      expect(card(1).querySelector("mark")!.textContent).toBe(`${BOLD} claims`);
    });

    it("shows an unanchored quote as text, warns, and offers no passage link", () => {
      const { card: cardOf, onRead } = renderPanel("hostile-event", makeLoaded(readHostile()));
      const card = cardOf(2);
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
    expect(
      view.container.querySelector(`article.event-panel[data-event-id="${event.id}"]`),
    ).not.toBeNull();
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
