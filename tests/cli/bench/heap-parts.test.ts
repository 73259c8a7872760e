import { describe, expect, it } from "vitest";
import { heapParts, type HeapSnapshotJson } from "../../../src/cli/bench/heap-parts.ts";

/** A snapshot's node table as V8 writes it: one row of `node_fields` per node. */
const snapshot = (rows: [type: number, size: number][]): HeapSnapshotJson => ({
  snapshot: {
    meta: {
      node_fields: ["type", "name", "id", "self_size", "edge_count"],
      node_types: [["hidden", "object", "code", "native", "synthetic", "string"], "string"],
    },
  },
  nodes: rows.flatMap(([type, size], i) => [type, 0, i, size, 0]),
});

describe("heap parts", () => {
  it("splits compiled code, the page's objects and the browser's own", () => {
    const parts = heapParts(
      snapshot([
        [4, 0], // synthetic root
        [1, 100], // object
        [5, 40], // string
        [0, 8], // hidden
        [2, 1000], // code
        [2, 24], // code
        [3, 500], // native
      ]),
    );
    expect(parts).toEqual({ objects: 148, code: 1024, native: 500 });
  });

  it("refuses a snapshot without node types or sizes", () => {
    const bad = snapshot([[1, 1]]);
    bad.snapshot.meta.node_fields = ["type", "name"];
    expect(() => heapParts(bad)).toThrow(/node types or sizes/);
  });
});
