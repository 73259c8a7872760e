import { createEffect, createSignal, on, onCleanup, onMount } from "solid-js";
import type { AppState } from "../state/app-state.ts";
import { useI18n } from "./i18n.ts";

/** How long the filters must stay still before the count is read out: a timeline drag or typed
 * search changes them many times a second, and only where they stop is worth saying. */
export const ANNOUNCE_SETTLE_MS = 700;

/**
 * The page's one polite live region for what the filters do: once a change of a filter, the
 * search or the timeline's range has settled, it says how many events are shown. The first load
 * (a link's own filters included) is not announced: nothing was changed by the listener.
 */
export function CountAnnouncer(props: { state: AppState; settleMs?: number }) {
  const s = props.state;
  const { t } = useI18n();
  const [text, setText] = createSignal("");
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A drag may pause longer than the settle time without being over: while a pointer is pressed,
  // what it left shown is held, and said once it is let go and the filters settle.
  let pressed = false;
  let held = false;
  const say = () => {
    held = pressed;
    if (!held) setText(t("app.shown", s.visibleSet().size, s.events().length));
  };
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(say, props.settleMs ?? ANNOUNCE_SETTLE_MS);
  };
  followPointer((down) => {
    pressed = down;
    if (!down && held) schedule();
  });
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      // The filters by value (any of their fields), and what they leave shown.
      () => (s.data() ? `${JSON.stringify(s.view.filters)}|${s.visibleSet().size}` : null),
      (key, prev) => {
        if (key === null || prev === null || prev === undefined || key === prev) return;
        // Emptied at once, so the same words said again after the next change are read again.
        setText("");
        schedule();
      },
    ),
  );
  return (
    <p class="sr-only" role="status" aria-live="polite" data-testid="announcer">
      {text()}
    </p>
  );
}

/** Calls back with true when a pointer is pressed anywhere on the page, false when let go. */
function followPointer(onChange: (down: boolean) => void): void {
  onMount(() => {
    const down = () => onChange(true);
    const up = () => onChange(false);
    window.addEventListener("pointerdown", down, true);
    window.addEventListener("pointerup", up, true);
    window.addEventListener("pointercancel", up, true);
    onCleanup(() => {
      window.removeEventListener("pointerdown", down, true);
      window.removeEventListener("pointerup", up, true);
      window.removeEventListener("pointercancel", up, true);
    });
  });
}
