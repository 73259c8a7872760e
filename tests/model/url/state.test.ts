import { LANGS } from "../../../src/model/i18n/lang.ts";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BASEMAPS } from "../../../src/model/basemap.ts";
import { PLAYBACK_MODES } from "../../../src/model/query/playback.ts";
import { CATEGORIES, STATUSES } from "../../../src/model/types.ts";
import {
  CONTRACT_VERSION,
  KEY_ORDER,
  MAX_INPUT,
  formatHash,
  parseHash,
  parseLocation,
  sameState,
} from "../../../src/model/url/state.ts";
import { isDataPath, isEventId, stateProblems } from "../../../src/model/url/validate.ts";
import { emptyViewState, type ViewState } from "../../../src/model/view-state.ts";

/** A state built from the empty one; nested `filters` merge rather than replace. */
function state(
  over: Partial<Omit<ViewState, "filters">> & { filters?: Partial<ViewState["filters"]> } = {},
): ViewState {
  const base = emptyViewState();
  return { ...base, ...over, filters: { ...base.filters, ...over.filters } };
}

const SRC_A = "001_63de899742715ce7";
const SRC_B = "002_bf7bde4e343e88ef";

/** Canonical v2 links, as the contract documents them (src/model/url/state.ts, header comment). */
const EXAMPLE_HASHES = {
  eventOnMap: "#map=6.5/10.48801/-66.87919&event=caracas-night-raid&v=2",
  tiltedFiltered:
    "#map=4/12.5/-68/15.5/40&cat=maritime-seizure,naval-deployment&status=corroborated&from=2025-09-01&to=2025-12-31&v=2",
  passage: `#event=caracas-night-raid&source=${SRC_A}&passage=120-245&v=2`,
  searchEmbed: `#src=${SRC_A},${SRC_B}&q=La%20Guaira%20%2B%20port,%20%22pier%22&embed=1&v=2`,
  otherData: "#map=3/8/-66/-30.5&cat=raid&data=data/archive/2025-q4.geojson&v=2",
} as const;

const EXAMPLE_STATES = (): Record<keyof typeof EXAMPLE_HASHES, ViewState> => ({
  eventOnMap: state({
    camera: { zoom: 6.5, lat: 10.48801, lng: -66.87919, bearing: 0, pitch: 0 },
    event: "caracas-night-raid",
  }),
  tiltedFiltered: state({
    camera: { zoom: 4, lat: 12.5, lng: -68, bearing: 15.5, pitch: 40 },
    filters: {
      categories: ["maritime-seizure", "naval-deployment"],
      statuses: ["corroborated"],
      from: "2025-09-01",
      to: "2025-12-31",
    },
  }),
  passage: state({ event: "caracas-night-raid", source: SRC_A, passage: [120, 245] }),
  searchEmbed: state({
    filters: { sources: [SRC_A, SRC_B], q: 'La Guaira + port, "pier"' },
    embed: true,
  }),
  otherData: state({
    camera: { zoom: 3, lat: 8, lng: -66, bearing: -30.5, pitch: 0 },
    filters: { categories: ["raid"] },
    data: "data/archive/2025-q4.geojson",
  }),
});

describe("contract examples", () => {
  it.each(Object.keys(EXAMPLE_HASHES) as (keyof typeof EXAMPLE_HASHES)[])(
    "%s parses as documented and writes back unchanged",
    (name) => {
      const { state: s, ignored, legacy } = parseHash(EXAMPLE_HASHES[name]);
      expect(ignored).toEqual([]);
      expect(legacy).toBe(false);
      expect(s).toEqual(EXAMPLE_STATES()[name]);
      expect(formatHash(s)).toBe(EXAMPLE_HASHES[name]);
    },
  );
});

