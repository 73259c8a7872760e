/**
 * Vector tiles of a big dataset, cut in a worker (event-tiles.worker.ts) and handed to MapLibre
 * through a custom protocol: `vsm-events://<key>/<layer>/{z}/{x}/{y}`.
 */
import { addProtocol } from "maplibre-gl";
import type { TileReply, TileRequest, TiledLayer } from "./event-tiles-protocol.ts";

export interface EventTiles {
  /** The tile URL template of a layer, for a vector source. */
  url(layer: TiledLayer): string;
  /** Resolves once the worker has indexed the features (with their counts); rejects on failure. */
  ready: Promise<{ extents: number }>;
  /** Starts the worker, if not yet started. The first tile request starts it too. */
  start(): void;
  dispose(): void;
}

const PROTOCOL = "vsm-events";
const live = new Map<
  string,
  (layer: TiledLayer, z: number, x: number, y: number) => Promise<ArrayBuffer | null>
>();
let registered = false;
let keys = 0;

function register() {
  if (registered) return;
  registered = true;
  addProtocol(PROTOCOL, async (params) => {
    const m = /^vsm-events:\/\/(\w+)\/(extents)\/(\d+)\/(\d+)\/(\d+)$/.exec(params.url);
    const tile = m ? live.get(m[1]!) : undefined;
    if (!m || !tile) throw new Error(`no such event tile: ${params.url}`);
    // An empty answer is an empty tile (no layers), which MapLibre accepts.
    return {
      data:
        (await tile(m[2] as TiledLayer, Number(m[3]), Number(m[4]), Number(m[5]))) ??
        new ArrayBuffer(0),
    };
  });
}

/**
 * Tiles from a dataset file's bytes, cut by a worker that gets them (transferred: detached here)
 * when `start()` is called or the first tile is asked for. Not before: on a two-core machine the
 * worker's parse would compete with MapLibre's own worker for the basemap, and big datasets only
 * draw extents from the icon zoom on, so the first view rarely needs them.
 */
export function eventTiles(bytes: Uint8Array): EventTiles {
  register();
  const key = `t${++keys}`;
  let worker: Worker | null = null;
  const waiting = new Map<
    number,
    { ok: (d: ArrayBuffer | null) => void; fail: (e: Error) => void }
  >();
  let next = 0;
  let settle!: { ok: (v: { extents: number }) => void; fail: (e: Error) => void };
  const ready = new Promise<{ extents: number }>((ok, fail) => (settle = { ok, fail }));
  const onmessage = (e: MessageEvent<TileReply>) => {
    const r = e.data;
    if (r.type === "ready") settle.ok({ extents: r.extents });
    else if (r.type === "tile") {
      waiting.get(r.id)?.ok(r.data);
      waiting.delete(r.id);
    } else if (r.id === null) settle.fail(new Error(r.message));
    else {
      waiting.get(r.id)?.fail(new Error(r.message));
      waiting.delete(r.id);
    }
  };
  const send = (m: TileRequest, transfer: Transferable[] = []) => worker!.postMessage(m, transfer);
  const start = () => {
    if (worker) return;
    worker = new Worker(new URL("./event-tiles.worker.ts", import.meta.url), {
      type: "module",
      name: "event-tiles",
    });
    worker.onmessage = onmessage;
    worker.onerror = (e) => settle.fail(new Error(e.message || "the tile worker failed"));
    send({ type: "load", bytes }, [bytes.buffer]);
  };
  live.set(key, async (layer, z, x, y) => {
    start();
    await ready;
    return new Promise((ok, fail) => {
      const id = next++;
      waiting.set(id, { ok, fail });
      send({ type: "tile", id, layer, z, x, y });
    });
  });
  return {
    url: (layer) => `${PROTOCOL}://${key}/${layer}/{z}/{x}/{y}`,
    ready,
    start,
    dispose() {
      live.delete(key);
      worker?.terminate();
      for (const w of waiting.values()) w.fail(new Error("tiles disposed"));
      waiting.clear();
    },
  };
}
