/**
 * Writing an export: into a folder the curator picks (the File System Access API, where the
 * browser has it), or as a zip made with fflate. The files are the model's (export-files.ts).
 */
import { strToU8, zipSync } from "fflate";
import type { DraftExport } from "../../model/curate/export-files.ts";

/** The zip of an export, its files at their repository paths. */
export function zipExport(exp: DraftExport): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of exp.files) entries[f.path] = strToU8(f.text);
  return zipSync(entries, { level: 6 });
}

/** The part of the File System Access API an export uses (not yet in TypeScript's DOM types). */
export interface WritableFolder {
  getDirectoryHandle(name: string, options: { create: true }): Promise<WritableFolder>;
  getFileHandle(
    name: string,
    options: { create: true },
  ): Promise<{
    createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
  }>;
}

type Picker = (options: { mode: "readwrite"; id?: string }) => Promise<WritableFolder>;

/** The browser's folder picker, when it has one (Chromium-based browsers). */
export function folderPicker(): Picker | null {
  const picker = (globalThis as { showDirectoryPicker?: Picker }).showDirectoryPicker;
  return typeof picker === "function" ? picker.bind(globalThis) : null;
}

/** Writes every file of the export under `root` (the repository's folder), making folders. */
export async function writeExport(root: WritableFolder, exp: DraftExport): Promise<void> {
  for (const f of exp.files) {
    const parts = f.path.split("/");
    const name = parts.pop()!;
    let dir = root;
    for (const part of parts) dir = await dir.getDirectoryHandle(part, { create: true });
    const writable = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await writable.write(f.text);
    await writable.close();
  }
}