const SINGLE_KEYS: [string, () => ViewState, string][] = [
  [
    "map",
    () => state({ camera: { zoom: 5.25, lat: -12.34567, lng: 179.99999, bearing: 0, pitch: 0 } }),
    "#map=5.25/-12.34567/179.99999&v=2",
  ],
  [
    "map with bearing only",
    () => state({ camera: { zoom: 0, lat: 90, lng: -180, bearing: 359.9, pitch: 0 } }),
    "#map=0/90/-180/359.9&v=2",
  ],
  [
    "map with pitch only",
    () => state({ camera: { zoom: 24, lat: 0, lng: 0, bearing: 0, pitch: 85 } }),
    "#map=24/0/0/0/85&v=2",
  ],
  ["event", () => state({ event: "caracas-night-raid" }), "#event=caracas-night-raid&v=2"],
  ["source", () => state({ source: SRC_A }), `#source=${SRC_A}&v=2`],
  [
    "passage",
    () => state({ source: SRC_A, passage: [0, 10_000_000] }),
    `#source=${SRC_A}&passage=0-10000000&v=2`,
  ],
  ["cat", () => state({ filters: { categories: ["airspace", "raid"] } }), "#cat=airspace,raid&v=2"],
  ["src", () => state({ filters: { sources: [SRC_A] } }), `#src=${SRC_A}&v=2`],
  [
    "status",
    () => state({ filters: { statuses: ["disputed", "reported"] } }),
    "#status=disputed,reported&v=2",
  ],
  ["from", () => state({ filters: { from: "2024-02-29" } }), "#from=2024-02-29&v=2"],
  ["to", () => state({ filters: { to: "2026-01-03" } }), "#to=2026-01-03&v=2"],
  [
    "q",
    () => state({ filters: { q: "Maduro & co = 100% #1 café/ñ ☃ 🇻🇪 a+b" } }),
    "#q=Maduro%20%26%20co%20%3D%20100%25%20%231%20caf%C3%A9%2F%C3%B1%20%E2%98%83%20%F0%9F%87%BB%F0%9F%87%AA%20a%2Bb&v=2",
  ],
  ["sort", () => state({ sort: "newest" }), "#sort=newest&v=2"],
  ["embed", () => state({ embed: true }), "#embed=1&v=2"],
  [
    "data",
    () => state({ data: "./data/other_events.v2.json" }),
    "#data=./data/other_events.v2.json&v=2",
  ],
  [
    "sources",
    () =>
      state({
        data: "tests/fixtures/hostile/data/events.geojson",
        sourcesFile: "tests/fixtures/hostile/data/sources.json",
      }),
    "#data=tests/fixtures/hostile/data/events.geojson&sources=tests/fixtures/hostile/data/sources.json&v=2",
  ],
  [
    "data (binary)",
    () => state({ data: "data/synthetic/events-100k.vsmb" }),
    "#data=data/synthetic/events-100k.vsmb&v=2",
  ],
];

describe("round trip, key by key", () => {
  it.each(SINGLE_KEYS)("%s", (_name, make, hash) => {
    expect(formatHash(make())).toBe(hash);
    const parsed = parseHash(hash);
    expect(parsed.ignored).toEqual([]);
    expect(parsed.state).toEqual(make());
    expect(formatHash(parsed.state)).toBe(hash);
  });

  it("all keys together, in the fixed order", () => {
    const all = state({
      camera: { zoom: 7.5, lat: 10.5, lng: -66.9, bearing: -12.5, pitch: 30 },
      event: "a-1",
      source: SRC_B,
      passage: [3, 9],
      filters: {
        categories: ["protest", "raid"],
        sources: [SRC_A, SRC_B],
        statuses: ["reported"],
        from: "2025-01-01",
        to: "2025-01-01",
        q: "x y",
      },
      sort: "newest",
      play: { mode: "month", autoplay: true },
      embed: true,
      data: "/data/x.geojson",
      sourcesFile: "/data/x-sources.json",
      basemap: "satellite",
      story: { id: "a-story", step: 3 },
      lang: "es",
    });
    const hash = formatHash(all);
    expect(
      hash
        .slice(1)
        .split("&")
        .map((p) => p.split("=")[0]),
      // curate= never goes with embed=1 (curate.test.ts checks its place in the order).
    ).toEqual(KEY_ORDER.filter((k) => k !== "curate"));
    expect(parseHash(hash)).toEqual({ state: all, ignored: [], legacy: false });
  });

  it("writes nothing for the default state, and reads nothing from an empty hash", () => {
    expect(formatHash(emptyViewState())).toBe("");
    for (const h of ["", "#", "#&&", "#v=2"])
      expect(parseHash(h)).toEqual({ state: emptyViewState(), ignored: [], legacy: false });
  });

  it("does not mutate the state it formats", () => {
    const s = state({
      filters: { categories: ["raid", "airspace", "raid"], sources: [SRC_B, SRC_A] },
    });
    const copy = structuredClone(s);
    expect(formatHash(s)).toBe(`#cat=airspace,raid&src=${SRC_A},${SRC_B}&v=${CONTRACT_VERSION}`);
    expect(s).toEqual(copy);
  });
});

