/** Sets of event indexes as bitmasks: what the filters produce and the map, list and timeline read. */

/** A read-only set of event indexes: what the map and timeline ask of the visible events. */
export interface IndexSet {
  readonly size: number;
  has(idx: number): boolean;
  /** 1 at each index in the set (when built by indexSet): for tight loops. */
  readonly mask?: Uint8Array;
}

/** The indexes (distinct and ascending, as filterEvents gives them) as a bitmask over [0, n):
 * built in one pass and probed without hashing, which for big datasets is several times cheaper
 * than a Set on every timeline step. */
export function indexSet(n: number, idxs: readonly number[]): IndexSet {
  const mask = new Uint8Array(n);
  // Every index (nothing filtered, the usual case): no need to read them.
  if (idxs.length === n && n > 0 && idxs[0] === 0 && idxs[n - 1] === n - 1) mask.fill(1);
  else for (let k = 0; k < idxs.length; k++) mask[idxs[k]!] = 1;
  return { size: idxs.length, has: (i) => mask[i] === 1, mask };
}

/** The indexes in a set made by indexSet or filterSet (over [0, n)), ascending. */
export function setIndexes(set: IndexSet, n: number): number[] {
  const out = new Array<number>(set.size);
  let j = 0;
  if (set.mask)
    for (let i = 0; i < n; i++) {
      if (set.mask[i] === 1) out[j++] = i;
    }
  else for (let i = 0; i < n; i++) if (set.has(i)) out[j++] = i;
  out.length = j;
  return out;
}
