/**
 * `npm run add-source -- FILE.txt --title … --published YYYY-MM-DD --basis … [--precision day]
 * [--outlet …] [--language en] [--notes …] [--dir DIR]`: copies a document into seeds/ under a
 * new id and appends its record to data/sources.json, with the same model code the curate mode
 * uses, then validates the result. Exit 0 when added, 1 on bad input (nothing is written).
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { decodeMessage, decodeSourceFile, newSourceId } from "../model/curate/source-text.ts";
import { curate } from "../model/i18n/en/curate.ts";
import type { SourceCollection, SourceDocument } from "../model/types.ts";
import { formatProblem } from "../model/validate/problem.ts";
import { validateDataset } from "../model/validate/validate.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PRECISIONS = ["day", "week", "month", "unknown"] as const;

class InputError extends Error {}

function options() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      title: { type: "string" },
      published: { type: "string" },
      precision: { type: "string", default: "day" },
      basis: { type: "string" },
      outlet: { type: "string" },
      language: { type: "string", default: "en" },
      notes: { type: "string", default: "" },
      dir: { type: "string", default: ROOT },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new InputError("give exactly one FILE.txt");
  const { title, published, basis, precision } = values;
  if (!title) throw new InputError("--title is required");
  if (!published || !/^\d{4}-\d{2}-\d{2}$/.test(published))
    throw new InputError("--published is required, as YYYY-MM-DD");
  if (!basis) throw new InputError("--basis is required: say how the date is known");
  const known = PRECISIONS.find((p) => p === precision);
  if (!known) throw new InputError(`--precision must be one of ${PRECISIONS.join(", ")}`);
  return { file, ...values, title, published, basis, precision: known };
}

async function main(): Promise<void> {
  const opts = options();
  const decoded = decodeSourceFile(readFileSync(opts.file));
  if (!decoded.ok)
    throw new InputError(`${opts.file}: ${decodeMessage(curate.decodeFile, decoded.problem)}`);
  const seedsDir = path.join(opts.dir, "seeds");
  const sourcesPath = path.join(opts.dir, "data", "sources.json");
  const collection = JSON.parse(readFileSync(sourcesPath, "utf8")) as SourceCollection;
  const seeds: Record<string, string> = {};
  for (const name of readdirSync(seedsDir).filter((n) => n.endsWith(".txt")))
    seeds[name.slice(0, -4)] = readFileSync(path.join(seedsDir, name), "utf8");

  const id = await newSourceId(
    [...Object.keys(seeds), ...collection.sources.map((s) => s.id)],
    decoded.text,
  );
  const record: SourceDocument = {
    id,
    title: opts.title,
    outlet: opts.outlet ?? null,
    published: { date: opts.published, precision: opts.precision, basis: opts.basis },
    language: opts.language,
    notes: opts.notes,
  };
  collection.sources.push(record);
  seeds[id] = decoded.text;
  const sourcesText = `${JSON.stringify(collection, null, 2)}\n`;
  const result = validateDataset({
    eventsFile: "data/events.geojson",
    eventsText: readFileSync(path.join(opts.dir, "data", "events.geojson"), "utf8"),
    sourcesFile: "data/sources.json",
    sourcesText,
    seeds,
  });
  const errors = result.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) {
    for (const problem of errors) console.error(formatProblem(problem));
    throw new InputError("not added: the sources would not validate");
  }
  writeFileSync(path.join(seedsDir, `${id}.txt`), decoded.text);
  writeFileSync(sourcesPath, sourcesText);
  if (decoded.removedBom) console.log("note: removed a byte order mark (BOM)");
  if (decoded.convertedLineEndings) console.log("note: converted CRLF/CR line endings to LF");
  console.log(`added ${id}: seeds/${id}.txt and its record in data/sources.json`);
}

main().catch((error: unknown) => {
  // Bad input, an unreadable file or a bad flag is the user's to fix: one line, no stack trace.
  const expected =
    error instanceof InputError || typeof (error as { code?: unknown }).code === "string";
  console.error(`add-source: ${error instanceof Error ? error.message : String(error)}`);
  if (!expected && error instanceof Error) console.error(error.stack);
  process.exitCode = 1;
});