describe("loose but valid input is normalised", () => {
  it.each([
    ["no leading #", "event=a", "#event=a&v=2"],
    ["any key order", "#v=2&cat=raid&map=1/2/3", "#map=1/2/3&cat=raid&v=2"],
    [
      "unsorted, repeated list items and empty items",
      "#cat=raid,airspace,raid,,&status=reported,disputed",
      "#cat=airspace,raid&status=disputed,reported&v=2",
    ],
    [
      "extra camera decimals are rounded",
      "#map=5.126/10.123456/-66.000004/0.04/0.4",
      "#map=5.13/10.12346/-66&v=2",
    ],
    ["embed=true", "#embed=true", "#embed=1&v=2"],
    ["embed=0 and an empty value mean the default", "#embed=0&q=&event", ""],
    ["percent-encoded plain characters", "#event=%63aracas", "#event=caracas&v=2"],
    ["-0 is 0", "#map=-0/-0.000001/-0", "#map=0/0/0&v=2"],
  ])("%s", (_name, input, canonical) => {
    const parsed = parseHash(input);
    expect(parsed.ignored).toEqual([]);
    expect(formatHash(parsed.state)).toBe(canonical);
  });

  it("reads `+` in q as a literal plus", () => {
    expect(parseHash("#q=c++%20x").state.filters.q).toBe("c++ x");
  });
});

describe("the list's order (sort)", () => {
  it("is omitted at its default, oldest first, and read there from an explicit sort=oldest", () => {
    expect(formatHash(state({ sort: "oldest" }))).toBe("");
    expect(parseHash("#sort=oldest")).toEqual({
      state: emptyViewState(),
      ignored: [],
      legacy: false,
    });
    expect(formatHash(parseHash("#sort=oldest&event=a").state)).toBe("#event=a&v=2");
  });

  it("sits after q and before embed, and survives a bad value elsewhere", () => {
    const s = state({ filters: { q: "raid" }, sort: "newest", embed: true });
    expect(formatHash(s)).toBe("#q=raid&sort=newest&embed=1&v=2");
    const parsed = parseHash("#cat=bombing&sort=newest");
    expect(parsed.state.sort).toBe("newest");
    expect(parsed.ignored).toHaveLength(1);
  });

  it("is read from the query string too", () => {
    expect(parseLocation("?sort=newest", "").state.sort).toBe("newest");
  });
});

