import { fireEvent, render, within } from "@solidjs/testing-library";
import { createSignal } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import { eventsOf, segmentText, type Segment } from "../../src/model/text/segments.ts";
import { SourceReader } from "../../src/ui/SourceReader.tsx";
import {
  HOSTILE_SOURCE,
  HOSTILE_TEXT,
  expectMarkupAsText,
  makeLoaded,
  readHostile,
  readShipped,
} from "../state/fixtures.ts";

const SOURCE_IDS = readShipped().sources.sources.map((s) => s.id);

function renderReader(
  sourceId: string,
  opts: { passage?: [number, number] | null; data?: ReturnType<typeof makeLoaded> } = {},
) {
  const data = opts.data ?? makeLoaded();
  const onSelectEvent = vi.fn(),
    onClose = vi.fn();
  const view = render(() => (
    <SourceReader
      sourceId={sourceId}
      index={data.index}
      text={data.seeds[sourceId]}
      passage={opts.passage ?? null}
      fromEvent={null}
      onSelectEvent={onSelectEvent}
      onClose={onClose}
    />
  ));
  const body = view.container.querySelector<HTMLElement>(".source-text")!;
  const marks = () => Array.from(body.querySelectorAll<HTMLElement>("mark"));
  const markAt = (seg: Segment) =>
    body.querySelector<HTMLElement>(`mark[data-start="${seg.start}"][data-end="${seg.end}"]`)!;
  const segments = segmentText(
    data.seeds[sourceId]!.length,
    data.index.passagesBySource.get(sourceId) ?? [],
  );
  return { ...view, data, body, marks, markAt, segments, onSelectEvent, onClose };
}

const spanned = (marks: HTMLElement[], start: number, end: number) =>
  marks.filter((m) => Number(m.dataset.start) >= start && Number(m.dataset.end) <= end);

