/**
 * The map as drawn, copied into a 2D canvas: the WebGL canvas keeps no drawing buffer between
 * frames (preserveDrawingBuffer costs every frame), so a frame is asked for and copied in the
 * `render` event of the frame that drew it. The event points are in that canvas too: a frame that
 * MapLibre draws draws them (event-points.ts).
 */
import type { Map as MapLibreMap } from "maplibre-gl";

export function snapshotMap(map: MapLibreMap): Promise<HTMLCanvasElement> {
  return new Promise((done) => {
    map.once("render", () => {
      const src = map.getCanvas();
      const copy = document.createElement("canvas");
      copy.width = src.width;
      copy.height = src.height;
      copy.getContext("2d")?.drawImage(src, 0, 0);
      done(copy);
    });
    map.triggerRepaint();
  });
}
