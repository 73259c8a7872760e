/**
 * `npm run check:data [-- FILE ...]`: validates the events and sources files against the
 * documents in seeds/ and prints every problem, then a summary. Exit 0 when there are no errors
 * (warnings do not fail the build), 1 when there are, 2 when the check itself could not run.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bytesLookBinary } from "../model/encodings/binary.ts";
import { decodeBinary } from "../model/encodings/binary-decode.ts";
import { decodeCompact, looksCompact } from "../model/encodings/compact.ts";
import { formatProblem } from "../model/validate/problem.ts";
import { type Summary, validateDataset } from "../model/validate/validate.ts";

// Paths are relative to the repository, not the working directory, so the check runs the same
// from any folder.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

class CheckFailure extends Error {}

interface Inputs {
  eventsPath: string;
  sourcesPath: string;
}

/** Shown paths: relative to the repository when inside it, as in `data/events.geojson`. */
function display(file: string): string {
  const relative = path.relative(ROOT, file);
  return relative.startsWith("..") || path.isAbsolute(relative)
    ? file
    : relative.split(path.sep).join("/");
}

function read(file: string): string {
  return readBytes(file).toString("utf8");
}

function readBytes(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? "no such file"
        : code === "EISDIR"
          ? "is a directory"
          : (code ?? String(error));
    throw new CheckFailure(`cannot read ${display(file)}: ${reason}`);
  }
}

/** A JSON file with a top-level "sources" array replaces sources.json; anything else, events. */
function isSourcesFile(file: string, text: string): boolean {
  if (file.endsWith(".geojson")) return false;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && "sources" in value)
      return Array.isArray(value.sources);
  } catch {
    // Unparseable: let its name decide, and let the validator report the syntax error.
  }
  return /sources?[^/\\]*\.json$/i.test(file);
}

function chooseInputs(args: string[]): Inputs {
  const inputs = {
    eventsPath: path.join(ROOT, "data/events.geojson"),
    sourcesPath: path.join(ROOT, "data/sources.json"),
  };
  for (const arg of args) {
    const file = path.resolve(arg);
    if (isSourcesFile(file, read(file))) inputs.sourcesPath = file;
    else inputs.eventsPath = file;
  }
  return inputs;
}

function readSeeds(): Record<string, string> {
  const dir = path.join(ROOT, "seeds");
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".txt"));
  } catch {
    throw new CheckFailure(`cannot read ${display(dir)}: no such directory`);
  }
  return Object.fromEntries(
    names.sort().map((name) => [name.slice(0, -".txt".length), read(path.join(dir, name))]),
  );
}

function counts(record: Record<string, number>): string {
  const entries = Object.entries(record);
  return entries.length === 0
    ? "none"
    : entries.map(([key, count]) => `${key} ${count}`).join(", ");
}

function formatSummary(summary: Summary): string[] {
  return [
    "summary:",
    `  events ${summary.events}, citations ${summary.citations}, sources ${summary.sources}`,
    `  disputed ${summary.disputed}, corroborated ${summary.corroborated}, without geometry ${summary.nullGeometry}`,
    `  categories: ${counts(summary.categories)}`,
    `  date precision: ${counts(summary.datePrecisions)}`,
    `  place precision: ${counts(summary.placePrecisions)}`,
    `  citations per source: ${counts(summary.citationsPerSource)}`,
  ];
}

/**
 * A compact dataset (src/model/encodings/compact.ts, or binary: src/model/encodings/binary.ts) is validated as the
 * GeoJSON it decodes to; problems are located in that decoded text, and name their event by id.
 */
function eventsText(file: string): { text: string; note?: string } {
  const bytes = readBytes(file);
  if (bytesLookBinary(bytes)) {
    try {
      return {
        text: JSON.stringify(decodeBinary(bytes), null, 1),
        note: `${display(file)} is in the binary encoding: validated as the GeoJSON it decodes to (line numbers refer to that)`,
      };
    } catch (error) {
      throw new CheckFailure(
        `${display(file)} is not a valid binary dataset: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const text = bytes.toString("utf8");
  if (!looksCompact(text.slice(0, 100))) return { text };
  try {
    return {
      text: JSON.stringify(decodeCompact(JSON.parse(text)), null, 1),
      note: `${display(file)} is in the compact encoding: validated as the GeoJSON it decodes to (line numbers refer to that)`,
    };
  } catch (error) {
    throw new CheckFailure(
      `${display(file)} is not a valid compact dataset: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function main(args: string[]): number {
  const { eventsPath, sourcesPath } = chooseInputs(args.filter((arg) => arg !== "--"));
  const events = eventsText(eventsPath);
  if (events.note) process.stdout.write(`note: ${events.note}\n`);
  const result = validateDataset({
    eventsFile: display(eventsPath),
    eventsText: events.text,
    sourcesFile: display(sourcesPath),
    sourcesText: read(sourcesPath),
    seeds: readSeeds(),
  });
  const errors = result.problems.filter((problem) => problem.severity === "error").length;
  const warnings = result.problems.length - errors;
  const lines = result.problems.map(formatProblem);
  lines.push(
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  if (result.summary !== null) lines.push(...formatSummary(result.summary));
  process.stdout.write(`${lines.join("\n")}\n`);
  return errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  // One line, never a stack trace: the reader is a curator, not a developer.
  const message =
    error instanceof CheckFailure
      ? error.message
      : `unexpected failure: ${error instanceof Error ? error.message : String(error)}`;
  process.stderr.write(`check-data: ${message}\n`);
  process.exitCode = 2;
}
