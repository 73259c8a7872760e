/**
 * The English catalogue: every interface string, by area, one file per area. A component's
 * strings go in its area's file (or a new one, added here and in es/index.ts); the types make
 * the Spanish catalogue list every key, and tests/model/i18n/catalogues.test.ts checks both.
 */
import { actions, app, chips, notices } from "./app.ts";
import { categories, dates, event } from "./event.ts";
import { map, timeline } from "./map.ts";
import { playback } from "./playback.ts";
import { status } from "./status.ts";
import { story } from "./story.ts";

export const en = {
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
