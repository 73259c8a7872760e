/**
 * The base draft's load problems are codes with their file or reason, which the curate
 * catalogue words in either language (no English sentence comes from state).
 */
import { describe, expect, it } from "vitest";
import { curate as en } from "../../../src/model/i18n/en/curate.ts";
import { curate as es } from "../../../src/model/i18n/es/curate.ts";
import { loadBaseDraft } from "../../../src/state/curate/base-draft.ts";

describe("loadBaseDraft's problems", () => {
  it("refuses a dataset that is not GeoJSON by code, naming the file", async () => {
    const r = await loadBaseDraft("http://127.0.0.1:1/", "data/big.vsmb", "data/sources.json", {});
    expect(r).toEqual({ ok: false, code: "notGeojson", file: "data/big.vsmb" });
    expect(es.baseLoad.notGeojson("data/big.vsmb")).toBe(
      "La curaduría edita conjuntos de datos GeoJSON; data/big.vsmb no lo es.",
    );
    expect(en.baseLoad.notGeojson("data/big.vsmb")).toContain("data/big.vsmb is not one");
  });

  it("gives the browser's reason when the files cannot be fetched", async () => {
    // Port 1 on this machine: nothing listens, so the fetch itself fails.
    const r = await loadBaseDraft("http://127.0.0.1:1/", "events.geojson", "sources.json", {});
    expect(r.ok).toBe(false);
    if (r.ok || r.code !== "unreadable") throw new Error(`unexpected ${JSON.stringify(r)}`);
    expect(r.why.length).toBeGreaterThan(0);
    expect(es.baseLoad.unreadable(r.why)).toMatch(/^No se pudieron leer los datos/);
  });
});
