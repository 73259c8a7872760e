/** The timeline's playback controls. */
import { formatNumber as n, plural } from "../intl.ts";

export const playback = {
  group: "Playback",
  play: "Play",
  pause: "Pause",
  back: "Step back",
  forward: "Step forward",
  mode: "Playback window",
  speed: "Playback speed",
  modes: { day: "Day", week: "Week", month: "Month", cumulative: "Cumulative" },
  perSecond: (count: number) =>
    `${n("en", count)} ${plural("en", count, { one: "step", other: "steps" })}/s`,
  keys: "Space: play or pause · ← →: step",
};
