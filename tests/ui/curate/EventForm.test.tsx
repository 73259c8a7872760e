/**
 * The event form: what a new event needs before it exists, the precision choices, each field
 * written to the event when left, the place typed as coordinates, a line or an area drawn or
 * typed as lng,lat lines, and removal asked first.
 */
import { fireEvent, render } from "@solidjs/testing-library";
import type { Position } from "geojson";
import { createSignal } from "solid-js";
import { describe, expect, it, vi } from "vitest";
import type { PlacedPoint } from "../../../src/model/curate/draw-port.ts";
import { newEvent } from "../../../src/model/curate/event-edit.ts";
import type { SituationEvent } from "../../../src/model/types.ts";
import type { Problem } from "../../../src/model/validate/validate.ts";
import { EventForm } from "../../../src/ui/curate/EventForm.tsx";
import { NewEventForm } from "../../../src/ui/curate/NewEventForm.tsx";
import { makeBase } from "../../state/curate/fixtures.ts";

function setup(
  problems: Problem[] = [],
  placed: PlacedPoint | null = null,
  drawn: Position[] | null = null,
) {
  const draft = makeBase();
  const first = newEvent(draft, {
    title: "Drone over Maracay",
    category: "airspace",
    start: "2026-01-05",
  });
  const [event, setEvent] = createSignal<SituationEvent>(first);
  const onRemove = vi.fn();
  const place = vi.fn(async () => placed);
  const drawShape = vi.fn(async (_kind: string) => drawn);
  const view = render(() => (
    <EventForm
      event={event()}
      draft={draft}
      problems={problems}
      onChange={setEvent}
      onRemove={onRemove}
      place={{ placing: () => false, place, drawing: () => null, drawShape, cancel: () => {} }}
    />
  ));
  return { view, event, onRemove, place, drawShape };
}

const change = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

describe("New event", () => {
  it("says what is still needed, and adds nothing until title, category and date are given", async () => {
    const onAdd = vi.fn();
    const view = render(() => <NewEventForm onAdd={onAdd} />);
    fireEvent.click(view.getByRole("button", { name: "New event" }));
    fireEvent.click(view.getByRole("button", { name: "Add event" }));
    expect(view.getByRole("alert")).toHaveTextContent(
      "Still needed: Title, Category, Date (start).",
    );
    fireEvent.input(view.getByLabelText("Title"), { target: { value: "Drone over Maracay" } });
    change(view.getByLabelText("Category"), "airspace");
    fireEvent.click(view.getByRole("button", { name: "Add event" }));
    expect(view.getByRole("alert")).toHaveTextContent("Still needed: Date (start).");
    expect(onAdd).not.toHaveBeenCalled();
    fireEvent.input(view.getByLabelText("Date (start)"), { target: { value: "2026-01-05" } });
    fireEvent.click(view.getByRole("button", { name: "Add event" }));
    expect(onAdd).toHaveBeenCalledWith({
      title: "Drone over Maracay",
      category: "airspace",
      start: "2026-01-05",
    });
  });

  it("offers the 15 categories and no default", () => {
    const view = render(() => <NewEventForm onAdd={() => {}} />);
    fireEvent.click(view.getByRole("button", { name: "New event" }));
    const options = [...(view.getByLabelText("Category") as HTMLSelectElement).options];
    expect(options[0]!.value).toBe("");
    expect(options.slice(1).map((o) => o.value)).toHaveLength(15);
  });
});

