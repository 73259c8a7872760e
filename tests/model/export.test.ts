import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { resolveDataset } from "../../src/model/dataset.ts";
import { CSV_COLUMNS, csvCell, toCSV, toGeoJSON } from "../../src/model/export.ts";
import { csvEvidence } from "../../src/model/evidence/status-words.ts";
import type { EventCollection, SourceCollection } from "../../src/model/types.ts";
import { validateDataset } from "../../src/model/validate/validate.ts";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
const seeds = () =>
  Object.fromEntries(
    readdirSync(new URL("../../seeds/", import.meta.url))
      .filter((n) => n.endsWith(".txt"))
      .map((n) => [n.slice(0, -4), read(`seeds/${n}`)]),
  );
const shipped = (): EventCollection => JSON.parse(read("data/events.geojson"));

/** A small RFC 4180 reader, enough to re-read what toCSV writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [],
    cell = "",
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && text[i + 1] === "\n")
      row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  return rows;
}

describe("GeoJSON export", () => {
  it("re-reads as a dataset that passes the validator", () => {
    const events = shipped().features.slice(0, 12);
    const text = toGeoJSON(events);
    const result = validateDataset({
      eventsFile: "export.geojson",
      eventsText: text,
      sourcesFile: "data/sources.json",
      sourcesText: read("data/sources.json"),
      seeds: seeds(),
    });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(JSON.parse(text).features.map((f: { id: string }) => f.id)).toEqual(
      events.map((e) => e.id),
    );
  });

  it("does not mutate its input", () => {
    const events = shipped().features;
    const before = JSON.stringify(events);
    toGeoJSON(events);
    expect(JSON.stringify(events)).toBe(before);
  });
});

describe("CSV export", () => {
  it("writes one row per citation with the quote verbatim", () => {
    const events = shipped().features;
    const rows = parseCsv(toCSV(events));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const citations = events.flatMap((e) =>
      e.properties.citations.map((c) => [e.id, c.source, c.exact, c.stance]),
    );
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(
      rows.slice(1).map((r) => [r[0], r[col("source_id")], r[col("quote")], r[col("stance")]]),
    ).toEqual(citations);
    expect(rows.slice(1).every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
  });

  it("counts by origin, not by document: the status in words and each citation's origin and support", () => {
    const events = shipped();
    const index = resolveDataset(
      events,
      JSON.parse(read("data/sources.json")) as SourceCollection,
      seeds(),
    );
    const alert = events.features.filter((e) => e.id === "us-security-alert-leave-venezuela");
    const rows = parseCsv(toCSV(alert, csvEvidence(index))).slice(1);
    const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
    expect(new Set(rows.map((r) => r[col("status_words")]))).toEqual(
      new Set(["Reported: 1 origin, told in 3 documents"]),
    );
    // The passages of the event retell one report; the dateline is 002's own, and counts for nothing.
    expect(
      new Set(rows.filter((r) => r[col("supports")] === "event").map((r) => r[col("origin")])),
    ).toEqual(new Set(["unnamed-alert-report"]));
    expect(rows.filter((r) => r[col("supports")] === "date").map((r) => r[col("quote")])).toEqual([
      "date 2026-01-11",
    ]);
    expect(rows.every((r) => r[col("expected")] === "false")).toBe(true);
  });

  it.each([
    ["plain", "plain"],
    ['say "hi", then go', '"say ""hi"", then go"'],
    ["line\nbreak", '"line\nbreak"'],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
    ["+1", "'+1"],
    [null, ""],
  ])("quotes %j safely", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});
