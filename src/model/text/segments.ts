/**
 * Cuts a source text into runs at every passage boundary, so the reader can mark overlapping
 * passages: each run lists the passages that cover it (none for plain text).
 */
import type { Passage } from "../dataset.ts";

export interface Segment {
  start: number;
  end: number;
  passages: Passage[];
}

export function segmentText(textLength: number, passages: readonly Passage[]): Segment[] {
  const cuts = new Set<number>([0, textLength]);
  for (const p of passages) {
    cuts.add(Math.max(0, Math.min(textLength, p.start)));
    cuts.add(Math.max(0, Math.min(textLength, p.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!,
      end = points[i + 1]!;
    if (end <= start) continue;
    out.push({ start, end, passages: passages.filter((p) => p.start <= start && p.end >= end) });
  }
  return out;
}

/** The distinct event ids that cite any of these passages, in first-seen order. */
export function eventsOf(passages: readonly Passage[]): string[] {
  return [...new Set(passages.flatMap((p) => p.citations.map((c) => c.eventId)))];
}
