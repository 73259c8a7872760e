/**
 * How far from each edge of the map a fit must keep the results, so that none of them ends under
 * something drawn over the map (the legend, the "Zoom to results" button, a notice).
 */

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A box in the page's pixels (a DOMRect's fields). */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The padding that keeps a fit clear of every overlay over `map`, plus `margin` on each side. An
 * overlay is cleared on the side that costs the least room: a tall one (an open legend) pushes
 * the results sideways, a wide one (a button, a notice) pushes them down or up. A side never takes
 * more than `maxShare` of the map, so a phone's small map still shows the results.
 */
export function overlayPadding(
  map: Box,
  overlays: readonly Box[],
  margin = 24,
  maxShare = 0.45,
): Padding {
  const pad: Padding = { top: margin, right: margin, bottom: margin, left: margin };
  const width = map.right - map.left;
  const height = map.bottom - map.top;
  for (const o of overlays) {
    const left = Math.max(o.left, map.left) - map.left;
    const right = Math.min(o.right, map.right) - map.left;
    const top = Math.max(o.top, map.top) - map.top;
    const bottom = Math.min(o.bottom, map.bottom) - map.top;
    if (right <= left || bottom <= top) continue;
    // How much room each side would need for the results to clear this overlay.
    const need: Padding = {
      left: right + margin,
      right: width - left + margin,
      top: bottom + margin,
      bottom: height - top + margin,
    };
    const side = (Object.keys(need) as (keyof Padding)[]).reduce((a, b) =>
      need[b] / (b === "left" || b === "right" ? width : height) <
      need[a] / (a === "left" || a === "right" ? width : height)
        ? b
        : a,
    );
    pad[side] = Math.max(pad[side], need[side]);
  }
  const cap = (v: number, size: number) => Math.min(v, size * maxShare);
  return {
    top: cap(pad.top, height),
    bottom: cap(pad.bottom, height),
    left: cap(pad.left, width),
    right: cap(pad.right, width),
  };
}
