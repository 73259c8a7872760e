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
};
