/** The Spanish catalogue (Venezuelan / neutral Latin-American Spanish), area by area as en/. */
import type { Messages } from "../messages.ts";
import { actions, app, chips, notices } from "./app.ts";
import { categories, dates, event } from "./event.ts";
import { map, timeline } from "./map.ts";
import { playback } from "./playback.ts";
import { status } from "./status.ts";
import { story } from "./story.ts";

export const es: Messages = {
  app,
  actions,
  chips,
  notices,
  event,
  categories,
  dates,
  map,
  timeline,
  playback,
  story,
  status,
};
