/**
 * What an export writes: the files of the draft (draftFiles) at their paths in the repository, and,
 * for a draft the validator rejects, a list of its errors, with the export's name saying so.
 */
import { formatProblem, type Problem } from "../validate/validate.ts";
import { type Draft, draftFiles } from "./draft.ts";

export interface ExportFile {
  /** Relative to the repository's root, with `/`. */
  path: string;
  text: string;
}

export interface DraftExport {
  /** The zip's name, `venezuela-map-draft-YYYY-MM-DD[-DRAFT-with-errors].zip`. */
  name: string;
  files: ExportFile[];
}

export const ERRORS_FILE = "DRAFT-ERRORS.txt";

/**
 * The export of `draft` on `day` (YYYY-MM-DD). `errors` are the validator's errors on it: when
 * there are any, DRAFT-ERRORS.txt lists them, word for word as `npm run check:data` prints them.
 */
export function draftExport(
  draft: Draft,
  loadedSeedIds: readonly string[],
  errors: readonly Problem[],
  day: string,
): DraftExport {
  const made = draftFiles(draft, loadedSeedIds);
  const files: ExportFile[] = [
    { path: "data/events.geojson", text: made.eventsText },
    { path: "data/sources.json", text: made.sourcesText },
    ...Object.entries(made.newSeeds).map(([id, text]) => ({ path: `seeds/${id}.txt`, text })),
  ];
  if (errors.length > 0) {
    const lines = errors.map((p) => formatProblem(p));
    files.push({
      path: ERRORS_FILE,
      text: `This export is a DRAFT: npm run check:data reports ${errors.length} error${errors.length === 1 ? "" : "s"}.\n\n${lines.join("\n")}\n`,
    });
  }
  return {
    name: `venezuela-map-draft-${day}${errors.length > 0 ? "-DRAFT-with-errors" : ""}.zip`,
    files,
  };
}
