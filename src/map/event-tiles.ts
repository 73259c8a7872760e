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
  dispose(): void;
}

const PROTOCOL = "vsm-events";
const live = new Map<string, (layer: TiledLayer, z: number, x: number, y: number) => Promise<ArrayBuffer | null>>();
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
    return { data: (await tile(m[2] as TiledLayer, Number(m[3]), Number(m[4]), Number(m[5]))) ?? new ArrayBuffer(0) };
  });
}

/** Starts a tile worker on the dataset file's bytes, which are transferred to it (detached here). */
export function startEventTiles(bytes: Uint8Array): EventTiles {
  register();
  const key = `t${++keys}`;
  const worker = new Worker(new URL("./event-tiles.worker.ts", import.meta.url), { type: "module", name: "event-tiles" });
  const waiting = new Map<number, { ok: (d: ArrayBuffer | null) => void; fail: (e: Error) => void }>();
  let next = 0;
  let settle!: { ok: (v: { extents: number }) => void; fail: (e: Error) => void };
  const ready = new Promise<{ extents: number }>((ok, fail) => (settle = { ok, fail }));
  worker.onmessage = (e: MessageEvent<TileReply>) => {
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
  worker.onerror = (e) => settle.fail(new Error(e.message || "the tile worker failed"));
  const send = (m: TileRequest, transfer: Transferable[] = []) => worker.postMessage(m, transfer);
  send({ type: "load", bytes }, [bytes.buffer]);
  live.set(key, async (layer, z, x, y) => {
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
    dispose() {
      live.delete(key);
      worker.terminate();
      for (const w of waiting.values()) w.fail(new Error("tiles disposed"));
      waiting.clear();
    },
  };
}
