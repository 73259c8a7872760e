/**
 * The draft a curator starts from: the loaded dataset's own files, read again as they are on the
 * server (members the app does not model, such as `$schema`, included), with the source texts the
 * app has already read. The diff and the export compare against exactly this.
 */
import type { Draft } from "../../model/curate/draft.ts";
import type { EventCollection, SourceCollection } from "../../model/types.ts";

/** Why it could not be read, as a code the curate catalogue words (`baseLoad`). */
export type BaseDraftProblem =
  | { code: "notGeojson"; file: string }
  | { code: "noSources"; file: string }
  | { code: "unreadable"; why: string };

export type BaseDraft = { ok: true; draft: Draft } | ({ ok: false } & BaseDraftProblem);

export async function loadBaseDraft(
  baseUrl: string,
  eventsPath: string,
  sourcesPath: string,
  seeds: Record<string, string>,
): Promise<BaseDraft> {
  if (!/\.(geo)?json$/i.test(eventsPath))
    return { ok: false, code: "notGeojson", file: eventsPath };
  try {
    const [events, sources] = await Promise.all([
      readJson(new URL(eventsPath, baseUrl)),
      readJson(new URL(sourcesPath, baseUrl)),
    ]);
    const e = events as EventCollection;
    if (e?.type !== "FeatureCollection" || !Array.isArray(e.features))
      return { ok: false, code: "notGeojson", file: eventsPath };
    if (!Array.isArray((sources as SourceCollection)?.sources))
      return { ok: false, code: "noSources", file: sourcesPath };
    return {
      ok: true,
      draft: { events: e, sources: sources as SourceCollection, seeds: { ...seeds } },
    };
  } catch (err) {
    // The browser's own reason (or the server's status) stays as it is given.
    return { ok: false, code: "unreadable", why: (err as Error).message };
  }
}

async function readJson(url: URL): Promise<unknown> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return res.json();
}
