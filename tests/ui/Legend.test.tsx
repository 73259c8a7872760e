import { fireEvent, render, within } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { STATUS_LABEL } from "../../src/model/category-style.ts";
import { status } from "../../src/model/i18n/en/status.ts";
import { STATUSES } from "../../src/model/types.ts";
import { Legend } from "../../src/ui/Legend.tsx";

function renderLegend(open = true) {
  const view = render(() => <Legend open={open} />);
  const legend = () => view.getByRole("region", { name: "Map legend" });
  return { ...view, legend };
}

describe("Legend", () => {
  it("says what each status counts, by origin", () => {
    const { getByRole } = renderLegend();
    const list = getByRole("list", { name: "Status, counted by origin" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(
      STATUSES.map((st) => `${STATUS_LABEL[st]} ${status.meaning[st]}`),
    );
    expect(list).not.toHaveTextContent(/\bsources?\b/i);
  });

  it("has an entry for expected events, drawn hollow and dashed", () => {
    const { legend } = renderLegend();
    const entry = within(legend()).getByText(/expected or announced, not reported as happened/);
    expect(entry.querySelector("svg.cat-icon.expected path")).toHaveAttribute("stroke-dasharray");
  });

  it("opens the note on how evidence is rated", () => {
    const { legend } = renderLegend();
    const note = legend().querySelector<HTMLDetailsElement>("details.evidence-note")!;
    expect(note.open).toBe(false);
    fireEvent.click(within(note).getByText("How evidence is rated"));
    expect(note.open).toBe(true);
    expect(note).toHaveTextContent("Passages that only fix the date or the place");
  });

  it("keeps it all in a collapsible body", () => {
    const { legend, getByRole } = renderLegend(false);
    expect(legend().querySelector(".legend-body")).toHaveAttribute("hidden");
    fireEvent.click(getByRole("button", { name: "Legend" }));
    expect(legend().querySelector(".legend-body")).not.toHaveAttribute("hidden");
  });
});
