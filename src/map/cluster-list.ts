/**
 * A small list at a spot on the map, of the events there, to choose one from: for a cluster that
 * zooming no longer splits, or pins stacked on one spot.
 */
import { Popup, type LngLatLike, type Map as MapLibreMap } from "maplibre-gl";

let open: Popup | null = null;

export function showEventList(
  m: MapLibreMap,
  at: LngLatLike,
  idxs: readonly number[],
  titleOf: (idx: number) => string,
  onSelect: (idx: number) => void,
): Popup {
  open?.remove();
  const box = document.createElement("div");
  box.className = "event-list-popup";
  const heading = document.createElement("p");
  heading.className = "event-list-heading";
  heading.textContent = `${idxs.length} events here`;
  const list = document.createElement("ul");
  list.setAttribute("aria-label", "Events at this spot");
  // A phone's map is short: the list opens below the spot, and the spot goes near the map's top
  // (under the legend's button), so the list fits in the map instead of running over the controls.
  const short = m.getContainer().clientHeight < 450;
  const popup = new Popup({
    closeButton: true,
    maxWidth: "300px",
    className: "event-list",
    ...(short ? { anchor: "top" as const } : {}),
  });
  for (const idx of idxs) {
    const li = document.createElement("li");
    const b = document.createElement("button");
    b.type = "button";
    b.dataset.idx = String(idx);
    // Titles come from the data: text, never markup.
    b.textContent = titleOf(idx);
    b.addEventListener("click", () => {
      popup.remove();
      onSelect(idx);
    });
    li.append(b);
    list.append(li);
  }
  box.append(heading, list);
  popup.setLngLat(at).setDOMContent(box).addTo(m);
  if (short) m.easeTo({ center: at, offset: [0, 64 - m.getContainer().clientHeight / 2] });
  popup.on("close", () => {
    if (open === popup) open = null;
  });
  open = popup;
  list.querySelector("button")?.focus({ preventScroll: true });
  return popup;
}
