/** Curation in the browser tests: selecting words in the source reader as a reader's mouse would. */
import type { Page } from "playwright-core";

/** Selects the first occurrence of `words` in the reader's text, and lets the page hear of it. */
export async function selectInReader(page: Page, words: string): Promise<void> {
  await page.evaluate((w) => {
    const body = document.querySelector(".reader .source-text");
    if (!body) throw new Error("no reader open");
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const at = n.textContent?.indexOf(w) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(n, at);
      range.setEnd(n, at + w.length);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      return;
    }
    throw new Error(`"${w}" is not in one text run of the reader`);
  }, words);
  // selectionchange is queued: let it reach the panel before the next step.
  await page.waitForFunction(() => !getSelection()?.isCollapsed);
  await page.getByText(/characters selected in the source/).waitFor();
}