describe("legacy forms (v1)", () => {
  it.each([
    ["bare id", "", "#caracas-night-raid", state({ event: "caracas-night-raid" })],
    [
      "bare id after MapLibre added its key",
      "",
      "#caracas-night-raid&map=5/10/-66",
      state({
        event: "caracas-night-raid",
        camera: { zoom: 5, lat: 10, lng: -66, bearing: 0, pitch: 0 },
      }),
    ],
    [
      "MapLibre's unnamed hash",
      "",
      "#5.5/10/-66/20",
      state({ camera: { zoom: 5.5, lat: 10, lng: -66, bearing: 20, pitch: 0 } }),
    ],
    [
      "v1 keys",
      "",
      "#e=caracas-night-raid&c=raid,protest&d=2025-09-01..2025-12-31&z=6&ll=10.5,-66.9",
      state({
        event: "caracas-night-raid",
        camera: { zoom: 6, lat: 10.5, lng: -66.9, bearing: 0, pitch: 0 },
        filters: { categories: ["protest", "raid"], from: "2025-09-01", to: "2025-12-31" },
      }),
    ],
    ["open-ended v1 date range", "", "#d=..2025-12-31", state({ filters: { to: "2025-12-31" } })],
    ["v=1", "", "#event=a&v=1", state({ event: "a" })],
    [
      "v2 keys in the query string",
      "?event=caracas-night-raid&cat=raid&q=La+Guaira",
      "",
      state({ event: "caracas-night-raid", filters: { categories: ["raid"], q: "La Guaira" } }),
    ],
    [
      "v1 keys in the query string",
      "?e=a&c=raid&utm_source=x",
      "",
      state({ event: "a", filters: { categories: ["raid"] } }),
    ],
    [
      "query string under a hash that wins key by key",
      "?event=old&cat=raid&status=reported",
      "#event=new&cat=protest",
      state({ event: "new", filters: { categories: ["protest"], statuses: ["reported"] } }),
    ],
  ])("%s", (_name, search, hash, expected) => {
    const parsed = parseLocation(search, hash);
    expect(parsed).toEqual({ state: expected, ignored: [], legacy: true });
    const rewritten = parseHash(formatHash(parsed.state));
    expect(rewritten).toEqual({ state: expected, ignored: [], legacy: false });
  });

  it("prefers v2 keys over v1 keys in the same hash, and says so", () => {
    const { state: s, ignored } = parseHash("#e=old&event=new");
    expect(s.event).toBe("new");
    expect(ignored).toEqual(['"e" ignored: "event" given']);
  });

  it("is not legacy for a plain v2 hash, nor for a query string holding none of our keys", () => {
    expect(parseLocation("?utm_source=x&fbclid=y", "#event=a&v=2")).toEqual({
      state: state({ event: "a" }),
      ignored: [],
      legacy: false,
    });
  });
});