describe("SourceReader", () => {
  it.each(SOURCE_IDS)("shows the full text of %s exactly as stored", (id) => {
    const { body, data } = renderReader(id);
    expect(body.textContent).toBe(data.seeds[id]);
  });

  it.each(SOURCE_IDS)("marks every passage cited from %s as a button", (id) => {
    const { marks, data } = renderReader(id);
    const text = data.seeds[id]!;
    const passages = data.index.passagesBySource.get(id)!;
    expect(passages.length).toBeGreaterThan(0);
    for (const m of marks()) {
      expect(m).toHaveAttribute("role", "button");
      expect(m).toHaveAttribute("tabindex", "0");
      expect(m).toHaveAccessibleName();
    }
    for (const p of passages) {
      expect(
        spanned(marks(), p.start, p.end)
          .map((m) => m.textContent)
          .join(""),
      ).toBe(text.slice(p.start, p.end));
    }
  });

  it("counts the cited passages in the header", () => {
    const { container, data } = renderReader(SOURCE_IDS[0]!);
    const n = data.index.passagesBySource.get(SOURCE_IDS[0]!)!.length;
    expect(container.querySelector(".source-meta")).toHaveTextContent(`${n} cited passages`);
  });

  it.each(SOURCE_IDS)("emphasises only the chosen passage in %s", (id) => {
    const data = makeLoaded();
    const p = data.index.passagesBySource.get(id)!.at(-1)!;
    const { marks } = renderReader(id, { data, passage: [p.start, p.end] });
    const chosen = marks().filter((m) => m.classList.contains("chosen"));
    expect(chosen).toEqual(spanned(marks(), p.start, p.end));
    expect(chosen.map((m) => m.textContent).join("")).toBe(data.seeds[id]!.slice(p.start, p.end));
  });

  it("emphasises nothing without a chosen passage", () => {
    const { body } = renderReader(SOURCE_IDS[0]!);
    expect(body.querySelector("mark.chosen")).toBeNull();
  });

  it.each(SOURCE_IDS)("selects the one event that cites a clicked passage in %s", (id) => {
    const { segments, markAt, onSelectEvent, container } = renderReader(id);
    const seg = segments.find((s) => eventsOf(s.passages).length === 1)!;
    fireEvent.click(markAt(seg));
    expect(onSelectEvent).toHaveBeenCalledExactlyOnceWith(eventsOf(seg.passages)[0]);
    expect(
      within(container).queryByRole("group", { name: "Events citing this passage" }),
    ).toBeNull();
  });

  it("does not choose when the click ends a selection of words in the mark", () => {
    const { segments, markAt, onSelectEvent } = renderReader(SOURCE_IDS[1]!);
    const mark = markAt(segments.find((s) => eventsOf(s.passages).length === 1)!);
    const range = document.createRange();
    range.setStart(mark.firstChild!, 0);
    range.setEnd(mark.firstChild!, 4);
    document.getSelection()!.addRange(range);
    fireEvent.click(mark);
    expect(onSelectEvent).not.toHaveBeenCalled();
    document.getSelection()!.removeAllRanges();
    fireEvent.click(mark);
    expect(onSelectEvent).toHaveBeenCalledOnce();
  });

  it.each(["Enter", " "])(
    "selects the citing event when %j is pressed on a focused mark",
    (key) => {
      const { segments, markAt, onSelectEvent } = renderReader(SOURCE_IDS[1]!);
      const seg = segments.find((s) => eventsOf(s.passages).length === 1)!;
      const mark = markAt(seg);
      mark.focus();
      expect(mark).toHaveFocus();
      fireEvent.keyDown(mark, { key });
      expect(onSelectEvent).toHaveBeenCalledExactlyOnceWith(eventsOf(seg.passages)[0]);
    },
  );

  it("ignores other keys on a mark", () => {
    const { segments, markAt, onSelectEvent } = renderReader(SOURCE_IDS[1]!);
    fireEvent.keyDown(markAt(segments.find((s) => s.passages.length)!), { key: "a" });
    expect(onSelectEvent).not.toHaveBeenCalled();
  });

  it.each(SOURCE_IDS)(
    "offers every event citing a shared passage in %s, and selects the one picked",
    (id) => {
      const { segments, markAt, onSelectEvent, getByRole, data } = renderReader(id);
      const seg = segments.find((s) => eventsOf(s.passages).length > 1)!;
      const ids = eventsOf(seg.passages);
      fireEvent.click(markAt(seg));
      expect(onSelectEvent).not.toHaveBeenCalled();
      const offer = getByRole("group", { name: "Events citing this passage" });
      expect(offer).toHaveTextContent(`cited by ${ids.length} events`);
      const choices = within(offer)
        .getAllByRole("listitem")
        .map((li) => li.textContent!.trim());
      expect(choices).toEqual(ids.map((e) => data.index.eventById.get(e)!.properties.title));
      const last = within(offer).getAllByRole("listitem").at(-1)!;
      fireEvent.click(within(last).getByRole("button"));
      expect(onSelectEvent).toHaveBeenCalledExactlyOnceWith(ids.at(-1));
    },
  );

  it("withdraws the offer on Cancel", () => {
    const { segments, markAt, getByRole, queryByRole } = renderReader(SOURCE_IDS[0]!);
    fireEvent.keyDown(markAt(segments.find((s) => eventsOf(s.passages).length > 1)!), {
      key: "Enter",
    });
    fireEvent.click(within(getByRole("group")).getByRole("button", { name: "Cancel" }));
    expect(queryByRole("group")).toBeNull();
  });

  it("withdraws a shared-passage offer when the same reader switches source (Back/Forward)", () => {
    const data = makeLoaded();
    const [sourceId, setSourceId] = createSignal(SOURCE_IDS[0]!);
    const { container, queryByRole } = render(() => (
      <SourceReader
        sourceId={sourceId()}
        index={data.index}
        text={data.seeds[sourceId()]}
        passage={null}
        fromEvent={null}
        onSelectEvent={() => {}}
        onClose={() => {}}
      />
    ));
    const seg = segmentText(
      data.seeds[SOURCE_IDS[0]!]!.length,
      data.index.passagesBySource.get(SOURCE_IDS[0]!)!,
    ).find((s) => eventsOf(s.passages).length > 1)!;
    fireEvent.click(container.querySelector(`mark[data-start="${seg.start}"]`)!);
    expect(queryByRole("group")).not.toBeNull();
    setSourceId(SOURCE_IDS[1]!);
    expect(container.querySelector(".source-text")!.textContent).toBe(data.seeds[SOURCE_IDS[1]!]);
    expect(queryByRole("group")).toBeNull();
  });

  it("scrolls the chosen passage into view", async () => {
    const scroll = vi.spyOn(Element.prototype, "scrollIntoView");
    const data = makeLoaded();
    const p = data.index.passagesBySource.get(SOURCE_IDS[2]!)!.at(-1)!;
    const { body } = renderReader(SOURCE_IDS[2]!, { data, passage: [p.start, p.end] });
    await Promise.resolve();
    expect(scroll.mock.contexts).toContain(body.querySelector("mark.chosen"));
    scroll.mockRestore();
  });

  it("closes through the back button", () => {
    const { getByRole, onClose } = renderReader(SOURCE_IDS[0]!);
    fireEvent.click(getByRole("button", { name: "All events" }));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it("says so when the source's text is missing", () => {
    const data = makeLoaded();
    const onSelectEvent = vi.fn();
    const { getByRole } = render(() => (
      <SourceReader
        sourceId={SOURCE_IDS[0]!}
        index={data.index}
        text={undefined}
        passage={null}
        fromEvent={null}
        onSelectEvent={onSelectEvent}
        onClose={() => {}}
      />
    ));
    expect(getByRole("status")).toHaveTextContent("could not be loaded");
  });

  describe("with markup in the source", () => {
    it("shows the markup as text, character for character", () => {
      const { body, container } = renderReader(HOSTILE_SOURCE, { data: makeLoaded(readHostile()) });
      expect(body.textContent).toBe(HOSTILE_TEXT);
      expectMarkupAsText(
        container,
        "<img src=x onerror=alert(1)>",
        "<b>bold</b>",
        "<script>alert(2)</script>",
      );
    });

    it("offers events with markup in their titles as text", () => {
      const { segments, markAt, getByRole } = renderReader(HOSTILE_SOURCE, {
        data: makeLoaded(readHostile()),
      });
      fireEvent.click(markAt(segments.find((s) => eventsOf(s.passages).length > 1)!));
      const offer = getByRole("group");
      expectMarkupAsText(
        offer,
        "Title <img src=x onerror=alert(1)> & <b>bold</b>",
        "Echo <b>bold</b>",
      );
    });
  });
});
