/**
 * Builds the vector tiles of a big dataset off the main thread (see event-tiles-core.ts). It gets
 * the dataset file's bytes (transferred, not copied) and answers each tile request with a vector
 * tile (transferred back). The main thread never serialises a big dataset's features for
 * MapLibre's worker, which alone would freeze the page.
 */
import { eventTile, indexEventTiles, type EventTileIndex } from "./event-tiles-core.ts";
import type { TileReply, TileRequest } from "./event-tiles-protocol.ts";

let index: EventTileIndex | null = null;

const post = (reply: TileReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(reply, transfer);

self.onmessage = (e: MessageEvent<TileRequest>) => {
  const m = e.data;
  try {
    if (m.type === "load") {
      index = indexEventTiles(m.bytes);
      post({ type: "ready", extents: index.extents });
    } else if (m.type === "tile") {
      const data = index ? eventTile(index, m.layer, m.z, m.x, m.y) : null;
      post({ type: "tile", id: m.id, data }, data ? [data] : []);
    }
  } catch (error) {
    post({
      type: "error",
      id: m.type === "tile" ? m.id : null,
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
