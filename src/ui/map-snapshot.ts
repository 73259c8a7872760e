/**
 * Where "Save as image" gets the map from: MapPane, which alone holds the map's controller,
 * provides a snapshot function while the map is mounted; the save asks for it.
 */
type Snapshot = () => Promise<HTMLCanvasElement | null>;

let current: Snapshot | null = null;

/** Called by MapPane; returns the cleanup that withdraws it. */
export function provideSnapshot(snapshot: Snapshot): () => void {
  current = snapshot;
  return () => {
    if (current === snapshot) current = null;
  };
}

export function takeSnapshot(): Promise<HTMLCanvasElement | null> {
  return current ? current() : Promise.resolve(null);
}
