/**
 * How big a dataset is, and so how it is read, indexed and drawn. Decided once, in the loader,
 * from the count a file announces in its first bytes and then from its events, and passed on as a
 * value: the state, the UI and the map read the profile instead of comparing counts themselves.
 */
import { CLUSTER_LIMIT } from "./markers/map-features.ts";

/** Above this many events a dataset is read and indexed in slices, so the page keeps answering,
 * and no extent tiles are cut from it (the worker would parse hundreds of MB again). */
export const SLICED_ABOVE = 200_000;

export interface SizeProfile {
  count: number;
  /** Up to CLUSTER_LIMIT events: the map clusters the pins of the events shown. Above it, every
   * event is sent once and drawn by the point layer, the filters hide what they exclude, and the
   * file's bytes go to the worker that cuts the routes' and areas' tiles. */
  clustered: boolean;
  /** Above SLICED_ABOVE: read and indexed in slices; routes and areas drawn for the selected
   * event only. */
  sliced: boolean;
}

export function sizeProfile(count: number, slicedAbove = SLICED_ABOVE): SizeProfile {
  return { count, clustered: count <= CLUSTER_LIMIT, sliced: count > slicedAbove };
}
