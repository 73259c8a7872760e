/**
 * The basemap a viewer last chose, remembered in this browser (localStorage), so that a link that
 * names no basemap opens on it. A link's own `basemap=` wins, and is not remembered: only a choice
 * made in the switcher is.
 */
import { DEFAULT_BASEMAP, isBasemap, type BasemapId } from "../model/basemap.ts";

export const BASEMAP_STORAGE_KEY = "vsm.basemap";

export function rememberedBasemap(): BasemapId {
  try {
    const v = localStorage.getItem(BASEMAP_STORAGE_KEY);
    return isBasemap(v) ? v : DEFAULT_BASEMAP;
  } catch {
    return DEFAULT_BASEMAP; // storage disabled
  }
}

export function rememberBasemap(basemap: BasemapId): void {
  try {
    localStorage.setItem(BASEMAP_STORAGE_KEY, basemap);
  } catch {
    /* storage disabled or full: the choice lasts for this page only */
  }
}

/** What a page opens on: the link's basemap, else the remembered one. */
export const initialBasemap = (fromLink: BasemapId): BasemapId =>
  fromLink !== DEFAULT_BASEMAP ? fromLink : rememberedBasemap();
