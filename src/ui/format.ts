/** The words for dates and precisions live in the model, shared with the build's event pages. */
export * from "../model/event-words.ts";