describe("what gets dropped, and the reason given", () => {
  it.each([
    ["#map=5/123/10", "map: latitude 123 out of range"],
    ["#map=5/10/-181", "map: longitude -181 out of range"],
    ["#map=25/10/10", "map: zoom 25 out of range"],
    ["#map=5/10/10/0/86", "map: pitch 86 out of range"],
    ["#map=5/10/10/-181", "map: bearing -181 out of range"],
    ["#map=5/1e999/10", 'map: latitude "1e999" is not a number'],
    ["#map=0x5/10/10", 'map: zoom "0x5" is not a number'],
    ["#cat=bombing,raid", 'cat: unknown category "bombing"'],
    ["#status=confirmed", 'status: unknown status "confirmed"'],
    [`#source=${SRC_A}&passage=5-2`, 'passage: "5-2" end before start'],
    [`#source=${SRC_A}&passage=5-5`, 'passage: "5-5" end equals start'],
    [`#source=${SRC_A}&passage=0-10000001`, 'passage: "0-10000001" beyond 10000000'],
    ["#passage=1-2", "passage: needs a source"],
    ["#event=%3Cscript%3E", 'event: "<script>" is not a valid id'],
    ["#source=a.b", 'source: "a.b" is not a valid id'],
    ["#foo=1", 'unknown key "foo"'],
    ["#Event=a", 'unknown key "Event"'],
    ["#event=a&event=b", 'repeated key "event" (first kept)'],
    ["#from=2024-02-30", 'from: "2024-02-30" is not a real date (YYYY-MM-DD)'],
    ["#from=2025-02-01&to=2025-01-01", 'to: "2025-01-01" is before from "2025-02-01" (dropped)'],
    ["#data=https://evil.example/x.geojson", "data: only same-origin paths"],
    ["#embed=yes", 'embed: "yes" is not 1 or true'],
    ["#sort=latest", 'sort: "latest" is not newest or oldest'],
    ["#sort=Newest", 'sort: "Newest" is not newest or oldest'],
    ["#q=a%00b", "q: control characters removed"],
    [`#q=${"x".repeat(201)}`, "q: cut to 200 characters"],
    ["#q=%E0%A4%A", "q: malformed percent-encoding"],
    ["#v=3", 'v: unknown version "3"'],
    ["#z=5", "z/ll: camera needs z=<zoom>&ll=<lat>,<lng>"],
    ["#d=2025", 'd: "2025" is not <from>..<to>'],
  ])("%s", (hash, message) => {
    const { ignored } = parseHash(hash);
    expect(ignored.some((m) => m.startsWith(message))).toBe(true);
  });

  it("keeps the rest of the state when one value is bad", () => {
    const { state: s, ignored } = parseHash("#map=5/123/10&event=ok&cat=bombing,raid");
    expect(s).toEqual(state({ event: "ok", filters: { categories: ["raid"] } }));
    expect(ignored).toHaveLength(2);
  });

  it("checks sources and categories against the loaded data when told them", () => {
    const known = { sources: [SRC_A], categories: ["raid"] };
    const { state: s, ignored } = parseHash(
      `#source=${SRC_B}&src=${SRC_A},${SRC_B}&cat=raid,protest`,
      known,
    );
    expect(s).toEqual(state({ filters: { sources: [SRC_A], categories: ["raid"] } }));
    expect(ignored).toEqual([
      `source: unknown source "${SRC_B}"`,
      'cat: unknown category "protest"',
      `src: unknown source "${SRC_B}"`,
    ]);
  });

  it("reads at most 8 KB and caps the list of notes", () => {
    const { state: s, ignored } = parseHash(`#event=a&${"x=1&".repeat(25_000)}`);
    expect(s.event).toBe("a");
    expect(ignored[0]).toMatch(new RegExp(`characters beyond ${MAX_INPUT} ignored`));
    expect(ignored).toHaveLength(21);
    expect(ignored.at(-1)).toMatch(/^… and \d+ more$/);
  });
});

const DATA_ATTACKS = [
  "#data=javascript:alert(1)",
  "#data=https://evil.example/x.geojson",
  "#data=//evil.example/x.json",
  "#data=../../etc/passwd.json",
  "#data=%2F%2Fevil.example%2Fx.json",
  "#data=data/../../x.json",
  "#data=data\\..\\x.json",
  "#data=data%5Cx.json",
  "#data=%2e%2e/x.json",
  "#data=/data/x.json?y.json",
  "#data=data:application/json,{}",
  "#data=file:///etc/x.json",
  "#data=data/x.json%00.png",
  "#data=data/x.vsmb.exe",
  "#data=data/x.bin",
];

