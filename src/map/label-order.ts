/**
 * Place names stay readable over the events: the basemap's symbol layers (city, country and sea
 * names) are moved above the event markers and shapes, under the selected event's highlight.
 * Drawn above, they also win MapLibre's label placement, which goes from the top layer down; the
 * markers ignore placement, so no pin hides "Caracas" or "Guatire", and a label's halo still lets
 * the pin under it show. Works for any style (the embedded basemap or an online one): it moves
 * every symbol layer that is not ours.
 *
 * The clusters go back above the labels: a cluster is a control whose count must stay readable,
 * and it never shares its spot with a pin (a point is either in a cluster or drawn alone).
 */
import type { Map as MapLibreMap } from "maplibre-gl";

const OURS = /^(event-|selected-)/;

/** A basemap's own label layer (any style's), as opposed to the events' symbol layers. */
export function isBasemapLabels(layer: { id: string; type: string }): boolean {
  return layer.type === "symbol" && !OURS.test(layer.id);
}
const CLUSTERS = ["event-clusters", "event-cluster-count"];
/** The first of the selected event's layers (see selectedMarkerLayers). */
const SELECTION_FIRST = "selected-radius";

export function labelsOverEvents(m: MapLibreMap): void {
  const before = m.getLayer(SELECTION_FIRST) ? SELECTION_FIRST : undefined;
  for (const layer of m.getStyle().layers)
    if (isBasemapLabels(layer)) m.moveLayer(layer.id, before);
  for (const id of CLUSTERS) if (m.getLayer(id)) m.moveLayer(id, before);
}
