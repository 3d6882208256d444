/**
 * What the Export menu, in the find bar, reads from the graph below it. Free of React Flow, so the
 * page's own chunk (where the menu lives) stays without it; the graph's side is useGraphSnapshot.ts.
 */
import type { Size, Viewport } from '../viewport';
import type { GraphPicture } from './graphSvg';

/** The graph as drawn at one moment: what to draw, and where the operator is looking. */
export interface GraphSnapshot extends GraphPicture {
  viewport: Viewport;
  pane: Size;
}

/** Between the Export menu and whichever graph is mounted below it (none on the timeline, or while laying out). */
export interface GraphSnapshotSource {
  /** The graph as drawn now, or null when none is. */
  read: () => GraphSnapshot | null;
  /** The mounted graph lends its reader; returns the function that takes it back. */
  provide: (reader: () => GraphSnapshot) => () => void;
}

export function createGraphSnapshotSource(): GraphSnapshotSource {
  let reader: (() => GraphSnapshot) | null = null;
  return {
    read: () => reader?.() ?? null,
    provide: (next) => {
      reader = next;
      return () => {
        if (reader === next) reader = null;
      };
    },
  };
}
