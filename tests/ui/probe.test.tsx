import { render } from "@solidjs/testing-library";
import { it } from "vitest";
import { emptyViewState } from "../../src/model/view-state.ts";
import { SidePanel } from "../../src/ui/SidePanel.tsx";
import { createTestState } from "../state/fixtures.ts";
it("probe", () => {
  const { state } = createTestState();
  const d = state.data()!;
  const [a] = [...d.index.sourceById.keys()];
  state.actions.restore({ ...emptyViewState(), source: a! });
  console.log(state.view.source, !!state.data());
  const { container } = render(() => <SidePanel state={state} onLinkPassage={() => {}} />);
  console.log(container.innerHTML.slice(0, 600));
});
