/**
 * The embedded basemap's label ranks: a place of rank r shows from zoom PLACE_RANK_ZOOM[r] on.
 * Shared by the style that draws the labels (src/map/basemap-style.ts) and the build that cuts
 * the tiles (src/cli/basemap/), which leaves a label out of the tiles of zooms that never show it.
 */
export const PLACE_RANK_ZOOM: readonly number[] = [0, 0, 3.5, 4.5, 5.5, 7, 9, 10];

/** The zoom a rank shows from (ranks past the table's end show from its last zoom). */
export const rankZoom = (rank: number): number =>
  PLACE_RANK_ZOOM[Math.max(0, Math.min(PLACE_RANK_ZOOM.length - 1, Math.floor(rank)))]!;

/** Zooms at which the embedded map draws the lines between Venezuela's states (their source is
 * drawn for about 1:10 million: see src/cli/basemap/states.ts). */
export const STATE_LINES_ZOOMS = { min: 5, max: 10.5 } as const;
