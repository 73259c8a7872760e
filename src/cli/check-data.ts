/**
 * `npm run check:data [-- FILE ...]`: validates the events and sources files against the
 * documents in seeds/, and the stories (data/stories/*.json) against them, and prints every
 * problem, then a summary. Exit 0 when there are no errors
 * (warnings do not fail the build), 1 when there are, 2 when the check itself could not run.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bytesLookBinary } from "../model/encodings/binary.ts";
import { decodeBinary } from "../model/encodings/binary-decode.ts";
import { decodeCompact, looksCompact } from "../model/encodings/compact.ts";
import { validateStory } from "../model/story/validate.ts";
import { formatProblem, type Problem } from "../model/validate/problem.ts";
import { type Summary, validateDataset } from "../model/validate/validate.ts";

// Paths are relative to the repository, not the working directory, so the check runs the same
// from any folder.
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

class CheckFailure extends Error {}

interface Inputs {
  eventsPath: string;
  sourcesPath: string;
  /** Story files given on the command line; none given, every data/stories/*.json. */
  storyPaths: string[];
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

/** A story has a top-level "steps" array, or lives in a stories/ folder. */
function isStoryFile(file: string, text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === "object" && value !== null && "steps" in value) return true;
  } catch {
    // Unparseable: its folder decides, and the validator reports the syntax error.
  }
  return /[/\\]stories[/\\][^/\\]+\.json$/.test(file);
}

function chooseInputs(args: string[]): Inputs {
  const inputs: Inputs = {
    eventsPath: path.join(ROOT, "data/events.geojson"),
    sourcesPath: path.join(ROOT, "data/sources.json"),
    storyPaths: [],
  };
  for (const arg of args) {
    const file = path.resolve(arg);
    const text = read(file);
    if (isStoryFile(file, text)) inputs.storyPaths.push(file);
    else if (isSourcesFile(file, text)) inputs.sourcesPath = file;
    else inputs.eventsPath = file;
  }
  if (args.length === 0) inputs.storyPaths = shippedStories();
  return inputs;
}

function shippedStories(): string[] {
  const dir = path.join(ROOT, "data/stories");
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith(".json"))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return []; // no stories folder: nothing to check
  }
}

/** Each story against the events it names and the seeds it quotes. */
function checkStories(
  storyPaths: readonly string[],
  eventsText: string,
  sourcesText: string,
  seeds: Record<string, string>,
): Problem[] {
  if (storyPaths.length === 0) return [];
  const idsOf = (text: string, list: string): Set<string> | null => {
    try {
      const items: unknown = JSON.parse(text)[list];
      if (!Array.isArray(items)) return null;
      return new Set(items.map((item) => item?.id).filter((id) => typeof id === "string"));
    } catch {
      return null; // reported by the dataset's own check
    }
  };
  const eventIds = idsOf(eventsText, "features") ?? new Set<string>();
  const knownSources = idsOf(sourcesText, "sources");
  const seedMap = new Map(Object.entries(seeds));
  return storyPaths.flatMap((file) =>
    validateStory({
      file: display(file),
      text: read(file),
      expectedId: path.basename(file, ".json"),
      eventIds,
      knownSources,
      seeds: seedMap,
    }),
  );
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
  const { eventsPath, sourcesPath, storyPaths } = chooseInputs(args.filter((arg) => arg !== "--"));
  const events = eventsText(eventsPath);
  if (events.note) process.stdout.write(`note: ${events.note}\n`);
  const sourcesText = read(sourcesPath);
  const seeds = readSeeds();
  const result = validateDataset({
    eventsFile: display(eventsPath),
    eventsText: events.text,
    sourcesFile: display(sourcesPath),
    sourcesText,
    seeds,
  });
  const problems = [
    ...result.problems,
    ...checkStories(storyPaths, events.text, sourcesText, seeds),
  ];
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const lines = problems.map(formatProblem);
  lines.push(
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  );
  if (result.summary !== null) lines.push(...formatSummary(result.summary));
  if (storyPaths.length > 0)
    lines.push(`  stories: ${storyPaths.map((file) => path.basename(file, ".json")).join(", ")}`);
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
