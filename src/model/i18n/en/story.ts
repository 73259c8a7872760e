/** The story panel and the button that opens it. */
import { formatNumber as n } from "../intl.ts";

export const story = {
  kicker: "Story",
  loading: "Loading the story…",
  failed: (id: string, message: string) => `The story “${id}” could not be loaded: ${message}`,
  progress: (step: number, total: number) => `${n("en", step)} of ${n("en", total)}`,
  progressLabel: "Step",
  previous: "Previous",
  next: "Next",
  close: "Close the story",
  passages: "The passages it rests on",
  events: "Events in this step",
  read: "Read in source",
  notFound: "(not found in the source)",
  launch: "Story",
};
