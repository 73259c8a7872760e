/**
 * Writing a view state as a hash fragment (docs/url-contract.md, "How links are written"); the
 * reader is parseHash in state.ts.
 */
import { DEFAULT_BASEMAP } from "../basemap.ts";
import type { Camera, ViewState } from "../view-state.ts";
import { formatCurate } from "./curate.ts";
import { CONTRACT_VERSION, KEYS, type HashKey } from "./keys.ts";
import { formatStoryRef } from "./story.ts";
import { formatPlay } from "./playback.ts";
import { formatLang } from "./lang.ts";
import { roundCamera, wellFormed } from "./validate.ts";

/** Percent-encodes everything outside [A-Za-z0-9-_.~] except the characters in `keep`. */
function enc(s: string, keep = ""): string {
  let out = encodeURIComponent(wellFormed(s)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  for (const c of keep) out = out.replaceAll(encodeURIComponent(c), c);
  return out;
}

function formatCamera(camera: Camera): string {
  const c = roundCamera(camera);
  const parts = [c.zoom, c.lat, c.lng];
  if (c.bearing || c.pitch) parts.push(c.bearing);
  if (c.pitch) parts.push(c.pitch);
  return parts.map((n) => enc(String(n))).join("/");
}

const formatList = (xs: readonly string[]): string =>
  [...new Set(xs)]
    .filter(Boolean)
    .sort()
    .map((x) => enc(x))
    .join(",");

/** Writes a state as a hash fragment with its `#`, or "" for the default state. */
export function formatHash(state: ViewState): string {
  const f = state.filters;
  const pairs: string[] = [];
  const put = (key: HashKey, value: string | null | false) => {
    if (value) pairs.push(`${key}=${value}`);
  };
  put(KEYS.map, state.camera && formatCamera(state.camera));
  put(KEYS.event, state.event && enc(state.event));
  put(KEYS.source, state.source && enc(state.source));
  put(
    KEYS.passage,
    state.passage && `${enc(String(state.passage[0]))}-${enc(String(state.passage[1]))}`,
  );
  put(KEYS.categories, formatList(f.categories));
  put(KEYS.sources, formatList(f.sources));
  put(KEYS.statuses, formatList(f.statuses));
  put(KEYS.from, f.from && enc(f.from));
  put(KEYS.to, f.to && enc(f.to));
  put(KEYS.q, f.q && enc(f.q, ","));
  put(KEYS.sort, state.sort === "newest" && "newest");
  put(KEYS.play, formatPlay(state.play));
  put(KEYS.embed, state.embed && "1");
  put(KEYS.data, state.data && enc(state.data, "/"));
  put(KEYS.sourcesFile, state.sourcesFile && enc(state.sourcesFile, "/"));
  put(KEYS.basemap, state.basemap !== DEFAULT_BASEMAP && enc(state.basemap));
  pairs.push(...formatStoryRef(state.story));
  put(KEYS.curate, formatCurate(state.curate, state.embed));
  put(KEYS.lang, formatLang(state.lang));
  if (pairs.length) put(KEYS.version, String(CONTRACT_VERSION));
  return pairs.length ? `#${pairs.join("&")}` : "";
}

/** True when both states write the same URL: lists compared as sets, camera at URL precision. */
export function sameState(a: ViewState, b: ViewState): boolean {
  return formatHash(a) === formatHash(b);
}
