import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { SourceCollection } from "../../src/model/types.ts";
import { validateDataset } from "../../src/model/validate/validate.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
const CLI = fileURLToPath(new URL("../../src/cli/add-source.ts", import.meta.url));

/** A copy of the shipped data and seeds, so the test never writes into the repository. */
function copyOfData(): string {
  const dir = mkdtempSync(join(tmpdir(), "add-source-"));
  cpSync(join(ROOT, "data", "sources.json"), join(dir, "data", "sources.json"));
  cpSync(join(ROOT, "data", "events.geojson"), join(dir, "data", "events.geojson"));
  cpSync(join(ROOT, "seeds"), join(dir, "seeds"), { recursive: true });
  return dir;
}

function run(args: string[]) {
  const result = spawnSync(process.execPath, ["--import", TSX, CLI, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const FLAGS = ["--title", "Tropas en La Guaira", "--published", "2026-01-12", "--basis", "Dated."];

describe("add-source CLI", { timeout: 20_000 }, () => {
  it("adds a Spanish document with CRLF as a sixth source that validates", () => {
    const dir = copyOfData();
    const file = join(dir, "nuevo.txt");
    writeFileSync(file, "\uFEFFEl ministro dijo: «Las tropas se retiraron».\r\n");
    const { status, stdout } = run([file, ...FLAGS, "--language", "es", "--dir", dir]);
    expect(status).toBe(0);
    expect(stdout).toContain("converted CRLF/CR line endings to LF");
    const sources = JSON.parse(
      readFileSync(join(dir, "data", "sources.json"), "utf8"),
    ) as SourceCollection;
    const added = sources.sources.at(-1);
    expect(added).toMatchObject({ title: "Tropas en La Guaira", language: "es", outlet: null });
    expect(added?.id).toMatch(/^005_[0-9a-f]{16}$/);
    const seeds: Record<string, string> = {};
    for (const name of readdirSync(join(dir, "seeds")))
      seeds[name.slice(0, -4)] = readFileSync(join(dir, "seeds", name), "utf8");
    expect(seeds[added?.id ?? ""]).toBe("El ministro dijo: «Las tropas se retiraron».\n");
    const result = validateDataset({
      eventsFile: "events.geojson",
      eventsText: readFileSync(join(dir, "data", "events.geojson"), "utf8"),
      sourcesFile: "sources.json",
      sourcesText: readFileSync(join(dir, "data", "sources.json"), "utf8"),
      seeds,
    });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(result.summary?.sources).toBe(6);
  });

  it("refuses a non-UTF-8 file or a missing flag in one line and writes nothing", () => {
    const dir = copyOfData();
    const before = readFileSync(join(dir, "data", "sources.json"), "utf8");
    const file = join(dir, "latin1.txt");
    writeFileSync(file, Buffer.from([0x53, 0xed, 0x0a]));
    const bad = run([file, ...FLAGS, "--dir", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^add-source: .*not UTF-8.*\n$/);
    const missing = run([file, "--title", "x", "--dir", dir]);
    expect(missing.stderr).toBe("add-source: --published is required, as YYYY-MM-DD\n");
    expect(readFileSync(join(dir, "data", "sources.json"), "utf8")).toBe(before);
    expect(readdirSync(join(dir, "seeds"))).toHaveLength(5);
  });
});
