/**
 * The only place that touches MapLibre's private parts. Each use says why no public API does the
 * job; tests/map/maplibre-internals.test.ts fails when the installed maplibre-gl no longer has the
 * shape relied on, and at run time a missing part is reported (console error) and its use skipped,
 * so an upgrade can make the map slower but never blank.
 */
import type { Map as MapLibreMap } from "maplibre-gl";

/** What this module reaches into: `map.painter.render` and `map.painter.drawFunctions.sky`. */
export function missingInternals(m: MapLibreMap): string[] {
  const painter = (m as { painter?: { render?: unknown; drawFunctions?: { sky?: unknown } } })
    .painter;
  const missing: string[] = [];
  if (typeof painter?.render !== "function") missing.push("map.painter.render");
  if (typeof painter?.drawFunctions?.sky !== "function")
    missing.push("map.painter.drawFunctions.sky");
  return missing;
}

function report(missing: string[]): void {
  if (missing.length)
    console.error(
      `maplibre-gl internals changed: ${missing.join(", ")} missing; see src/map/maplibre-internals.ts`,
    );
}

/**
 * Holds every frame until `release` is called: the map is then drawn once, complete, instead of
 * frame by frame as the style, tiles and labels come in (each partial frame is drawn in full by a
 * software GPU and read back while the main thread waits). MapLibre has no public "don't draw
 * yet": hiding the canvas still pays for the drawing. Returns `release`.
 */
export function holdFrames(m: MapLibreMap): () => void {
  const missing = missingInternals(m).filter((x) => x === "map.painter.render");
  if (missing.length) {
    report(missing);
    return () => {};
  }
  const painter = m.painter;
  painter.render = () => {};
  let held = true;
  return () => {
    if (!held) return;
    held = false;
    Reflect.deleteProperty(painter, "render"); // the prototype's again
    m.triggerRepaint();
  };
}

/**
 * MapLibre draws a sky over the whole canvas in every frame, flat maps too, where it never shows
 * (the horizon shows only at a pitch past the 60° this map allows): a full-canvas pass the software
 * GPU pays for in every frame, and a shader to compile in the first. A style cannot turn it off:
 * the style always has a sky, with default colours when it names none.
 */
export function skipSky(m: MapLibreMap): void {
  const missing = missingInternals(m).filter((x) => x === "map.painter.drawFunctions.sky");
  if (missing.length) {
    report(missing);
    return;
  }
  m.painter.drawFunctions.sky = () => {};
}
