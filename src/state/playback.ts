/**
 * Playback: the date range moved frame by frame (a day, week or month window, or everything up to
 * a day), on a timer. A frame is the date filter itself (actions.showFrame), so the list, the
 * counts and the map follow it by the path every date range takes. Where playback stands is read
 * from the range each time (playback-frames.ts): a drag, a link or Back simply leave it elsewhere.
 */
import { createEffect, createMemo, createSignal, on, onCleanup } from "solid-js";
import { dayMs, isoDay } from "../model/query/dates.ts";
import {
  frameAt,
  frameDays,
  playbackFrames,
  stepFrame,
  type Frames,
} from "../model/query/playback-frames.ts";
import type { PlaybackMode } from "../model/query/playback.ts";
import { timelineDomainOfSpans } from "../model/query/timeline.ts";
import type { AppState } from "./app-state.ts";

export const DEFAULT_MODE: PlaybackMode = "week";
/** Frames per second the speed control offers. */
export const SPEEDS: readonly number[] = [0.5, 1, 2, 4];
export const DEFAULT_SPEED = 1;

export type Playback = ReturnType<typeof createPlayback>;

export function createPlayback(s: AppState) {
  const [playing, setPlaying] = createSignal(false);
  const [speed, setSpeed] = createSignal(DEFAULT_SPEED);
  const mode = () => s.view.play?.mode ?? DEFAULT_MODE;
  const frames = createMemo<Frames>(() => {
    const ix = s.filterIndex();
    if (!s.data() || ix.starts.length === 0) return { mode: mode(), cursors: [], first: 0 };
    const d = timelineDomainOfSpans(ix.starts, ix.ends);
    return playbackFrames([d.first, d.last], mode());
  });
  const range = (): [number | null, number | null] => {
    const { from, to } = s.view.filters;
    return [from ? dayMs(from) : null, to ? dayMs(to) : null];
  };
  const last = () => frames().cursors.length - 1;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** The range the last frame set, "from/to": any other range means someone else moved it. */
  let shown = "";

  const show = (k: number) => {
    const [a, b] = frameDays(frames(), k).map(isoDay) as [string, string];
    shown = `${a}/${b}`;
    s.actions.showFrame(a, b);
  };
  // Once playback is used, the link names its mode; a link that played by itself says so no more.
  const claimMode = () => {
    const p = s.view.play;
    if (!p || p.autoplay) s.actions.setPlay({ mode: mode(), autoplay: false });
  };
  const pause = () => {
    clearTimeout(timer);
    setPlaying(false);
  };
  // Stops on the last frame, which stays on screen to be read; Play again starts from the first.
  const tick = () => {
    const k = stepFrame(frames(), ...range(), 1);
    show(k);
    if (k >= last()) pause();
    else timer = setTimeout(tick, 1000 / speed());
  };
  const play = () => {
    if (last() < 0) return;
    claimMode();
    const { index, exact } = frameAt(frames(), ...range());
    if (index >= last()) show(0);
    else if (!exact) show(index);
    setPlaying(true);
    clearTimeout(timer);
    timer = setTimeout(tick, 1000 / speed());
  };
  const step = (dir: 1 | -1) => {
    pause();
    if (last() < 0) return;
    claimMode();
    show(stepFrame(frames(), ...range(), dir));
  };

  pauseWhenOthersMove(s, playing, pause, () => shown);
  // Only a link that says `,autoplay` plays by itself, and not in an embed, which has no controls.
  createEffect(
    on(s.data, (d) => {
      if (d && s.view.play?.autoplay && !s.view.embed) play();
    }),
  );
  onCleanup(pause);

  return {
    playing,
    mode,
    speed,
    frames,
    play,
    pause,
    toggle: () => (playing() ? pause() : play()),
    step,
    setMode(m: PlaybackMode) {
      s.actions.setPlay({ mode: m, autoplay: false });
    },
    setSpeed,
  };
}

/** A filter changed by the user, or dates that are not the last frame's (a drag, Back, a link),
 * pause playback: the reader has taken the controls. */
function pauseWhenOthersMove(
  s: AppState,
  playing: () => boolean,
  pause: () => void,
  shown: () => string,
): void {
  createEffect(on(s.filterEdits, pause, { defer: true }));
  createEffect(
    on(
      () => `${s.view.filters.from}/${s.view.filters.to}`,
      (now) => {
        if (playing() && now !== shown()) pause();
      },
      { defer: true },
    ),
  );
}
