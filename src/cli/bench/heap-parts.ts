/**
 * What a JS heap is made of, from a V8 heap snapshot: the engine's compiled code (bytecode,
 * optimised code and their metadata), the objects the page's scripts hold, and what the browser
 * keeps of its own (its native objects). The long session's heap grows mostly by compiled code
 * while the JIT keeps optimising functions that turn hot late; a leak of the page's own shows in
 * its objects. Splitting the two tells them apart (docs/performance.md, "The long session").
 */
import type { CDPSession } from "playwright-core";

export interface HeapParts {
  /** V8's compiled code: node type `code`. */
  code: number;
  /** Everything else V8 holds for the page's scripts: objects, arrays, strings, closures, shapes. */
  objects: number;
  /** The browser's own objects reported in the snapshot (DOM, Blink and DevTools records). */
  native: number;
}

/** The part of a snapshot this reads: its node table and how to read a row of it. */
export interface HeapSnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
}

/** Sums the nodes' own sizes by part. `synthetic` nodes (the snapshot's roots) have no size. */
export function heapParts(s: HeapSnapshotJson): HeapParts {
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf("type");
  const sizeAt = fields.indexOf("self_size");
  if (typeAt < 0 || sizeAt < 0) throw new Error("heap snapshot without node types or sizes");
  const parts: HeapParts = { code: 0, objects: 0, native: 0 };
  for (let i = 0; i + width <= s.nodes.length; i += width) {
    const type = types[s.nodes[i + typeAt]!];
    const size = s.nodes[i + sizeAt]!;
    if (type === "code") parts.code += size;
    else if (type === "native") parts.native += size;
    else if (type !== "synthetic") parts.objects += size;
  }
  return parts;
}

/** Takes a heap snapshot of the page (after the collections its caller forced) and splits it. */
export async function snapshotParts(cdp: CDPSession): Promise<HeapParts> {
  const chunks: string[] = [];
  const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
  cdp.on("HeapProfiler.addHeapSnapshotChunk", onChunk);
  try {
    await cdp.send("HeapProfiler.takeHeapSnapshot", { reportProgress: false });
  } finally {
    cdp.off("HeapProfiler.addHeapSnapshotChunk", onChunk);
  }
  return heapParts(JSON.parse(chunks.join("")) as HeapSnapshotJson);
}
