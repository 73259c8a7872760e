import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { encodeBinary } from "../../src/model/encodings/binary-encode.ts";
import { encodeCompact } from "../../src/model/encodings/compact.ts";
import type { EventCollection } from "../../src/model/types.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = "tests/fixtures/data";
// Resolved here, not by node from `cwd`, so the CLI can also be run from outside the repository.
const TSX = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

function runCheck(
  args: string[],
  cwd = ROOT,
): { status: number | null; stdout: string; stderr: string } {
  const cli = fileURLToPath(new URL("../../src/cli/check-data.ts", import.meta.url));
  const result = spawnSync(process.execPath, ["--import", TSX, cli, ...args], {
    cwd,
    encoding: "utf8",
    timeout: 30_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const STACK_LINE = /^\s{4}at /m;

// Each case starts up to three tsx processes, and each compiles the JSON Schemas: on a busy
// two-core machine that outgrows the default 5 s.
describe("check-data CLI", { timeout: 20_000 }, () => {
  it("exits 1 on a broken fixture and prints the problem on one line, without a stack trace", () => {
    const { status, stdout, stderr } = runCheck([
      "--",
      `${FIXTURES}/quote-not-found.geojson`,
      `${FIXTURES}/sources.json`,
    ]);
    expect(status).toBe(1);
    expect(stdout).toContain(
      `${FIXTURES}/quote-not-found.geojson:38:22: error [us-security-alert-colectivos] features[0].properties.citations[0].exact: quote not found in 000_a4a6dae6575a9c10; closest passage: "`,
    );
    expect(stdout).toContain(
      "— hint: copy the passage verbatim from seeds/000_a4a6dae6575a9c10.txt",
    );
    expect(stdout).toContain("1 error, 0 warnings");
    expect(stdout).toMatch(/^summary:\n {2}events 1, citations 1, sources 5$/m);
    expect(stdout + stderr).not.toMatch(STACK_LINE);
  });

  it("validates a compact dataset as the GeoJSON it decodes to, and refuses a broken one", () => {
    const dir = mkdtempSync(join(tmpdir(), "vsm-check-"));
    const valid = JSON.parse(
      readFileSync(join(ROOT, FIXTURES, "valid.geojson"), "utf8"),
    ) as EventCollection;
    const compact = encodeCompact(valid);
    writeFileSync(join(dir, "valid.vsm.json"), JSON.stringify(compact));
    const ok = runCheck([join(dir, "valid.vsm.json"), `${FIXTURES}/sources.json`]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /^note: .*valid\.vsm\.json is in the compact encoding: validated as the GeoJSON it decodes to/m,
    );
    expect(ok.stdout).toContain("0 errors, 0 warnings");
    expect(ok.stdout).toContain("disputed 1, corroborated 1, without geometry 1");
    compact.events[0]![3] = 99;
    writeFileSync(join(dir, "broken.vsm.json"), JSON.stringify(compact));
    const broken = runCheck([join(dir, "broken.vsm.json"), `${FIXTURES}/sources.json`]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /broken\.vsm\.json is not a valid compact dataset: events\[0\]: date reference 99 is out of range/,
    );
  });

  it("validates a binary dataset as the GeoJSON it decodes to, reports its problems by event, and refuses a broken one", () => {
    const dir = mkdtempSync(join(tmpdir(), "vsm-check-"));
    const valid = JSON.parse(
      readFileSync(join(ROOT, FIXTURES, "valid.geojson"), "utf8"),
    ) as EventCollection;
    writeFileSync(join(dir, "valid.vsmb"), encodeBinary(valid));
    const ok = runCheck([join(dir, "valid.vsmb"), `${FIXTURES}/sources.json`]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(
      /^note: .*valid\.vsmb is in the binary encoding: validated as the GeoJSON it decodes to/m,
    );
    expect(ok.stdout).toContain("0 errors, 0 warnings");
    expect(ok.stdout).toContain("disputed 1, corroborated 1, without geometry 1");
    // A quote that is not in its source is found in the decoded events, and named by its event.
    const misquoted = JSON.parse(JSON.stringify(valid)) as EventCollection;
    misquoted.features[0]!.properties.citations[0]!.exact = "words that no source has";
    writeFileSync(join(dir, "misquoted.vsmb"), encodeBinary(misquoted));
    const bad = runCheck([join(dir, "misquoted.vsmb"), `${FIXTURES}/sources.json`]);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain(`[${misquoted.features[0]!.id}]`);
    const bytes = encodeBinary(valid);
    writeFileSync(join(dir, "broken.vsmb"), bytes.subarray(0, bytes.byteLength - 64));
    const broken = runCheck([join(dir, "broken.vsmb"), `${FIXTURES}/sources.json`]);
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(
      /broken\.vsmb is not a valid binary dataset: section "text" is missing or out of the file's \d+ bytes/,
    );
  });

  it("exits 0 on warnings alone", () => {
    const { status, stdout } = runCheck([
      `${FIXTURES}/coords-swapped.geojson`,
      `${FIXTURES}/sources.json`,
    ]);
    expect(status).toBe(0);
    expect(stdout).toContain("0 errors, 1 warning");
  });

  it("exits 0 on valid data and prints the summary", () => {
    const { status, stdout } = runCheck([`${FIXTURES}/valid.geojson`, `${FIXTURES}/sources.json`]);
    expect(status).toBe(0);
    expect(stdout).toContain("0 errors, 0 warnings");
    expect(stdout).toContain("disputed 1, corroborated 1, without geometry 1");
    expect(stdout).toMatch(/categories: security-alert 1, checkpoint 1, /);
    expect(stdout).toMatch(/date precision: day 4, week 0, month 0, range 1, before 0/);
  });

  it("reads a sources file by its content, whatever the argument order", () => {
    const { status, stdout } = runCheck([
      `${FIXTURES}/sources-duplicate-id.json`,
      `${FIXTURES}/valid.geojson`,
    ]);
    expect(status).toBe(1);
    expect(stdout).toContain(
      `${FIXTURES}/sources-duplicate-id.json:65:13: error sources[5].id: source id "000_a4a6dae6575a9c10" is listed twice`,
    );
  });

  it("reports invalid JSON with its line and column", () => {
    const { status, stdout } = runCheck([
      `${FIXTURES}/invalid-json.geojson`,
      `${FIXTURES}/sources.json`,
    ]);
    expect(status).toBe(1);
    expect(stdout).toContain(
      `${FIXTURES}/invalid-json.geojson:22:9: error: invalid JSON at line 22, column 9`,
    );
  });

  it("finds seeds/ from the repository, not the working directory", () => {
    const fixtures = fileURLToPath(new URL(`../../${FIXTURES}/`, import.meta.url));
    const { status, stdout } = runCheck(
      [`${fixtures}valid.geojson`, `${fixtures}sources.json`],
      tmpdir(),
    );
    expect(stdout).toContain("0 errors, 0 warnings");
    expect(status).toBe(0);
  });

  it("exits 2 with one line naming a missing file", () => {
    const { status, stdout, stderr } = runCheck([`${FIXTURES}/no-such-file.geojson`]);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`check-data: cannot read ${FIXTURES}/no-such-file.geojson: no such file\n`);
  });
});
