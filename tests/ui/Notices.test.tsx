import { fireEvent, render } from "@solidjs/testing-library";
import { describe, expect, it } from "vitest";
import { Notices } from "../../src/ui/Notices.tsx";
import { createTestState } from "../state/fixtures.ts";

describe("notices", () => {
  it("shows a notice's action as a button beside its message, which runs it", () => {
    const { state } = createTestState();
    let runs = 0;
    state.actions.notify("A new version is ready.", "info", {
      label: "Reload to update",
      run: () => runs++,
    });
    const view = render(() => <Notices state={state} />);
    const notice = view.getByRole("status");
    expect(notice).toHaveTextContent("A new version is ready.");
    fireEvent.click(view.getByRole("button", { name: "Reload to update" }));
    expect(runs).toBe(1);
    // The action leaves the notice (the page reloads once the new version has taken over).
    expect(view.getByRole("status")).toBeInTheDocument();
  });

  it("has no action button without an action, and each notice can be dismissed", () => {
    const { state } = createTestState();
    state.actions.notify("Parts of this link were ignored.");
    state.actions.notify("A new version is ready.", "info", {
      label: "Reload to update",
      run() {},
    });
    const view = render(() => <Notices state={state} />);
    expect(view.getAllByRole("status")).toHaveLength(2);
    expect(view.getAllByRole("button", { name: "Reload to update" })).toHaveLength(1);
    const [first] = view.getAllByRole("button", { name: "Dismiss notice" });
    fireEvent.click(first!);
    expect(view.getAllByRole("status")).toHaveLength(1);
    expect(view.getByRole("status")).toHaveTextContent("A new version is ready.");
  });
});
