/**
 * The draft a curator starts from: the loaded dataset's own files, read again as they are on the
 * server (members the app does not model, such as `$schema`, included), with the source texts the
 * app has already read. The diff and the export compare against exactly this.
 */
import type { Draft } from "../../model/curate/draft.ts";
import type { EventCollection, SourceCollection } from "../../model/types.ts";

export type BaseDraft = { ok: true; draft: Draft } | { ok: false; message: string };

export async function loadBaseDraft(
  baseUrl: string,
  eventsPath: string,
  sourcesPath: string,
  seeds: Record<string, string>,
): Promise<BaseDraft> {
  if (!/\.(geo)?json$/i.test(eventsPath))
    return { ok: false, message: `Curation edits GeoJSON datasets; ${eventsPath} is not one.` };
  try {
    const [events, sources] = await Promise.all([
      readJson(new URL(eventsPath, baseUrl)),
      readJson(new URL(sourcesPath, baseUrl)),
    ]);
    const e = events as EventCollection;
    if (e?.type !== "FeatureCollection" || !Array.isArray(e.features))
      return { ok: false, message: `Curation edits GeoJSON datasets; ${eventsPath} is not one.` };
    if (!Array.isArray((sources as SourceCollection)?.sources))
      return { ok: false, message: `${sourcesPath} has no "sources" list.` };
    return {
      ok: true,
      draft: { events: e, sources: sources as SourceCollection, seeds: { ...seeds } },
    };
  } catch (err) {
    return {
      ok: false,
      message: `The dataset could not be read for curation: ${(err as Error).message}`,
    };
  }
}

async function readJson(url: URL): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return res.json();
}
