/**
 * Curate mode's panel, above the list or the reader in the side column: what curate mode is, and
 * the way out. It is a chunk of its own (App.tsx loads it with import()), so readers who never
 * curate never download it.
 */
import type { AppState } from "../../state/app-state.ts";
import "./curate.css";

const T = {
  heading: "Curate",
  intro:
    "Edits go into a draft kept in this browser. The map's data changes for no one else until the draft is exported and published.",
  leave: "Leave curate mode",
};

export function CuratePanel(props: { state: AppState }) {
  return (
    <section class="curate-panel" aria-labelledby="curate-heading" data-testid="curate">
      <div class="curate-bar">
        <h2 id="curate-heading">{T.heading}</h2>
        <button type="button" class="btn" onClick={() => props.state.actions.setCurate(false)}>
          {T.leave}
        </button>
      </div>
      <p class="curate-intro">{T.intro}</p>
    </section>
  );
}
