import { useStoreApi } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import type { GraphPicture } from './graphSvg';
import type { GraphSnapshotSource } from './snapshotSource';

/**
 * Lends the graph's current picture to the Export menu: read on demand, so exporting costs nothing
 * until asked, and the viewport comes from React Flow's store at that moment (the URL's copy is
 * written only when a move ends, and not at all before the first one).
 */
export function useGraphSnapshot(source: GraphSnapshotSource | undefined, picture: GraphPicture): void {
  const store = useStoreApi();
  const latest = useRef(picture);
  useEffect(() => {
    latest.current = picture;
  });
  useEffect(() => {
    if (!source) return;
    return source.provide(() => {
      const { transform, width, height } = store.getState();
      const [x, y, zoom] = transform;
      return { ...latest.current, viewport: { x, y, zoom }, pane: { width, height } };
    });
  }, [source, store]);
}
