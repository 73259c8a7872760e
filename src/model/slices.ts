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

/**
 * A pause that breaks the task only once `budgetMs` have passed since the last break (and
 * otherwise goes on at once): small slices, cut by time rather than by count. A slice's cost is
 * not its count's: at 1M events the collector marks the heap in steps taken as the slices
 * allocate, and one slice of 20 000 search texts once held the page ~1 s, mostly marking.
 */
export function paced(pause: () => Promise<void>, budgetMs: number, now: () => number = () => performance.now()): () => Promise<void> {
  let since = now();
  return async () => {
    if (now() - since < budgetMs) return;
    await pause();
    since = now();
  };
}
