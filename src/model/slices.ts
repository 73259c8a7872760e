/**
 * Work over [0, n) in slices of `slice`, awaiting `pause()` between them: very big datasets
 * (1M events) are indexed this way while loading, so that the page keeps answering.
 */
export async function inSlices(n: number, slice: number, pause: () => Promise<void>, each: (from: number, to: number) => void): Promise<void> {
  for (let from = 0; from < n; from += slice) {
    if (from > 0) await pause();
    each(from, Math.min(n, from + slice));
  }
}
