/**
 * An event's status in words, counted by origin (model/evidence/status-words.ts composes them):
 * "Reported: 1 origin, told in 3 documents". The build's pages use this English one as well.
 */
import { formatNumber as n, plural } from "../intl.ts";

const count = (k: number, one: string, other: string) =>
  `${n("en", k)} ${plural("en", k, { one, other })}`;

export const status = {
  label: { reported: "Reported", corroborated: "Corroborated", disputed: "Disputed" },
  /** What each status means, for the legend, the filters and the "How evidence is rated" note. */
  meaning: {
    reported: "one origin, however many documents tell it",
    corroborated: "two or more independent origins report it",
    disputed: "a cited passage denies it",
  },
  /** What each status means in a filter chip, briefly. */
  chip: { reported: "1 origin", corroborated: "2+ independent origins", disputed: "denied" },
  origins: (k: number) => count(k, "origin", "origins"),
  documents: (k: number) => count(k, "document", "documents"),
  passages: (k: number) => count(k, "passage", "passages"),
  independent: (k: number) => count(k, "independent origin", "independent origins"),
  toldIn: (documents: string) => `told in ${documents}`,
  deniedBy: (who: string) => `denied by ${who}`,
  denied: "denied",
  toldBy: (origins: string, documents: string) => `; told by ${origins}, in ${documents}`,
  noOrigin: "no origin",
  noPassage: "no passage tells the event itself",
  /** Two origins tell it but fewer than two vouch for it: why it is not corroborated. */
  asFact: (independent: number) => `; ${independent === 0 ? "none" : "only 1"} reports it as fact`,
  and: " and ",
  ownText: ": its own text",
  hedges: " (only relays a claim or hedges)",
  disputedBy: "Disputed by ",
  /** "How evidence is rated" (EvidenceNote): its prose around the statuses' names and meanings. */
  note: {
    summary: "How evidence is rated",
    /** Around the word in bold: "…counted by **origin**, not by document…". */
    countedBy:
      "Every event rests on passages quoted word for word from the source documents. Evidence is counted by",
    origin: "origin",
    notByDocument:
      ", not by document: a document that retells another report is not a second witness, so its passages count as that report. Three of the five documents here retell one unnamed report, and count as one.",
    corroborated: ", each in a passage about the event itself",
    disputed: "; the denial is shown with the reports",
    expected:
      "a source says it was expected or announced, not that it happened. It is dated on the announced day and drawn hollow",
    hedges:
      'A passage that hedges or relays someone\'s claim ("reportedly", "an official said") tells the event but does not vouch for it. Passages that only fix the date or the place (a dateline, a related headline) are listed apart and never count.',
  },
  /** The headings of an event's passages, grouped by who stands behind them (citation-groups.ts). */
  groups: {
    denies: (who: string) => `Denied by ${who}`,
    event: (who: string) => `From ${who}`,
    date: "Passages that only fix the date",
    place: "Passages that only fix the place",
  },
  /** Under a group's heading: why the date and place groups are not evidence. */
  groupNotes: {
    date: "A dateline or a passage about something else that dates this event: listed for the date, never counted as evidence.",
    place: "Listed for the place, never counted as evidence.",
  },
};
