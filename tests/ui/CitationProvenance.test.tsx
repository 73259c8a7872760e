import { fireEvent, render, within } from "@solidjs/testing-library";
import { afterEach, describe, expect, it } from "vitest";
import { citationText } from "../../src/model/citation-text.ts";
import { EventPanel } from "../../src/ui/EventPanel.tsx";
import { makeLoaded } from "../state/fixtures.ts";

const DISPUTED = "colectivo-roadblocks-searching-for-us-citizens";
const ALERT = "us-security-alert-leave-venezuela";

function renderPanel(eventId: string) {
  const data = makeLoaded();
  const event = data.index.eventById.get(eventId)!;
  const view = render(() => (
    <EventPanel
      event={event}
      index={data.index}
      seeds={data.seeds}
      onClose={() => {}}
      onRead={() => {}}
    />
  ));
  return { ...view, data, event };
}

const clipboard = Object.getOwnPropertyDescriptor(navigator, "clipboard");
afterEach(() => {
  if (clipboard) Object.defineProperty(navigator, "clipboard", clipboard);
  else delete (navigator as { clipboard?: unknown }).clipboard;
});

describe("the event's citations, grouped", () => {
  it("groups the passages about the event by origin, after the denials", () => {
    const { container, data, event } = renderPanel(DISPUTED);
    const groups = [...container.querySelectorAll<HTMLElement>(".citation-group")];
    const kinds = groups.map((g) => g.className.replace(/.*group-/, ""));
    expect(kinds[0]).toBe("denies");
    expect(kinds.indexOf("event")).toBeGreaterThan(kinds.lastIndexOf("denies"));
    // Every card of an origin's group comes from that origin, and no origin has two groups.
    const cited = data.index.citationsByEvent.get(event.id)!;
    const origins = groups
      .filter((g) => g.classList.contains("group-event"))
      .map((g) => {
        for (const li of g.querySelectorAll<HTMLElement>("li.citation")) {
          const c = cited[Number(li.dataset.index)]!;
          expect(data.index.lineage.originOf(c.citation.source, c.range)).toBe(g.dataset.origin);
        }
        return g.dataset.origin;
      });
    expect(new Set(origins).size).toBe(origins.length);
    expect(container.querySelectorAll("li.citation")).toHaveLength(cited.length);
  });

  it("names the origin in its group's heading", () => {
    const { container } = renderPanel(ALERT);
    expect(container.querySelector(".group-event h4")).toHaveTextContent(
      /^From an unnamed report retold by 000, 001 and 002 \(\d+\)$/,
    );
  });
});

describe("Copy citation", () => {
  it("copies the quote, title, outlet, date and passage link as text, and says so", async () => {
    const copied: string[] = [];
    Object.defineProperty(navigator, "clipboard", {
      configurable: true,
      value: { writeText: async (t: string) => void copied.push(t) },
    });
    const { container, data, event } = renderPanel(ALERT);
    const card = container.querySelector<HTMLElement>("li.citation[data-index='0']")!;
    const c = data.index.citationsByEvent.get(event.id)![0]!;
    fireEvent.click(within(card).getByRole("button", { name: "Copy citation" }));
    await within(card).findByRole("button", { name: "Copied ✓" });
    expect(within(card).getByRole("status")).toHaveTextContent("Citation copied to the clipboard.");
    const src = data.index.sourceById.get(c.citation.source)!;
    const link = `${location.origin}${location.pathname}#source=${src.id}&passage=${c.range!.start}-${c.range!.end}&v=2`;
    expect(copied).toEqual([citationText(c.citation.exact, src, src.id, link)]);
    expect(copied[0]).toContain(src.title);
  });

  it("shows the text to copy by hand where copying is refused", async () => {
    Object.defineProperty(navigator, "clipboard", { configurable: true, value: undefined });
    const { container } = renderPanel(ALERT);
    const card = container.querySelector<HTMLElement>("li.citation[data-index='0']")!;
    fireEvent.click(within(card).getByRole("button", { name: "Copy citation" }));
    const box = await within(card).findByRole("textbox", { name: /select this text and copy it/ });
    expect((box as HTMLTextAreaElement).value).toMatch(/^“.+”\n— .+\nhttp.+#source=/s);
  });
});
