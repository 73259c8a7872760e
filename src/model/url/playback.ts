/**
 * The `play=` key (docs/url-contract.md): the playback mode a link opens with, and whether it
 * starts playing by itself. `play=week` opens paused on the link's `from`/`to`; only
 * `play=week,autoplay` plays on arrival, so a link copied mid-playback never plays unasked.
 */
import { PLAYBACK_MODES, type PlaybackMode } from "../query/playback.ts";
import type { PlayState } from "../view-state.ts";
import { quote, type Checked } from "./validate.ts";

const AUTOPLAY = "autoplay";

/** Reads a decoded `play=` value: a mode, optionally followed by `,autoplay`. */
export function parsePlay(s: string): Checked<PlayState> {
  const [mode, flag, ...rest] = s.split(",");
  if (!(PLAYBACK_MODES as readonly string[]).includes(mode ?? ""))
    return { ok: false, error: `${quote(mode ?? "")} is not day, week, month or cumulative` };
  if (rest.length || (flag !== undefined && flag !== AUTOPLAY))
    return { ok: false, error: `${quote(s)}: only ",autoplay" may follow the mode` };
  return { ok: true, value: { mode: mode as PlaybackMode, autoplay: flag === AUTOPLAY } };
}

/** Writes a play state as its `play=` value ("" for none). Modes and the flag are URL-safe. */
export function formatPlay(play: PlayState | null): string {
  if (!play) return "";
  return play.autoplay ? `${play.mode},${AUTOPLAY}` : play.mode;
}
