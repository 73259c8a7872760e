/** Curation in the browser tests: adding the sixth document through the form, and selecting words
 * in the source reader as a reader's mouse would. */
import type { Locator, Page } from "playwright-core";

/** Adds a Spanish press note with `text` through curate mode's form; resolves with its new id. */
export async function addSpanishNote(panel: Locator, text: string): Promise<string> {
  await panel.getByRole("button", { name: "Add a source" }).click();
  const form = panel.getByTestId("add-source");
  await form.getByLabel("Text of the document").fill(text);
  await form.getByLabel("Title").fill("La Armada informa de buques interceptados");
  await form.getByLabel(/^Outlet/).fill("Nota de prensa");
  await form.getByLabel("Published").fill("2026-01-14");
  await form.getByLabel("How the date is known").fill("Fechado en su primera línea.");
  await form.getByLabel(/^Language/).fill("es");
  await form.getByRole("button", { name: "Add to the draft" }).click();
  const added = await panel.getByText(/^Added 005_[0-9a-f]{16} to the draft/).textContent();
  return /005_[0-9a-f]{16}/.exec(added ?? "")![0];
}

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
