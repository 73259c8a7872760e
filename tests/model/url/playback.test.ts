import { describe, expect, it } from "vitest";
import { PLAYBACK_MODES } from "../../../src/model/query/playback.ts";
import { formatPlay, parsePlay } from "../../../src/model/url/playback.ts";
import { formatHash, parseHash } from "../../../src/model/url/state.ts";
import { emptyViewState } from "../../../src/model/view-state.ts";

describe("play= value", () => {
  it.each(PLAYBACK_MODES)("reads and writes %s, paused and autoplaying", (mode) => {
    for (const autoplay of [false, true]) {
      const text = formatPlay({ mode, autoplay });
      expect(text).toBe(autoplay ? `${mode},autoplay` : mode);
      expect(parsePlay(text)).toEqual({ ok: true, value: { mode, autoplay } });
    }
  });

  it("writes nothing without playback", () => {
    expect(formatPlay(null)).toBe("");
  });

  it.each([
    "",
    "year",
    "WEEK",
    "week,",
    "week,auto",
    "week,autoplay,autoplay",
    "autoplay",
    "week;autoplay",
    "<script>",
    "cumulative,1",
  ])("refuses %j with a reason", (value) => {
    const r = parsePlay(value);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(0);
  });
});

describe("play= in a link", () => {
  it("a link with a frame and a mode opens paused, and writes itself back the same", () => {
    const hash = "#from=2025-12-01&to=2025-12-07&play=week&v=2";
    const { state, ignored } = parseHash(hash);
    expect(ignored).toEqual([]);
    expect(state.play).toEqual({ mode: "week", autoplay: false });
    expect(formatHash(state)).toBe(hash);
  });

  it("only autoplay plays, and it survives the round trip", () => {
    const hash = "#play=cumulative%2Cautoplay&v=2";
    expect(parseHash(hash).state.play).toEqual({ mode: "cumulative", autoplay: true });
    const raw = "#play=cumulative,autoplay&v=2";
    expect(formatHash(parseHash(raw).state)).toBe(raw);
  });

  it("a hostile value is dropped with a note, and the rest of the link still applies", () => {
    const { state, ignored } = parseHash("#play=%3Cimg%20src%3Dx%3E&from=2025-12-01");
    expect(state.play).toBeNull();
    expect(state.filters.from).toBe("2025-12-01");
    expect(ignored).toHaveLength(1);
    expect(ignored[0]).toMatch(/^play: /);
  });

  it("the default state writes no play key", () => {
    expect(formatHash(emptyViewState())).toBe("");
  });
});
