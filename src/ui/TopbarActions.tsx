/**
 * The toolbar's actions. On a phone there is room for Filters and Share only, so the downloads,
 * the image and print sit behind "More", a menu that closes after a choice, on Escape, or on a
 * tap elsewhere; on a wider screen they are plain buttons in the row. "Curate" switches curate
 * mode (the draft editor) on and off; the embed view hides the whole toolbar.
 */
import { createSignal, onCleanup, onMount } from "solid-js";

export interface TopbarActionsProps {
  filtersOpen: boolean;
  onFilters: () => void;
  onExport: (format: "geojson" | "csv") => void;
  onSaveImage: () => void;
  onPrint: () => void;
  onShare: () => void;
  curate: boolean;
  onCurate: () => void;
}

export function TopbarActions(props: TopbarActionsProps) {
  const [more, setMore] = createSignal(false);
  let root: HTMLDivElement | undefined;
  let toggle: HTMLButtonElement | undefined;
  const choose = (run: () => void) => () => {
    setMore(false);
    run();
  };
  onMount(() => {
    const away = (e: PointerEvent) => {
      if (more() && root && !root.contains(e.target as Node)) setMore(false);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key !== "Escape" || !more()) return;
      setMore(false);
      toggle?.focus();
    };
    document.addEventListener("pointerdown", away);
    document.addEventListener("keydown", key);
    onCleanup(() => {
      document.removeEventListener("pointerdown", away);
      document.removeEventListener("keydown", key);
    });
  });
  return (
    <div class="actions" ref={root}>
      <button
        type="button"
        class="btn"
        aria-expanded={props.filtersOpen}
        aria-controls="filters"
        onClick={() => props.onFilters()}
      >
        Filters
      </button>
      <button
        ref={toggle}
        type="button"
        class="btn more-toggle"
        aria-expanded={more()}
        aria-controls="more-actions"
        onClick={() => setMore(!more())}
      >
        More
      </button>
      <div id="more-actions" class="more-actions" classList={{ open: more() }}>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onExport("geojson"))}
          title="Download the events shown as GeoJSON"
        >
          GeoJSON
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onExport("csv"))}
          title="Download one row per citation as CSV"
        >
          CSV
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onSaveImage())}
          title="Save the map as shown, with its legend and credits, as a PNG image"
        >
          Image
        </button>
        <button
          type="button"
          class="btn"
          onClick={choose(() => props.onPrint())}
          title="Print the open event's text with the map beside it"
        >
          Print
        </button>
        <button
          type="button"
          class="btn curate-toggle"
          aria-pressed={props.curate}
          onClick={choose(() => props.onCurate())}
          title="Add sources and events to a draft of this dataset, then export it"
        >
          Curate
        </button>
      </div>
      <button type="button" class="btn primary" onClick={() => props.onShare()}>
        Share
      </button>
    </div>
  );
}