describe("the event form", () => {
  it("shows the id, read-only, and marks the fields the validator requires", () => {
    const { view } = setup();
    const id = view.getByLabelText(/^Id/) as HTMLInputElement;
    expect(id.value).toBe("drone-over-maracay");
    expect(id.readOnly).toBe(true);
    for (const label of [
      /^Title/,
      /^Summary/,
      /^Start/,
      /^Date basis/,
      /^Place name/,
      /^Place basis/,
    ])
      expect(view.getByLabelText(label)).toBeRequired();
  });

  it("offers every date and place precision, with words for them", () => {
    const { view } = setup();
    const options = (label: RegExp) =>
      [...(view.getByLabelText(label) as HTMLSelectElement).options].map((o) => [o.value, o.text]);
    expect(options(/^Date precision/)).toEqual([
      ["day", "Day"],
      ["week", "Week"],
      ["month", "Month"],
      ["range", "Range (start to end)"],
      ["before", "Before (only a day by which it had happened)"],
    ]);
    expect(options(/^Place precision/).map(([v]) => v)).toEqual([
      "exact",
      "approximate",
      "city",
      "region",
      "country",
    ]);
  });

  it("writes each field into the event when it is left", () => {
    const { view, event } = setup();
    change(view.getByLabelText(/^Summary/), "  A drone was seen.  ");
    change(view.getByLabelText(/^Actors/), "Venezuelan air force\n\n US drone ");
    change(view.getByLabelText(/^Date precision/), "range");
    change(view.getByLabelText(/^End/), "2026-01-07");
    change(view.getByLabelText(/^Place precision/), "city");
    const p = event().properties;
    expect(p.summary).toBe("A drone was seen.");
    expect(p.actors).toEqual(["Venezuelan air force", "US drone"]);
    expect(p.date).toEqual({
      start: "2026-01-05",
      end: "2026-01-07",
      precision: "range",
      basis: "",
    });
    expect(p.place.precision).toBe("city");
    change(view.getByLabelText(/^End/), "");
    expect("end" in event().properties.date).toBe(false);
  });

  it("takes a point and radius typed in, and warns that a pin without radius claims exactness", () => {
    const { view, event } = setup();
    change(view.getByLabelText("Latitude"), "10.2469");
    expect(event().geometry, "one coordinate is not a point yet").toBeNull();
    change(view.getByLabelText("Longitude"), "-67,5958");
    expect(event().geometry).toEqual({ type: "Point", coordinates: [-67.5958, 10.2469] });
    expect(view.getByRole("note")).toHaveTextContent(
      "A point with no radius says the place is known exactly",
    );
    change(view.getByLabelText("Radius (km) of uncertainty"), "15");
    expect(event().properties.place.radius_km).toBe(15);
    expect(view.queryByRole("note")).toBeNull();
    fireEvent.click(view.getByRole("button", { name: "Remove geometry" }));
    expect(event().geometry).toBeNull();
    expect("radius_km" in event().properties.place).toBe(false);
  });

  it("places a point with its radius from the map", async () => {
    const { view, event, place } = setup([], {
      lng: -67.59581234,
      lat: 10.24692345,
      radiusKm: 12.345,
    });
    fireEvent.click(view.getByRole("button", { name: "Place on map" }));
    await vi.waitFor(() => expect(event().geometry).not.toBeNull());
    expect(place).toHaveBeenCalledOnce();
    expect(event().geometry).toEqual({ type: "Point", coordinates: [-67.59581, 10.24692] });
    expect(event().properties.place.radius_km).toBe(12);
  });

  it("draws an area from the map: closed, counter-clockwise, radius dropped, corners counted", async () => {
    const clockwise: Position[] = [
      [-68.0, 10.16],
      [-66.9, 10.5],
      [-67.6, 9.9],
    ];
    const { view, event, drawShape } = setup([], null, clockwise);
    change(view.getByLabelText("Radius (km) of uncertainty"), "15");
    fireEvent.click(view.getByRole("button", { name: "Draw an area" }));
    await vi.waitFor(() => expect(event().geometry).not.toBeNull());
    expect(drawShape).toHaveBeenCalledWith("Polygon");
    expect(event().geometry).toEqual({
      type: "Polygon",
      coordinates: [
        [
          [-68.0, 10.16],
          [-67.6, 9.9],
          [-66.9, 10.5],
          [-68.0, 10.16],
        ],
      ],
    });
    expect("radius_km" in event().properties.place).toBe(false);
    expect(view.getByTestId("shape-words")).toHaveTextContent(
      "The geometry is an area with 3 corners.",
    );
    expect((view.getByLabelText(/^Points of a line/) as HTMLTextAreaElement).value).toBe(
      "-68,10.16\n-67.6,9.9\n-66.9,10.5",
    );
  });

  it("leaves the geometry as it was when drawing is cancelled", async () => {
    const { view, event, drawShape } = setup([], null, null);
    change(view.getByLabelText("Latitude"), "10.2469");
    change(view.getByLabelText("Longitude"), "-67.5958");
    const before = event().geometry;
    fireEvent.click(view.getByRole("button", { name: "Draw a line" }));
    await vi.waitFor(() => expect(drawShape).toHaveBeenCalledWith("LineString"));
    await Promise.resolve();
    expect(event().geometry).toBe(before);
  });

  it("takes a line typed as lng,lat lines, and says which line is not one", () => {
    const { view, event } = setup();
    const field = view.getByLabelText(/^Points of a line/);
    fireEvent.input(field, { target: { value: "-66.9,10.5\nMaracay" } });
    fireEvent.change(field);
    expect(view.getByRole("alert")).toHaveTextContent(
      "Line 2 is not a longitude,latitude pair: “Maracay”.",
    );
    expect(event().geometry).toBeNull();
    fireEvent.input(field, { target: { value: "-66.9,10.5" } });
    fireEvent.change(field);
    expect(view.getByRole("alert")).toHaveTextContent("A line needs at least 2 different points.");
    fireEvent.input(field, { target: { value: "-66.9,10.5\n-67.5958, 10.2469" } });
    fireEvent.change(field);
    expect(event().geometry).toEqual({
      type: "LineString",
      coordinates: [
        [-66.9, 10.5],
        [-67.5958, 10.2469],
      ],
    });
    expect(view.getByTestId("shape-words")).toHaveTextContent(
      "The geometry is a line through 2 points.",
    );
    change(view.getByLabelText("Typed points make"), "Polygon");
    expect(view.getByRole("alert")).toHaveTextContent(
      "An area needs at least 3 different corners.",
    );
    expect(event().geometry?.type, "a failed change keeps the line").toBe("LineString");
  });

  it("shows the validator's verdict on the status, word for word", () => {
    const problem: Problem = {
      severity: "error",
      code: "no-citations",
      file: "events.geojson",
      message: "the event cites nothing",
      hint: "",
    };
    expect(setup([problem]).view.getByTestId("status-verdict")).toHaveTextContent(
      "The validator on the status:the event cites nothing",
    );
    expect(setup().view.getByTestId("status-verdict")).toHaveTextContent(
      "The validator accepts this status with these citations.",
    );
  });

  it("adds a citation typed in, and removes one", () => {
    const { view, event } = setup();
    fireEvent.input(view.getByLabelText(/^Exact words/), {
      target: { value: " The shipped text " },
    });
    change(view.getByLabelText("Stance"), "claims");
    fireEvent.click(view.getByRole("button", { name: "Add citation" }));
    expect(event().properties.citations).toEqual([
      { source: "000_0000000000000000", exact: "The shipped text", stance: "claims" },
    ]);
    fireEvent.click(view.getByRole("button", { name: /^Remove citation/ }));
    expect(event().properties.citations).toEqual([]);
  });

  it("asks before removing the event, keeping it by default", () => {
    const { view, onRemove } = setup();
    fireEvent.click(view.getByRole("button", { name: "Remove event" }));
    expect(view.getByText("Remove “Drone over Maracay” from the draft?")).toBeInTheDocument();
    fireEvent.click(view.getByRole("button", { name: "Keep it" }));
    expect(onRemove).not.toHaveBeenCalled();
    fireEvent.click(view.getByRole("button", { name: "Remove event" }));
    fireEvent.click(view.getByRole("button", { name: "Remove" }));
    expect(onRemove).toHaveBeenCalledOnce();
  });
});
