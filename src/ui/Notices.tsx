import { For, Show } from "solid-js";
import type { AppState } from "../state/app-state.ts";
import { useI18n } from "./i18n.ts";

/**
 * Dismissible notices: a fallen-back basemap, an ignored part of a link, an unknown event, a new
 * version to reload to. A notice may carry one action, a button beside its message.
 */
export function Notices(props: { state: AppState }) {
  const { t } = useI18n();
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
            <Show when={n.action}>
              {(a) => (
                <button type="button" class="btn primary notice-action" onClick={() => a().run()}>
                  {a().label}
                </button>
              )}
            </Show>
            <button
              type="button"
              class="notice-dismiss"
              aria-label={t("app.dismiss")}
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
