/**
 * The export into a folder (issue 25, must-have 6), through the File System Access API: Chromium's
 * origin-private file system gives a real FileSystemDirectoryHandle, which stands in for the folder
 * a curator would pick. The files written there are read back and checked: the new document byte
 * for byte, the same files as the zip, and the validator (the code of `npm run check:data`) finds
 * no error in them. Closing the picker says so and loses nothing.
 */
import { readFileSync, readdirSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { validateDataset } from "../../src/model/validate/validate.ts";
import { addSpanishNote } from "./curate-helpers.ts";
import { gotoReady, launch, open } from "./harness.ts";
import { expectClean } from "./helpers.ts";

/** A new document with characters beyond ASCII, so that "byte for byte" means something. */
const TEXT = [
  "Puerto Cabello, 14 de enero de 2026.",
  "La Armada informó que «los buques fueron interceptados» durante la madrugada.",
  "",
].join("\n");

/**
 * The picker, replaced before the app's scripts run: the folder "export" in the origin-private
 * file system, or, when the page sets `vsmCancelPicker`, the AbortError a closed picker gives.
 */
const PICKER = `window.showDirectoryPicker = async () => {
  if (window.vsmCancelPicker) {
    window.vsmCancelPicker = false;
    throw new DOMException("The user aborted a request.", "AbortError");
  }
  return (await navigator.storage.getDirectory()).getDirectoryHandle("export", { create: true });
};`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Every file under the origin-private folder "export", by path, as bytes; {} when there is none. */
function exportedFiles(p: Page): Promise<Record<string, number[]>> {
  return p.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    let dir: FileSystemDirectoryHandle;
    try {
      dir = await root.getDirectoryHandle("export");
    } catch {
      return {};
    }
    const out: Record<string, number[]> = {};
    const walk = async (d: FileSystemDirectoryHandle, prefix: string) => {
      // @ts-expect-error: entries() is in Chromium, not yet in TypeScript's DOM types.
      for await (const [name, h] of d.entries() as AsyncIterable<[string, FileSystemHandle]>) {
        if (h.kind === "directory") await walk(h as FileSystemDirectoryHandle, `${prefix}${name}/`);
        else
          out[`${prefix}${name}`] = [
            ...new Uint8Array(await (await (h as FileSystemFileHandle).getFile()).arrayBuffer()),
          ];
      }
    };
    await walk(dir, "");
    return out;
  });
}

function shippedSeeds(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync("seeds"))
    out[name.replace(/\.txt$/, "")] = readFileSync(`seeds/${name}`, "utf8");
  return out;
}

describe("exporting into a folder", () => {
  test("a closed picker loses nothing; then the files written read back valid", async () => {
    const s = await open(browser, { init: PICKER });
    await gotoReady(s, "#curate=1&v=2");
    const p = s.page;
    const panel = p.locator('[data-testid="curate"]');

    const source = await addSpanishNote(panel, TEXT);

    const folder = p.getByRole("button", { name: "Write into a folder…" });
    await p.getByText("The validator accepts this draft.").waitFor();
    const review = p.getByTestId("review");
    await p.getByRole("button", { name: "Review changes" }).click();
    const changes = await review.textContent();
    expect(changes).toContain("La Armada informa de buques interceptados");

    // The curator closes the picker: said so, nothing written, the draft as it was.
    await p.evaluate(() => {
      (window as { vsmCancelPicker?: boolean }).vsmCancelPicker = true;
    });
    await folder.click();
    await p
      .getByRole("status")
      .getByText("No folder chosen: nothing was written, and the draft is kept.")
      .waitFor();
    expect(await p.getByRole("alert").filter({ hasText: "export failed" }).count()).toBe(0);
    expect(await exportedFiles(p)).toEqual({});
    expect(await review.textContent()).toBe(changes);

    // Then a folder: the three files, at their paths in the repository.
    await folder.click();
    await p.getByRole("status").getByText("Wrote 3 files into the folder.").waitFor();
    const bytes = await exportedFiles(p);
    expect(Object.keys(bytes).sort()).toEqual([
      "data/events.geojson",
      "data/sources.json",
      `seeds/${source}.txt`,
    ]);
    const written = Buffer.from(bytes[`seeds/${source}.txt`]!);
    expect(written.equals(Buffer.from(TEXT, "utf8")), "the document, byte for byte").toBe(true);
    const text = (path: string) => Buffer.from(bytes[path]!).toString("utf8");

    // The same files as the zip holds.
    const [download] = await Promise.all([
      p.waitForEvent("download"),
      p.getByRole("button", { name: "Download as zip" }).click(),
    ]);
    const zipped = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    expect(Object.keys(zipped).sort()).toEqual(Object.keys(bytes).sort());
    for (const path of Object.keys(bytes))
      expect(Buffer.from(zipped[path]!).equals(Buffer.from(bytes[path]!)), path).toBe(true);

    // And the validator accepts them, the new document among the seeds.
    const result = validateDataset({
      eventsFile: "data/events.geojson",
      eventsText: text("data/events.geojson"),
      sourcesFile: "data/sources.json",
      sourcesText: text("data/sources.json"),
      seeds: { ...shippedSeeds(), [source]: strFromU8(zipped[`seeds/${source}.txt`]!) },
    });
    expect(result.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(
      JSON.parse(text("data/sources.json")).sources.map((x: { id: string }) => x.id),
    ).toContain(source);
    expectClean(s);
    await s.close();
  });
});
