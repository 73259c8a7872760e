import { For } from "solid-js";
import type { AppState } from "../state/app-state.ts";

/** Dismissible notices: a fallen-back basemap, an ignored part of a link, an unknown event. */
export function Notices(props: { state: AppState }) {
  return (
    <div class="notices" aria-live="polite">
      <For each={props.state.notices()}>
        {(n) => (
          <div
            class={`notice notice-${n.kind}`}
            role={n.kind === "error" ? "alert" : "status"}
            data-testid={`notice-${n.kind}`}
          >
            <span>{n.message}</span>
            <button
              type="button"
              aria-label="Dismiss notice"
              onClick={() => props.state.actions.dismiss(n.id)}
            >
              ×
            </button>
          </div>
        )}
      </For>
    </div>
  );
}
