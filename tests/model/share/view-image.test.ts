import { describe, expect, it } from "vitest";
import {
  type DrawOp,
  type ViewImageInput,
  viewImageLayout,
  wrapText,
} from "../../../src/model/share/view-image.ts";

/** Every character 10 units wide at any font: enough to test wrapping and stacking. */
const measure = (text: string) => text.length * 10;

const input = (over: Partial<ViewImageInput> = {}): ViewImageInput => ({
  mapWidth: 800,
  mapHeight: 500,
  scale: 1,
  title: "Venezuela situation map",
  scope: "4 of 39 events · All dates · Raid",
  legend: [
    { category: "raid", label: "Raid" },
    { category: "military-strike", label: "Military strike" },
  ],
  attribution: "Map: © OpenStreetMap contributors",
  saved: "Saved 6 Dec 2026 from https://example.org/#event=x",
  ...over,
});

const texts = (ops: DrawOp[]) => ops.flatMap((o) => (o.kind === "text" ? [o.text] : []));

describe("wrapText", () => {
  it("breaks at spaces so no line is wider than the width", () => {
    expect(wrapText("aa bb cc dd", "f", 50, measure)).toEqual(["aa bb", "cc dd"]);
  });
  it("keeps a word wider than a line on a line of its own", () => {
    expect(wrapText("a verylongword b", "f", 50, measure)).toEqual(["a", "verylongword", "b"]);
  });
});

describe("viewImageLayout", () => {
  it("is as wide as the map, with the map whole, under the title and scope", () => {
    const { width, height, ops } = viewImageLayout(input(), measure);
    expect(width).toBe(800);
    const map = ops.find((o) => o.kind === "map")!;
    expect(map).toMatchObject({ x: 0, w: 800, h: 500 });
    expect(height).toBeGreaterThan(500);
    const lines = texts(ops);
    expect(lines[0]).toBe("Venezuela situation map");
    expect(lines.join(" ")).toContain("4 of 39 events · All dates · Raid");
    expect(lines).toContain("Raid");
    expect(lines).toContain("Military strike");
    expect(lines.join(" ")).toContain("© OpenStreetMap contributors");
    // Everything is drawn inside the image.
    for (const o of ops) if ("y" in o) expect(o.y).toBeLessThanOrEqual(height);
  });

  it("with an event open: its title and lead quote, under the map", () => {
    const { ops } = viewImageLayout(
      input({ event: { title: "A raid", quote: "a night raid", cite: "Outlet, 1 Jan 2026" } }),
      measure,
    );
    const lines = texts(ops);
    expect(lines).toContain("A raid");
    expect(lines.join(" ")).toContain("“a night raid” — Outlet, 1 Jan 2026");
    const map = ops.find((o) => o.kind === "map")!;
    const title = ops.find((o) => o.kind === "text" && o.text === "A raid")!;
    expect((title as { y: number }).y).toBeGreaterThan(map.y + 500);
  });

  it("draws a symbol per legend entry, and scales with the device's pixels", () => {
    const one = viewImageLayout(input(), measure);
    const two = viewImageLayout(input({ mapWidth: 1600, mapHeight: 1000, scale: 2 }), measure);
    expect(one.ops.filter((o) => o.kind === "symbol")).toHaveLength(2);
    expect(two.width).toBe(1600);
    expect(two.height).toBeGreaterThan(one.height * 1.8);
  });
});
