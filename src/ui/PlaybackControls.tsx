/** Playback on the timeline: play/pause, a step each way, the window (day, week, month or
 * cumulative) and the speed. What they do is src/state/playback.ts. */
import { For, type JSX } from "solid-js";
import { PLAYBACK_MODES, type PlaybackMode } from "../model/query/playback.ts";
import { SPEEDS, type Playback } from "../state/playback.ts";
import { useI18n } from "./i18n.ts";

/** A step with the arrow keys, from these buttons (the handles keep their own arrows). */
export const PLAYBACK_SELECTOR = ".playback";

export function PlaybackControls(props: { playback: Playback }) {
  const { t } = useI18n();
  const p = props.playback;
  const none = () => p.frames().cursors.length === 0;
  return (
    <fieldset
      class="playback"
      aria-label={t("playback.group")}
      title={t("playback.keys")}
      data-playing={p.playing()}
    >
      <IconButton label={t("playback.back")} disabled={none()} onClick={() => p.step(-1)}>
        <path d="M5 4h2v12H5zM16 4v12L8 10z" />
      </IconButton>
      <IconButton
        label={p.playing() ? t("playback.pause") : t("playback.play")}
        class="play"
        disabled={none()}
        onClick={() => p.toggle()}
      >
        {p.playing() ? <path d="M5 4h4v12H5zM11 4h4v12h-4z" /> : <path d="M6 4v12l10-6z" />}
      </IconButton>
      <IconButton label={t("playback.forward")} disabled={none()} onClick={() => p.step(1)}>
        <path d="M13 4h2v12h-2zM4 4v12l8-6z" />
      </IconButton>
      <select
        class="playback-mode"
        aria-label={t("playback.mode")}
        value={p.mode()}
        onChange={(e) => p.setMode(e.currentTarget.value as PlaybackMode)}
      >
        <For each={PLAYBACK_MODES}>
          {(m) => <option value={m}>{t("playback.modes")[m]}</option>}
        </For>
      </select>
      <select
        class="playback-speed"
        aria-label={t("playback.speed")}
        value={String(p.speed())}
        onChange={(e) => p.setSpeed(Number(e.currentTarget.value))}
      >
        <For each={SPEEDS}>
          {(n) => <option value={String(n)}>{t("playback.perSecond", n)}</option>}
        </For>
      </select>
    </fieldset>
  );
}

/** A square button with an icon; its name is its label (said, and shown as a tooltip). */
function IconButton(props: {
  label: string;
  class?: string;
  disabled: boolean;
  onClick: () => void;
  children: JSX.Element;
}) {
  return (
    <button
      type="button"
      class={`btn playback-btn ${props.class ?? ""}`}
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={() => props.onClick()}
    >
      <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" fill="currentColor">
        {props.children}
      </svg>
    </button>
  );
}

/**
 * The timeline's keys for playback: Space plays or pauses from anywhere in the timeline except a
 * control that Space already works (a button, a select); ← and → step from the playback buttons.
 * The handles' own keys come first (they mark the event handled).
 */
export function playbackKeys(p: Playback) {
  return (e: KeyboardEvent) => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const t = e.target as Element;
    if (e.key === " ") {
      if (t.closest("button, select, input, textarea, a")) return;
      p.toggle();
    } else if (e.key === "ArrowLeft" || e.key === "ArrowRight") {
      if (!t.closest(`${PLAYBACK_SELECTOR} button`)) return;
      p.step(e.key === "ArrowLeft" ? -1 : 1);
    } else return;
    e.preventDefault();
  };
}
