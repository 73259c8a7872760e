/**
 * The saved image's and the printout's own words: a lazy area, so this pair is imported only by
 * their chunks (src/ui/save-image.ts, print-view.ts), never by the first chunk's catalogue.
 */
export const image = {
  title: "Venezuela situation map",
  /** Before the basemap's credits, as the map pane shows them. */
  map: (credits: string) => `Map: ${credits}`,
  saved: (day: string, link: string) => `Saved ${day} from ${link}`,
  /** The still of the map a printout shows in its place. */
  still: "The map as shown",
};

export type ImageText = typeof image;
