/**
 * Curate mode's words. Curate is a lazy chunk, so this pair is imported only by it (through
 * useAreaText), never by the catalogue index the first chunk loads. The validator's own problem
 * messages are not here: they are shown word for word, in English.
 */
import type { SelectionProblem } from "../../curate/cite.ts";
import type { SourceFormProblem } from "../../curate/add-source.ts";
import { MAX_SOURCE_BYTES } from "../../curate/source-text.ts";
import type { SourceDate, Stance, Support } from "../../types.ts";
import { formatNumber as n, plural } from "../intl.ts";

const changes = (count: number) =>
  `${n("en", count)} ${plural("en", count, { one: "change", other: "changes" })}`;
const errorCount = (count: number) =>
  `${n("en", count)} ${plural("en", count, { one: "error", other: "errors" })}`;
const MIB = MAX_SOURCE_BYTES / 1024 / 1024;
const tooLarge = (what: string) => (bytes: number) =>
  `the ${what} is ${bytes} bytes; a source document may be at most ${MAX_SOURCE_BYTES} bytes (${MIB} MiB)`;

export const curate = {
  panel: {
    heading: "Curate",
    intro:
      "Edits go into a draft kept in this browser. The map's data changes for no one else until the draft is exported and published.",
    leave: "Leave curate mode",
    loading: "Reading the dataset…",
    unshowable: (why: string) => `The map shows the last state of the draft it could read: ${why}`,
    validatorNote: "The validator's messages are in English.",
  },
  draft: {
    looking: "Looking for a draft saved in this browser…",
    none: "No changes yet.",
    restored: (count: number) => `Draft restored (${changes(count)})`,
    saved: (count: number) => `${changes(count)}, saved in this browser`,
    saveFailed: (why: string) => `The draft could not be saved in this browser: ${why}`,
    discard: "Discard draft",
    confirm: (count: number) => `Discard ${changes(count)}? This cannot be undone.`,
    yes: "Discard",
    no: "Keep the draft",
  },
  addSource: {
    open: "Add a source",
    heading: "Add a source",
    cancel: "Cancel",
    text: "Text of the document",
    textHelp: `Paste it, or open a .txt file (UTF-8, at most ${MIB} MiB). It is kept exactly as given, except that line endings become LF and a leading byte order mark is dropped.`,
    file: "Open a .txt file",
    fileRefused: (why: string) => `This file cannot be added: ${why}.`,
    textRefused: (why: string) => `This text cannot be added: ${why}.`,
    bomRemoved: "A byte order mark (BOM) at the start was removed.",
    crlfConverted: "Windows (CRLF) or old Mac (CR) line endings were converted to LF.",
    add: "Add to the draft",
    fix: "Fill in the fields marked above first.",
    added: (id: string) => `Added ${id} to the draft; it is open in the reader.`,
  },
  decodeFile: {
    tooLarge: tooLarge("file"),
    binary: "the file contains NUL bytes: it is binary, not plain text",
    notUtf8: "the file is not UTF-8 text; save it as UTF-8 (e.g. from Windows-1252) and try again",
    empty: "the file has no text",
  },
  decodeText: {
    tooLarge: tooLarge("text"),
    binary: "the text contains NUL characters: it is binary, not plain text",
    notUtf8: "the text is not UTF-8",
    empty: "the text is empty",
  },
  sourceFields: {
    title: "Title",
    outlet: "Outlet (leave empty if the text names none)",
    date: "Published",
    precision: "Precision of the date",
    precisions: {
      day: "day",
      week: "week (the date is its first day)",
      month: "month (the date is its first day)",
      unknown: "unknown",
    } satisfies Record<SourceDate["precision"], string>,
    basis: "How the date is known",
    language: "Language (BCP 47, e.g. es, en)",
    notes: "Notes",
    retells: "It retells (lineage)",
    retellsNone: "nothing: an origin of its own",
    retellsBasis: "Why it retells that one",
  },
  sourceForm: {
    noTitle: "Give the document's title.",
    badDate: "Give the publication date (YYYY-MM-DD), or choose the precision “unknown”.",
    noBasis: "Say how the publication date is known.",
    badLanguage: "Give the language as a BCP 47 tag, such as en or es.",
    noRetellsBasis: "Say why this document retells the one chosen.",
  } satisfies Record<SourceFormProblem, string>,
  citeSelection: {
    heading: "Cite a passage",
    hint: "Select words in the source text, then cite them.",
    selected: (count: number) => `${n("en", count)} characters selected in the source.`,
    cite: "Cite this passage",
    cited: (title: string) => `Cited on “${title}”.`,
    clean: "The validator finds no problem with this citation.",
    problems: "The validator says:",
  },
  selection: {
    empty: "Nothing is selected: select the words to cite in the source text.",
    outside:
      "The selection reaches outside the source's text: select words within the document only.",
    acrossPassages:
      "The selection runs across two paragraphs: a citation quotes one passage, so cite each on its own.",
    notUnique:
      "These words occur more than once and no nearby context within 64 characters tells this one apart: select more words.",
  } satisfies Record<SelectionProblem, string>,
  cite: {
    quote: "Quote",
    context: "Context that picks this occurrence",
    before: "before",
    after: "after",
    event: "Evidence of the event",
    chooseEvent: "Choose an event…",
    stance: "Stance",
    stances: {
      reports: "reports it",
      claims: "relays a claim",
      denies: "denies it",
      forecasts: "forecasts it",
    } satisfies Record<Stance, string>,
    supports: "Supports",
    supportsWhat: {
      event: "the event itself",
      date: "only its date",
      place: "only its place",
    } satisfies Record<Support, string>,
    speaker: "Speaker (required for a denial)",
    speakerName: "Their name, as the map should say it",
    speakerWords: "Words that name them, verbatim from the paragraph",
    add: "Add the citation",
    cancel: "Cancel",
    noEvent: "Choose the event this passage is evidence of.",
    halfSpeaker: "Give both the speaker's name and the words that name them, or neither.",
  },
  events: {
    heading: "Events",
    hint: "Select an event on the map or in the list to edit it, or add a new one.",
  },
  newEvent: {
    open: "New event",
    legend: "New event",
    title: "Title",
    category: "Category",
    choose: "Choose a category…",
    start: "Date (start)",
    add: "Add event",
    cancel: "Cancel",
    missing: (fields: string[]) => `Still needed: ${fields.join(", ")}.`,
  },
  event: {
    heading: (title: string) => `Edit event: ${title}`,
    id: "Id (links use it; it never changes)",
    title: "Title",
    summary: "Summary, in your own words",
    category: "Category",
    actors: "Actors, one per line",
    date: "Date",
    start: "Start",
    end: "End (inclusive, for spans)",
    datePrecision: "Date precision",
    dateBasis: "Date basis: which cited words fix the date, and how",
    status: "Status",
    verdictOk: "The validator accepts this status with these citations.",
    verdictHeading: "The validator on the status:",
    remove: "Remove event",
    confirm: (title: string) => `Remove “${title}” from the draft?`,
    yes: "Remove",
    no: "Keep it",
    datePrecisions: {
      day: "Day",
      week: "Week",
      month: "Month",
      range: "Range (start to end)",
      before: "Before (only a day by which it had happened)",
    } as Record<string, string>,
  },
  citations: {
    legend: "Citations",
    none: "No citation yet: every event rests on a passage of its source.",
    remove: (exact: string) => `Remove citation “${exact.slice(0, 40)}”`,
    source: "Source",
    exact: "Exact words, verbatim from the source",
    stance: "Stance",
    supports: "Supports",
    add: "Add citation",
  },
  place: {
    legend: "Place",
    name: "Place name, as the text names it",
    precision: "Place precision",
    basis: "Place basis: which cited words name the place, and how it was geocoded",
    lat: "Latitude",
    lng: "Longitude",
    radius: "Radius (km) of uncertainty",
    placeOnMap: "Place on map",
    placing: "Click the map for a point, or press and drag outwards for a radius. Esc cancels.",
    cancel: "Cancel placing",
    drawLine: "Draw a line",
    drawArea: "Draw an area",
    drawingLine:
      "Click the map for each point of the line; double-click the last one or press Enter to finish. Esc cancels.",
    drawingArea:
      "Click the map for each corner of the area; double-click the last one, click the first, or press Enter to finish. Esc cancels.",
    cancelDrawing: "Cancel drawing",
    lineOf: (count: number) => `The geometry is a line through ${count} points.`,
    areaOf: (count: number) => `The geometry is an area with ${count} corners.`,
    // No "Latitude" or "Longitude" in it: those name the point's own fields.
    vertices: "Points of a line or corners of an area: one “lng,lat” per line, lng first",
    vertexKind: "Typed points make",
    vertexKinds: { LineString: "a line", Polygon: "an area" },
    badVertex: (line: number, text: string) =>
      `Line ${line} is not a longitude,latitude pair: “${text}”.`,
    tooFewLine: "A line needs at least 2 different points.",
    tooFewArea: "An area needs at least 3 different corners.",
    clear: "Remove geometry",
    notPoint: (type: string) =>
      `The geometry is a ${type}: placing a point or typing coordinates replaces it.`,
    falsePin:
      "A point with no radius says the place is known exactly. Drag for a radius, type one, or set the precision to exact if the text gives the exact spot.",
    precisions: {
      exact: "Exact",
      approximate: "Approximate",
      city: "City",
      region: "Region",
      country: "Country",
    } as Record<string, string>,
  },
  problems: {
    heading: (count: number) =>
      count === 0
        ? "No problems"
        : `${n("en", count)} ${plural("en", count, { one: "problem", other: "problems" })}`,
    none: "The validator finds nothing to fix in the draft.",
    counts: (errors: number, warnings: number) =>
      `${errorCount(errors)}, ${n("en", warnings)} ${plural("en", warnings, { one: "warning", other: "warnings" })}`,
    error: "Error",
    warning: "Warning",
    hint: "Hint:",
  },
  review: {
    open: "Review changes",
    close: "Hide review",
    heading: "Changes against the loaded data",
    none: "No changes yet.",
    events: "Events",
    sources: "Sources",
    kinds: { added: "Added", edited: "Edited", removed: "Removed" },
    restore: (title: string) => `Restore “${title}”`,
    export: "Export",
    valid: "The validator accepts this draft.",
    invalid: (count: number) =>
      `The validator reports ${errorCount(count)}: the export would be refused.`,
    asDraft: (count: number) =>
      `Export as a draft with errors (${errorCount(count)}, listed in DRAFT-ERRORS.txt)`,
    zip: "Download as zip",
    folder: "Write into a folder…",
    zipped: (name: string) => `Downloaded ${name}.`,
    written: (count: number) => `Wrote ${n("en", count)} files into the folder.`,
    folderCancelled: "No folder chosen: nothing was written, and the draft is kept.",
    failed: (why: string) => `The export failed: ${why}`,
  },
  /** Why the dataset could not be read for curation (state/curate/base-draft.ts's codes). */
  baseLoad: {
    notGeojson: (file: string) => `Curation edits GeoJSON datasets; ${file} is not one.`,
    noSources: (file: string) => `${file} has no "sources" list.`,
    unreadable: (why: string) => `The dataset could not be read for curation: ${why}`,
  },
};

export type CurateMessages = typeof curate;