const HOSTILE = [
  ...DATA_ATTACKS,
  "#map=5/10.",
  "#map=5/10",
  "#map=/",
  "#map=////",
  "#map=5/10/20/30/40/50",
  "#map=NaN/NaN/NaN",
  "#map=Infinity/0/0",
  "#map=5/1e999/0",
  "#map=1e2/0/0",
  "#map=5/+10/20",
  "#map=5/.5/20",
  "#map=5/10/20/0x10",
  "#map=99999999999999999999999/0/0",
  "#map=5/91/0",
  "#map=5/-90.00001/0",
  "#map=5/0/180.000001",
  "#map=-1/0/0",
  "#map=5/0/0/361",
  "#map=5/0/0/0/-1",
  "#garbage!!",
  "#&&&===&&&",
  "#=",
  "#==x",
  "#%",
  "#%%%",
  "#foo=bar&baz",
  "#event=a&event=b&event=c",
  "#event=%2526",
  "#event=%00",
  "#event=%C0%BC",
  "#q=%E0%A4%A",
  "#event=%253Cscript%253E",
  "#q=%C0%BCscript%C0%BE",
  "#event=<script>alert(1)</script>",
  '#event="><img src=x onerror=alert(1)>',
  "#<script>alert(1)</script>",
  "#source=<script>",
  "#src=a,<b>,c.d",
  `#source=${"a".repeat(81)}`,
  `#event=${"a".repeat(121)}`,
  "#cat=bombing",
  "#status=%E2%80%AE",
  "#passage=1-2",
  "#source=a&passage=-1-2",
  "#source=a&passage=1e3-2e3",
  "#source=a&passage=2-1",
  "#from=2024-02-30",
  "#from=2023-02-29",
  "#to=2024-13-01",
  "#from=24-01-01",
  "#from=2025-01-01&to=2024-01-01",
  "#d=2024-01-01...2024",
  "#q=\u0000\u0001\u007f\u009f",
  "#embed=2",
  "#v=99",
  "#ll=1,2",
  "#z=1/2&ll=3,4",
  "#z=1&ll=1/2,3",
  "#\uD800",
  "#q=\uDC00abc\uD800",
  "#event=\uD83D",
  `#q=${"%F0%9F%98%80".repeat(300)}`,
  `#${"A".repeat(100 * 1024)}`,
  `#event=${"a-".repeat(50_000)}a`,
  `#q=${"%".repeat(100_000)}`,
];

describe("hostile input", () => {
  it("has a corpus of at least 40 strings", () =>
    expect(HOSTILE.length).toBeGreaterThanOrEqual(40));

  it.each(HOSTILE.map((h) => [h.length > 60 ? `${h.slice(0, 50)}… (${h.length} chars)` : h, h]))(
    "%s",
    (_label, hash) => {
      const parsed = parseHash(hash);
      expect(parsed.ignored.length).toBeGreaterThan(0);
      expect(stateProblems(parsed.state)).toEqual([]);
      const ids = [parsed.state.event, parsed.state.source, ...parsed.state.filters.sources];
      expect(ids.filter((id) => id?.includes("<"))).toEqual([]);
      // What survives writes back cleanly and reads the same again.
      const again = parseHash(formatHash(parsed.state));
      expect(again.ignored).toEqual([]);
      expect(again.state).toEqual(parsed.state);
    },
  );

  it.each(DATA_ATTACKS)("data stays null for %s", (hash) => {
    expect(parseHash(hash).state.data).toBeNull();
    expect(parseLocation(hash.replace("#", "?"), "").state.data).toBeNull();
  });

  it.each(DATA_ATTACKS)("sources stays null for %s", (hash) => {
    const sources = hash.replace("#data=", "#sources=");
    expect(parseHash(sources).state.sourcesFile).toBeNull();
    expect(parseHash(sources).ignored).toHaveLength(1);
  });

  it("sources names a .json file only", () => {
    expect(parseHash("#sources=data/x.geojson").state.sourcesFile).toBeNull();
    expect(parseHash("#sources=data/x.vsmb").state.sourcesFile).toBeNull();
    expect(parseHash("#sources=data/x.json").state.sourcesFile).toBe("data/x.json");
  });
});

// ---- property tests ------------------------------------------------------------------------

const RUNS = { numRuns: 500 };
const TRICKY = [
  "%",
  "%2",
  "%25",
  "%E0%A4%A",
  "%C0%BC",
  "%00",
  "%2F",
  "&",
  "=",
  "#",
  "+",
  ",",
  "/",
  "..",
  "-",
  ".",
  "<",
  "1e999",
  "NaN",
  "\uD800",
  "\uDC00",
  "0",
  "90",
  "-180",
];
const hashPart = fc.oneof(fc.string({ unit: "binary", maxLength: 12 }), fc.constantFrom(...TRICKY));
const keyValues = fc
  .array(
    fc.tuple(
      fc.constantFrom(...KEY_ORDER, "e", "c", "d", "z", "ll", "foo", ""),
      fc.array(hashPart, { maxLength: 5 }),
      fc.boolean(),
    ),
    { maxLength: 12 },
  )
  .map(
    (kvs) => `#${kvs.map(([k, v, eq]) => (eq ? `${k}=${v.join("")}` : k + v.join(""))).join("&")}`,
  );
