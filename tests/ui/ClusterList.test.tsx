/** The events at one spot, listed over the map: counted, dated and closed in the language shown. */
import { fireEvent, render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { es } from "../../src/model/i18n/es/index.ts";
import { staticI18n } from "../../src/state/i18n.ts";
import { ClusterList } from "../../src/ui/ClusterList.tsx";
import { I18nContext } from "../../src/ui/i18n.ts";
import { readShipped } from "../state/fixtures.ts";

function renderList(lang: "en" | "es") {
  const events = readShipped()
    .events.features.slice(0, 3)
    .map((event, idx) => ({ idx, event }));
  const picked: number[] = [];
  const closed: boolean[] = [];
  const i18n = lang === "es" ? staticI18n("es", es) : staticI18n();
  const view = render(() => (
    <I18nContext.Provider value={i18n}>
      <ClusterList
        events={events}
        onPick={(i) => picked.push(i)}
        onClose={() => closed.push(true)}
      />
    </I18nContext.Provider>
  ));
  return { view, events, picked, closed };
}

describe("ClusterList", () => {
  it("counts and closes in English", () => {
    const { view, closed } = renderList("en");
    expect(view.getByRole("heading")).toHaveTextContent("3 events here");
    fireEvent.click(view.getByRole("button", { name: "Close the list of events here" }));
    expect(closed).toEqual([true]);
  });

  it("counts, dates and closes in Spanish", () => {
    const { view, events, picked } = renderList("es");
    expect(view.getByRole("heading")).toHaveTextContent("3 eventos aquí");
    view.getByRole("button", { name: "Cerrar la lista de eventos de este punto" });
    const first = events[0]!.event;
    const row = view.container.querySelector(`[data-event-id="${first.id}"]`)!;
    const title = row.querySelector(".cluster-item-title")!;
    const translated = first.properties.i18n?.es?.title;
    expect(title).toHaveTextContent(translated ?? first.properties.title);
    expect(title).toHaveAttribute("lang", translated ? "es" : "en");
    expect(row.querySelector(".cluster-item-date")!.textContent).not.toMatch(
      /\b(Jan|Sept|Oct|Nov|Dec)\b/,
    );
    fireEvent.click(row);
    expect(picked).toEqual([events[0]!.idx]);
  });
});
