import { afterAll, beforeAll, test } from "vitest";
import type { Browser } from "playwright-core";
import { launch, open, gotoReady } from "./harness.ts";
let browser: Browser;
beforeAll(async () => { browser = await launch(); });
afterAll(async () => { await browser?.close(); });
test("probe", async () => {
  const s = await open(browser);
  const p = s.page;
  const active = () => p.evaluate(() => { const a = document.activeElement as HTMLElement; return `${a.tagName}.${a.className}#${a.id} ${a.textContent?.slice(0,40)} outline=${getComputedStyle(a).outlineStyle}`; });
  await gotoReady(s, "#q=rodeo");
  await p.keyboard.press("Tab"); console.log(await active());
  await p.keyboard.press("Enter"); await p.waitForTimeout(500); console.log("skip", p.url(), await active(), await p.locator("[data-testid^=notice], .notice").allTextContents(), await p.locator("[data-testid=count]").textContent());
  await p.keyboard.press("Tab"); console.log(await active());
  await p.keyboard.press("Enter"); await p.waitForTimeout(300); console.log(p.url(), await active());
  await p.keyboard.press("Tab"); console.log(await active());
  await p.keyboard.press("Enter"); 
  for (let i = 0; i < 5; i++) { console.log(i, await active()); await p.waitForTimeout(100); }
  await p.keyboard.press("Escape"); await p.waitForTimeout(300); console.log(p.url(), await active());
  await p.locator("li.citation").first().getByRole("button", { name: "Read in source" }).click();
  for (let i = 0; i < 5; i++) { console.log(i, await active()); await p.waitForTimeout(100); }
  console.log(s.consoleErrors, s.pageErrors);
  await s.close();
});
