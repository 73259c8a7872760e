import { fireEvent, render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { TopbarActions } from "../../src/ui/TopbarActions.tsx";

function setup(curate = false) {
  const calls: string[] = [];
  const view = render(() => (
    <TopbarActions
      filtersOpen={false}
      onFilters={() => calls.push("filters")}
      onExport={(f) => calls.push(f)}
      onSaveImage={() => calls.push("image")}
      onPrint={() => calls.push("print")}
      onShare={() => calls.push("share")}
      curate={curate}
      onCurate={() => calls.push("curate")}
      onLang={(l) => calls.push(`lang:${l}`)}
    />
  ));
  const more = view.getByRole("button", { name: "More" });
  const menu = () => view.container.querySelector("#more-actions")!;
  return { calls, view, more, menu };
}

describe("toolbar actions", () => {
  it("opens the More menu, runs a choice and closes the menu after it", () => {
    const { calls, view, more, menu } = setup();
    expect(more).toHaveAttribute("aria-expanded", "false");
    expect(menu()).not.toHaveClass("open");
    fireEvent.click(more);
    expect(more).toHaveAttribute("aria-expanded", "true");
    expect(menu()).toHaveClass("open");
    fireEvent.click(view.getByRole("button", { name: "Image" }));
    expect(calls).toEqual(["image"]);
    expect(more).toHaveAttribute("aria-expanded", "false");
    expect(menu()).not.toHaveClass("open");
  });

  it("closes on Escape, giving focus back to More, and on a tap elsewhere", () => {
    const { more, menu } = setup();
    fireEvent.click(more);
    fireEvent.keyDown(document, { key: "Escape" });
    expect(menu()).not.toHaveClass("open");
    expect(document.activeElement).toBe(more);
    fireEvent.click(more);
    fireEvent.pointerDown(document.body);
    expect(menu()).not.toHaveClass("open");
  });

  it("sends every download, print and share to its handler", () => {
    const { calls, view } = setup();
    for (const name of ["Filters", "GeoJSON", "CSV", "Print", "Share"])
      fireEvent.click(view.getByRole("button", { name }));
    expect(calls).toEqual(["filters", "geojson", "csv", "print", "share"]);
  });

  it("offers Curate in the More menu, pressed while curate mode is on", () => {
    const off = setup(false);
    const curate = off.view.getByRole("button", { name: "Curate" });
    expect(off.menu()).toContainElement(curate);
    expect(curate).toHaveAttribute("aria-pressed", "false");
    fireEvent.click(off.more);
    fireEvent.click(curate);
    expect(off.calls).toEqual(["curate"]);
    expect(off.menu()).not.toHaveClass("open");
    off.view.unmount();
    const on = setup(true);
    expect(on.view.getByRole("button", { name: "Curate" })).toHaveAttribute("aria-pressed", "true");
  });
});
