/** Messages between the page and layout.worker.ts. */
import type { GraphLayout, LayoutInput } from './geometry';

export interface LayoutRequest {
  id: number;
  input: LayoutInput;
}

export type LayoutResponse = { id: number; layout: GraphLayout } | { id: number; error: string };
