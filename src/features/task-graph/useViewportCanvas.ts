import { useStoreApi } from '@xyflow/react';
import { useEffect, type RefObject } from 'react';

export interface CanvasView {
  transform: readonly [number, number, number];
  width: number;
  height: number;
  dpr: number;
}

/**
 * A canvas over the React Flow pane, kept at the pane's size in device pixels: `draw` runs now, again when
 * it changes (pass a `useCallback`), and at most once a frame while the viewport or the pane size moves.
 */
export function useViewportCanvas(
  ref: RefObject<HTMLCanvasElement | null>,
  draw: (ctx: CanvasRenderingContext2D, view: CanvasView) => void,
) {
  const store = useStoreApi();
  useEffect(() => {
    let frame = 0;
    const paint = () => {
      frame = 0;
      const canvas = ref.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const { transform, width, height } = store.getState();
      const dpr = window.devicePixelRatio || 1;
      if (canvas.width !== Math.round(width * dpr)) canvas.width = Math.round(width * dpr);
      if (canvas.height !== Math.round(height * dpr)) canvas.height = Math.round(height * dpr);
      draw(ctx, { transform, width, height, dpr });
    };
    paint();
    const unsubscribe = store.subscribe((s, prev) => {
      if (frame === 0 && (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height)) {
        frame = requestAnimationFrame(paint);
      }
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, ref, draw]);
}
