import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedPreloads } from "../../src/build/preload-seeds.ts";

describe("preloads of the shipped sources' texts", () => {
  it("names every text in seeds/, as the loader fetches it", () => {
    const tags = seedPreloads("data/sources.json");
    const hrefs = tags.map((t) => t.attrs?.href);
    const seeds = readdirSync("seeds")
      .filter((f) => f.endsWith(".txt"))
      .map((f) => `seeds/${f}`);
    expect(hrefs.sort()).toEqual(seeds.sort());
    for (const t of tags)
      expect(t.attrs).toMatchObject({ rel: "preload", as: "fetch", crossorigin: "anonymous" });
  });
});
