/**
 * The event panel in Spanish: the curator's translation of the title and summary when there is
 * one, else the original with a visible "(original en inglés)" and lang="en"; dates through Intl;
 * quotes verbatim, with a translation, when the data has one, under the quote and labelled.
 */
import { render, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { es } from "../../src/model/i18n/es/index.ts";
import type { SituationEvent } from "../../src/model/types.ts";
import { staticI18n } from "../../src/state/i18n.ts";
import { EventPanel } from "../../src/ui/EventPanel.tsx";
import { I18nContext } from "../../src/ui/i18n.ts";
import { makeLoaded, readShipped } from "../state/fixtures.ts";

const ID = "caracas-night-raid";

function renderInSpanish(change?: (e: SituationEvent) => void) {
  const raw = readShipped();
  const e = raw.events.features.find((f) => f.id === ID)!;
  change?.(e);
  const data = makeLoaded(raw);
  const event = data.index.eventById.get(ID)!;
  const view = render(() => (
    <I18nContext.Provider value={staticI18n("es", es)}>
      <EventPanel
        event={event}
        index={data.index}
        seeds={data.seeds}
        onClose={() => {}}
        onRead={() => {}}
      />
    </I18nContext.Provider>
  ));
  return { view, event };
}

describe("the event panel in Spanish", () => {
  it("shows the curator's translation, unmarked", () => {
    const { view, event } = renderInSpanish();
    const es = event.properties.i18n!.es!;
    const h2 = view.getByRole("heading", { level: 2 });
    expect(h2).toHaveTextContent(es.title!);
    expect(h2.querySelector("[lang]")).toHaveAttribute("lang", "es");
    expect(view.container.querySelector(".summary")).toHaveTextContent(es.summary!);
    expect(view.container.querySelector("header .original-mark")).toBeNull();
    expect(view.getByText("Cuándo")).toBeInTheDocument();
    expect(view.container.querySelector(".facts")).toHaveTextContent("3 ene 2026");
  });

  it("falls back to the original, marked as English, where there is no translation", () => {
    const { view, event } = renderInSpanish((e) => {
      e.properties.i18n = { es: { summary: "Un resumen traducido." } };
    });
    const h2 = view.getByRole("heading", { level: 2 });
    expect(h2).toHaveTextContent(event.properties.title);
    expect(h2.querySelector('[lang="en"]')).toHaveTextContent(event.properties.title);
    expect(within(h2).getByText("(original en inglés)")).toBeInTheDocument();
    // The summary is translated: no mark there.
    const summary = view.container.querySelector(".summary")!;
    expect(summary).toHaveTextContent("Un resumen traducido.");
    expect(summary.querySelector(".original-mark")).toBeNull();
  });

  it("marks the curator's date and place basis as English, never translated", () => {
    const { view, event } = renderInSpanish();
    const bases = view.container.querySelectorAll(".facts .basis");
    expect(bases).toHaveLength(2);
    const { date, place } = event.properties;
    expect(bases[0]!.querySelector('[lang="en"]')).toHaveTextContent(date.basis);
    expect(bases[1]!.querySelector('[lang="en"]')).toHaveTextContent(place.basis);
    for (const b of bases)
      expect(within(b as HTMLElement).getByText("(original en inglés)")).toBeVisible();
  });

  it("words the evidence, its groups and its origins in Spanish", () => {
    const { view } = renderInSpanish();
    const text = view.container.textContent ?? "";
    // The outside report by the curator's translation of its label.
    expect(text).toContain("un informe sin nombre que reproducen 000, 001 y 002");
    expect(text).not.toContain("an unnamed report");
    expect(view.getByText("Cómo se califica la evidencia")).toBeInTheDocument();
    expect(view.getAllByText("Reporta").length).toBeGreaterThan(0);
    expect(view.getAllByText("Copiar la cita").length).toBeGreaterThan(0);
    expect(view.getByRole("region", { name: "Pasajes que solo fijan la fecha" })).toBeVisible();
    for (const english of [
      "How evidence is rated",
      "Copy citation",
      "Retells",
      "From ",
      "Passages that",
    ])
      expect(text).not.toContain(english);
  });

  it("keeps every quote verbatim, with a labelled translation beside it when there is one", () => {
    const { view, event } = renderInSpanish((e) => {
      e.properties.citations[0]!.i18n = { es: { quote: "Una traducción del pasaje." } };
    });
    const quotes = Array.from(view.container.querySelectorAll("blockquote mark")).map(
      (m) => m.textContent,
    );
    for (const c of event.properties.citations) expect(quotes).toContain(c.exact);
    const translations = view.container.querySelectorAll(".quote-translation");
    expect(translations).toHaveLength(1);
    expect(translations[0]).toHaveTextContent("Traducción: Una traducción del pasaje.");
    expect(translations[0]).toHaveAttribute("lang", "es");
    // Beside its own quote, after it, never in its place.
    const card = translations[0]!.closest("li.citation")!;
    expect(card.querySelector("blockquote mark")).toHaveTextContent(
      event.properties.citations[0]!.exact,
    );
  });
});
