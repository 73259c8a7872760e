/**
 * The embed's own words (`#embed=1`): a lazy area, so this pair is imported only by the embed's
 * chunk (src/ui/Embed.tsx, EmbedCard.tsx, through useAreaText), never by the first chunk's catalogue.
 */
export const embed = {
  heading: "Venezuela situation map · US–Venezuela crisis",
  openFull: "Open the full map ↗",
  back: "List",
  close: "Close this event",
  viewSources: "View sources ↗",
};

export type EmbedText = typeof embed;