const loneSurrogates = fc.string({
  unit: fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  maxLength: 40,
});

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,10}$/), { minLength: 1, maxLength: 8 })
  .map((xs) => xs.join("-"));
const sourceId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{0,79}$/);
const isoDate = fc
  .integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(9999, 11, 31) })
  .map((t) => new Date(t).toISOString().slice(0, 10));
const camera = fc.record({
  zoom: fc.integer({ min: 0, max: 2400 }).map((n) => n / 100),
  lat: fc.integer({ min: -9_000_000, max: 9_000_000 }).map((n) => n / 1e5),
  lng: fc.integer({ min: -18_000_000, max: 18_000_000 }).map((n) => n / 1e5),
  bearing: fc.oneof(
    fc.constant(0),
    fc.integer({ min: -1800, max: 3600 }).map((n) => n / 10),
  ),
  pitch: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 85 })),
});
const passage = fc
  .tuple(fc.nat(10_000_000), fc.nat(10_000_000))
  .filter(([a, b]) => a !== b)
  .map(([a, b]): [number, number] => (a < b ? [a, b] : [b, a]));
const query = fc
  .oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.string({ unit: "grapheme", maxLength: 60 }),
    fc.string({ maxLength: 200 }),
  )
  .map((s) => [...s.replace(/\p{Cc}/gu, "")].slice(0, 200).join(""));
const dataPath = fc
  .tuple(
    fc.constantFrom("", "./", "/"),
    fc.array(fc.stringMatching(/^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,11}$/), {
      minLength: 1,
      maxLength: 4,
    }),
    fc.constantFrom(".json", ".geojson"),
  )
  .map(([pre, segs, ext]) => pre + segs.join("/") + ext)
  .filter(isDataPath);
const sortedUnique = <T extends string>(xs: T[]): T[] => [...new Set(xs)].sort();

const validState: fc.Arbitrary<ViewState> = fc
  .record({
    camera: fc.option(camera),
    event: fc.option(slug.filter(isEventId)),
    source: fc.option(sourceId),
    passage: fc.option(passage),
    categories: fc.subarray([...CATEGORIES]),
    sources: fc.array(sourceId, { maxLength: 5 }),
    statuses: fc.subarray([...STATUSES]),
    dates: fc.tuple(fc.option(isoDate), fc.option(isoDate)),
    q: query,
    sort: fc.constantFrom(...(["oldest", "newest"] as const)),
    embed: fc.boolean(),
    data: fc.option(dataPath),
    sourcesFile: fc.option(dataPath.filter((p) => p.endsWith(".json"))),
    basemap: fc.constantFrom(...BASEMAPS),
    story: fc.option(
      fc.record({ id: slug.filter(isEventId), step: fc.integer({ min: 1, max: 999 }) }),
    ),
    play: fc.option(
      fc.record({ mode: fc.constantFrom(...PLAYBACK_MODES), autoplay: fc.boolean() }),
    ),
    curate: fc.boolean(),
    lang: fc.option(fc.constantFrom(...LANGS)),
  })
  .map((r) => {
    const [a, b] = r.dates;
    const [from, to] = a !== null && b !== null && b < a ? [b, a] : [a, b];
    return {
      camera: r.camera,
      event: r.event,
      source: r.source,
      passage: r.source === null ? null : r.passage,
      sort: r.sort,
      embed: r.embed,
      data: r.data,
      sourcesFile: r.sourcesFile,
      basemap: r.basemap,
      story: r.story,
      play: r.play,
      curate: r.curate && !r.embed,
      lang: r.lang,
      filters: {
        categories: sortedUnique(r.categories),
        sources: sortedUnique(r.sources),
        statuses: sortedUnique(r.statuses),
        from,
        to,
        q: r.q,
      },
    };
  });

describe("properties", () => {
  it.each([
    ["fc.string()", fc.string({ maxLength: 300 })],
    ["binary (full unicode) strings", fc.string({ unit: "binary", maxLength: 300 })],
    ["grapheme strings", fc.string({ unit: "grapheme", maxLength: 100 })],
    ["strings with lone surrogates", loneSurrogates],
    ["key=value&… constructions", keyValues],
  ])("parseHash never throws and only yields valid state, for %s", (_name, arb) => {
    fc.assert(
      fc.property(arb, (h) => {
        const { state: s } = parseHash(h);
        expect(stateProblems(s)).toEqual([]);
        expect(parseHash(formatHash(s)).ignored).toEqual([]);
        parseLocation(h.replace("#", "?"), h);
      }),
      RUNS,
    );
  });

  it("generates only valid states", () => {
    fc.assert(
      fc.property(validState, (s) => void expect(stateProblems(s)).toEqual([])),
      RUNS,
    );
  });

  it("parseHash(formatHash(s)) gives s back, with nothing ignored", () => {
    fc.assert(
      fc.property(
        validState,
        (s) =>
          void expect(parseHash(formatHash(s))).toEqual({ state: s, ignored: [], legacy: false }),
      ),
      RUNS,
    );
  });

  it("formatHash writes URL-safe values: splitting on & gives exactly the keys, in order", () => {
    fc.assert(
      fc.property(validState, (s) => {
        const hash = formatHash(s);
        if (hash === "") return void expect(s).toEqual(emptyViewState());
        const pairs = hash
          .slice(1)
          .split("&")
          .map((p) => p.split("="));
        expect(pairs.every((p) => p.length === 2)).toBe(true);
        const keys = pairs.map(([k]) => k as (typeof KEY_ORDER)[number]);
        expect(keys).toEqual(KEY_ORDER.filter((k) => keys.includes(k)));
        for (const [, v] of pairs) expect(v).toMatch(/^(?:[A-Za-z0-9\-_.~,/]|%[0-9A-F]{2})+$/);
      }),
      RUNS,
    );
  });

  it("sameState ignores list order and sub-URL-precision camera noise, and nothing else", () => {
    fc.assert(
      fc.property(validState, validState, (a, b) => {
        const shuffled = {
          ...a,
          filters: { ...a.filters, categories: [...a.filters.categories].reverse() },
        };
        const jittered = a.camera ? { ...a, camera: { ...a.camera, lat: a.camera.lat + 1e-7 } } : a;
        expect(sameState(a, shuffled)).toBe(true);
        expect(sameState(a, jittered)).toBe(true);
        expect(sameState(a, b)).toBe(JSON.stringify(a) === JSON.stringify(b));
      }),
      RUNS,
    );
  });
});

describe("living beside MapLibre's hash", () => {
  /** What MapLibre's Hash (hash: "map") does to the rest of the fragment when it writes the camera. */
  const maplibreRewrite = (hash: string, camera: string): string => {
    const params = new URLSearchParams(hash.replace("#", ""));
    params.set("map", camera);
    return `#${decodeURIComponent(params.toString()).replace(/=&/g, "&").replace(/=$/g, "")}`;
  };

  it("keeps every key but q intact when MapLibre rewrites the hash", () => {
    fc.assert(
      fc.property(validState, (s) => {
        const noQuery = { ...s, filters: { ...s.filters, q: "" } };
        const after = parseHash(maplibreRewrite(formatHash(noQuery), "5/10/-66"));
        expect(after.ignored).toEqual([]);
        expect(after.state).toEqual({
          ...noQuery,
          camera: { zoom: 5, lat: 10, lng: -66, bearing: 0, pitch: 0 },
        });
      }),
      RUNS,
    );
  });
});
